import type { ErrorCode, FieldIssue } from '../domain/errors';

/** What every resolver returns: a value, or an error code the UI branches on. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fieldIssues: FieldIssue[];
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}
