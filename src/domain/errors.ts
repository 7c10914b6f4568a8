/**
 * Error codes the UI branches on. Every failure that leaves a use case is an AppError
 * with one of these codes; handlers map them to `{ ok: false, error }` at the edge.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'UPSTREAM_FAILED',
  'BUSY',
  'INTERNAL'
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field; `path` is dotted (`account.arr`, `items.3.note`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldIssues: FieldIssue[] = []
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldIssues: FieldIssue[] = []) {
    super('VALIDATION_FAILED', message, fieldIssues);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** A concurrent writer won; the caller may retry with fresh data. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class LimitExceededError extends AppError {
  constructor(message: string) {
    super('LIMIT_EXCEEDED', message);
  }
}

/** Jira or Forge storage failed or throttled us; nothing was written. */
export class UpstreamError extends AppError {
  constructor(message: string, code: 'UPSTREAM_FAILED' | 'BUSY' = 'UPSTREAM_FAILED') {
    super(code, message);
  }
}

/**
 * Jira asked us to slow down; the queue retries the whole batch after `retryAfterSeconds`.
 * It lives here, not beside the Jira call that throws it, so the queue consumer can tell
 * it apart without reaching into the Jira adapter.
 */
export class JiraThrottledError extends UpstreamError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Jira is rate limiting the app; retrying in ${retryAfterSeconds} s.`);
  }
}

/**
 * The platform is throttling the app (Forge storage quotas): nothing was written, and the
 * same call will work again shortly. A user is told to try again in a moment; background
 * work hands the event back to be retried with backoff (it is an UpstreamError, which the
 * queue consumer and the triggers already retry).
 */
export class BusyError extends UpstreamError {
  constructor(message = 'Storage is busy right now. Wait a few seconds, then try again.') {
    super(message, 'BUSY');
  }
}

/** True for a failure that clears by itself if the same work is retried a little later. */
export function isBusy(error: unknown): error is BusyError {
  return error instanceof BusyError;
}
