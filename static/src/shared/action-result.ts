import type { ApiError } from '../api';

/** Resolves to null on success, or to the error so a form can show its field issues. */
export type ActionResult = Promise<ApiError | null>;
