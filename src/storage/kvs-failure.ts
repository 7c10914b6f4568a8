import { ForgeKvsAPIError, ForgeKvsError } from '@forge/kvs';
import { AppError, BusyError, ConflictError, UpstreamError } from '../domain/errors';

/**
 * Codes Forge storage throttles with. The docs name two for the same refusal (transactions,
 * "Limitations": TOO_MANY_REQUESTS; handling-errors-kvs, "Quota and limit handling": 429
 * RATE_LIMIT_EXCEEDED), so both are read as throttling, as is any 429.
 */
const THROTTLE_CODES: ReadonlySet<string> = new Set(['TOO_MANY_REQUESTS', 'RATE_LIMIT_EXCEEDED']);

export function isThrottleCode(code: string): boolean {
  return THROTTLE_CODES.has(code);
}

/**
 * Maps a failure of the storage SDK to the app's error codes. A transaction whose
 * condition failed means another writer got there first (CONFLICT, retryable); a quota
 * refusal means "not now" (BUSY: retry shortly, in the background with backoff);
 * everything else is an upstream failure and nothing was written.
 */
export function toStorageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ForgeKvsAPIError) {
    if (error.responseDetails.status === 429 || isThrottleCode(error.code)) return new BusyError();
    if (error.responseDetails.status === 409 || /CONDITION|CONFLICT/i.test(error.code)) {
      return new ConflictError('Someone else changed this evidence at the same time. Try again.');
    }
    return new UpstreamError(`Forge storage failed (${error.code}).`);
  }
  // Anything else (a network failure, a timeout) never reached storage; a misuse of the
  // SDK (ForgeKvsError) is a bug and is rethrown so it is logged as INTERNAL.
  if (error instanceof ForgeKvsError) throw error;
  return new UpstreamError('Forge storage could not be reached.');
}

/** Runs a storage call, translating its failures. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStorageError(error);
  }
}
