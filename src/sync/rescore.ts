import type { RescoreProgressView } from '../contract/views';
import { allProjectIds } from '../jira/all-projects';
import { rankByProject } from '../storage/impact-store';
import {
  getProjectProgress,
  getRescoreRun,
  saveProjectProgress,
  saveRescoreRun,
  type RescoreRun
} from '../storage/rescore-store';
import type { Env } from '../usecases/actor';
import { applyChange } from '../usecases/apply-change';
import { emptyChange } from '../usecases/evidence-change';
import { retryOnConflict } from '../usecases/retry-on-conflict';
import { publishIssues } from './publish-issues';
import type { SyncEvent } from './sync-events';
import { pushEvents } from './sync-queue';

/** Issues per rescore event: one Jira publish batch, four storage transactions. */
export const RESCORE_PAGE = 100;

/**
 * Starts recomputing every stored score on the site (after new settings, or daily so
 * that decayed evidence weighs less): one chain of queue events per project, each
 * event rescoring and publishing one page. A newer run supersedes an older one.
 */
export async function startRescore(reason: RescoreRun['reason'], env: Env): Promise<RescoreProgressView> {
  const projectIds = await allProjectIds();
  const run: RescoreRun = { runId: env.newId(), reason, startedAt: env.now().toISOString(), projectIds };
  await saveRescoreRun(run);
  await pushEvents(
    projectIds.map((projectId) => ({ projectId, body: { kind: 'rescore', runId: run.runId, projectId } }))
  );
  return progressOf(run, new Map());
}

/** One page of one project's rescore; queues the next page until the project is done. */
export async function rescorePage(event: Extract<SyncEvent, { kind: 'rescore' }>, now: Date): Promise<void> {
  const [run, page] = await Promise.all([
    getRescoreRun(),
    rankByProject(event.projectId, event.cursor, RESCORE_PAGE)
  ]);
  if (run?.runId !== event.runId) return; // superseded: the newer run covers this project
  const issues = page.rows.map((row) => ({
    issueId: row.issueId,
    projectId: row.projectId,
    ...(row.parentId === undefined ? {} : { parentId: row.parentId })
  }));
  if (issues.length > 0) {
    await retryOnConflict(() => applyChange(emptyChange(), issues, now, { rescore: true, sync: false }));
    await publishIssues(issues.map((i) => i.issueId));
  }
  const issuesDone = event.issuesDone + issues.length;
  await saveProjectProgress(event.runId, event.projectId, {
    issues: issuesDone,
    finished: page.cursor === undefined,
    updatedAt: now.toISOString()
  });
  if (page.cursor !== undefined) {
    await pushEvents([{ projectId: event.projectId, body: { ...event, cursor: page.cursor, issuesDone } }]);
  }
}

/** How far the latest run has come, for the admin page. */
export async function rescoreProgress(): Promise<RescoreProgressView | null> {
  const run = await getRescoreRun();
  if (!run) return null;
  return progressOf(run, await getProjectProgress(run.runId, run.projectIds));
}

function progressOf(
  run: RescoreRun,
  progress: ReadonlyMap<string, { issues: number; finished: boolean }>
): RescoreProgressView {
  let issuesRescored = 0;
  let projectsDone = 0;
  for (const p of progress.values()) {
    issuesRescored += p.issues;
    if (p.finished) projectsDone += 1;
  }
  return {
    runId: run.runId,
    reason: run.reason,
    startedAt: run.startedAt,
    projects: run.projectIds.length,
    projectsDone,
    issuesRescored,
    done: projectsDone >= run.projectIds.length
  };
}
