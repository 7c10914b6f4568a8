import { ForgeKvsAPIError, ForgeKvsError } from '@forge/kvs';
import { AppError, ConflictError, UpstreamError } from '../domain/errors';

/**
 * Maps a failure of the storage SDK to the app's error codes. A transaction whose
 * condition failed means another writer got there first (CONFLICT, retryable);
 * everything else is an upstream failure and nothing was written.
 */
export function toStorageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ForgeKvsAPIError) {
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
