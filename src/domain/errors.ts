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
  constructor(message: string) {
    super('UPSTREAM_FAILED', message);
  }
}
