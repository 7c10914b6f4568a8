import { QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '../../../src/domain/errors';
import type { ApiError } from './api-error';

// Every query and mutation fails with an ApiError (contract-query.ts converts whatever
// was thrown), so components read `error.code` without narrowing.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * The codes that may pass on a second try: the call never got an answer, or storage
 * asked us to slow down. Every other code is the app's considered answer (FORBIDDEN,
 * NOT_FOUND, VALIDATION_FAILED, …) and would only be repeated.
 */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['UPSTREAM_FAILED', 'BUSY']);

/** At most one more try, and only for a transient failure. */
export function shouldRetry(failureCount: number, error: ApiError): boolean {
  return failureCount < 1 && TRANSIENT.has(error.code);
}

/**
 * The cache of one mounted module (the panel, the project page or the admin page).
 * Data is refetched when a mutation invalidates it, not when the iframe regains focus:
 * Jira moves focus in and out of the app's iframe all the time, and each refetch costs
 * storage reads from the installation's quota.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false }
    }
  });
}
