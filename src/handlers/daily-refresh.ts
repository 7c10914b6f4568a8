import { randomUUID } from 'node:crypto';
import { startRescore } from '../usecases/rescore';
import { findDeletedProjects } from '../usecases/issue-lifecycle/find-deleted-projects';

/**
 * The daily scheduled trigger: evidence ages, so scores decay even when nothing
 * changes. Rescoring every project (through the queue) keeps Jira's copy true.
 */
export async function dailyRefresh(): Promise<void> {
  const env = { now: () => new Date(), newId: () => randomUUID() };
  // Before the rescore: it replaces the list of projects the sweep compares with.
  await findDeletedProjects(env);
  await startRescore('daily', env);
}
