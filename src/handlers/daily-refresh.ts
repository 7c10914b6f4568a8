import { randomUUID } from 'node:crypto';
import { startRescore } from '../sync/rescore';

/**
 * The daily scheduled trigger: evidence ages, so scores decay even when nothing
 * changes. Rescoring every project (through the queue) keeps Jira's copy true.
 */
export async function dailyRefresh(): Promise<void> {
  await startRescore('daily', { now: () => new Date(), newId: () => randomUUID() });
}
