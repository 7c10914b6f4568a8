import { ConflictError } from '../domain/errors';

const MAX_ATTEMPTS = 12;

/**
 * Runs a read-compute-write use case again when a concurrent writer won the race (its
 * transaction's version conditions failed). Each attempt re-reads everything, so the
 * final state reflects every writer: no update is lost.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConflictError) || tries >= MAX_ATTEMPTS) throw error;
      // Jittered backoff spreads out writers that collided, so one of them wins next time.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * tries));
    }
  }
}
