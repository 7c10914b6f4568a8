import { randomUUID } from 'node:crypto';
import { resumeRescore } from '../usecases/rescore';

/**
 * A scheduled trigger that keeps a site-wide rescore moving. Its chains of queue events
 * stop when Forge's cyclic-invocation limit (1 000 pushes from one originating
 * invocation) is reached or a page fails for good; this fresh invocation starts a new
 * sweep that continues them from their checkpoints. Idle when no run is unfinished.
 */
export async function rescoreWatchdog(): Promise<void> {
  await resumeRescore({ now: () => new Date(), newId: () => randomUUID() }, { force: false });
}
