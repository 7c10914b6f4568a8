import { invoke } from '@forge/bridge';
import type { ErrorCode, FieldIssue } from '../../../src/domain/errors';
import { ERROR_CODES } from '../../../src/domain/errors';
import type { Result } from '../../../src/contract/result';
import type { ContractKey, PayloadOf, ResultOf } from '../../../src/contract/surfaces';
import { ApiError, toApiError } from './api-error';
import { isEmptyPayloadKey } from './empty-payload-keys';

/**
 * Calls a panel, project or admin resolver and unwraps its Result: resolves with the
 * value, or rejects with an ApiError. Typed from the shared contract, so a wrong key or
 * payload shape fails to compile here exactly as it would in `resolver.define`.
 *
 * The payload is checked with the contract's schema first: a bad payload fails fast
 * with the same VALIDATION_FAILED shape the server would send, without a round trip.
 * The schemas (zod) load on the first call that carries data: calls without a payload
 * — the panel's whole first paint — only need "no fields", and checking that must not
 * make the first paint download the schema library.
 */
export async function invokeApi<K extends ContractKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  const issues = isEmptyPayloadKey(key) ? unknownFields(payload) : await checkWithSchema(key, payload);
  if (issues.length > 0) throw new ApiError('VALIDATION_FAILED', 'Some fields need attention.', issues);
  return callResolver(key, payload);
}

/** What the strict empty schema would say: every field is unknown. */
function unknownFields(payload: unknown): FieldIssue[] {
  if (typeof payload !== 'object' || payload === null) return [{ path: '', message: 'Expected an object' }];
  return Object.keys(payload).map((path) => ({ path, message: 'Unknown field' }));
}

async function checkWithSchema<K extends ContractKey>(key: K, payload: PayloadOf<K>): Promise<FieldIssue[]> {
  const { payloadIssues } = await import('./payload-check');
  return payloadIssues(key, payload);
}

/**
 * The one place that calls `invoke`. Sends the payload as given (not the parsed
 * output): the server parses it again with the same schema and owns the defaults.
 */
async function callResolver<K extends ContractKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  let response: unknown;
  try {
    response = await invoke<PayloadOf<K>, Result<ResultOf<K>>>(key, payload);
  } catch (error) {
    throw toApiError(error);
  }
  if (!isResult(response)) {
    throw new ApiError('INTERNAL', `The app sent an unexpected answer to ${key}.`);
  }
  if (response.ok) return response.value as ResultOf<K>;
  throw ApiError.fromPayload({
    code: isErrorCode(response.error.code) ? response.error.code : 'INTERNAL',
    message: typeof response.error.message === 'string' ? response.error.message : 'Something went wrong.',
    fieldIssues: Array.isArray(response.error.fieldIssues) ? response.error.fieldIssues : []
  });
}

/** Just enough of a shape check to unwrap safely; the server types the value. */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}
