import { kvs } from '@forge/kvs';
import { batchGetItems } from './batch-get';
import { entityKey } from './entities';
import { guarded } from './kvs-failure';

/** The latest site-wide rescore: which projects it covers and why it ran. */
export interface RescoreRun {
  runId: string;
  reason: 'settings' | 'daily';
  startedAt: string;
  projectIds: string[];
}

/** One project's progress in a run, written only by that project's (serial) events. */
export interface RescoreProjectProgress {
  issues: number;
  finished: boolean;
  updatedAt: string;
}

const RUN_KEY = 'rescore:latest';
const progressKey = (runId: string, projectId: string): string =>
  `rescore:${entityKey(runId, 'run id')}:${entityKey(projectId, 'project id')}`;

export async function saveRescoreRun(run: RescoreRun): Promise<void> {
  await guarded(() => kvs.set(RUN_KEY, run));
}

export async function getRescoreRun(): Promise<RescoreRun | undefined> {
  return guarded(() => kvs.get<RescoreRun>(RUN_KEY));
}

export async function saveProjectProgress(
  runId: string,
  projectId: string,
  progress: RescoreProjectProgress
): Promise<void> {
  // Progress is bookkeeping for the admin page; a week is far longer than any run.
  await guarded(() => kvs.set(progressKey(runId, projectId), progress, { ttl: { value: 7, unit: 'DAYS' } }));
}

export async function getProjectProgress(
  runId: string,
  projectIds: readonly string[]
): Promise<Map<string, RescoreProjectProgress>> {
  const result = new Map<string, RescoreProjectProgress>();
  const items = await batchGetItems<RescoreProjectProgress>(
    projectIds.map((projectId) => ({ key: progressKey(runId, projectId) }))
  );
  for (const item of items) {
    const projectId = item.key.split(':').at(-1);
    if (projectId && item.value) result.set(projectId, item.value);
  }
  return result;
}
