import type { ErrorPayload } from '../../../src/contract/result';
import type { ErrorCode, FieldIssue } from '../../../src/domain/errors';

/**
 * A resolver answered `ok: false`, or the call never got an answer. Components branch
 * on `code` (never on `message`, which is for people) and put `fieldIssues` on the
 * matching form fields.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fieldIssues: readonly FieldIssue[];

  constructor(code: ErrorCode, message: string, fieldIssues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fieldIssues = fieldIssues;
  }

  static fromPayload(error: ErrorPayload): ApiError {
    return new ApiError(error.code, error.message, error.fieldIssues);
  }
}

/** Any thrown value as an ApiError, so callers handle exactly one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // The bridge rejects when the resolver crashed, timed out or was rate limited: the
  // app did not answer, and trying again is the only thing a user can do about it.
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError('UPSTREAM_FAILED', `The app did not answer (${detail}).`);
}
