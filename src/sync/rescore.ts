import type { RescoreProgressView } from '../contract/views';
import { allProjectIds } from '../jira/all-projects';
import { impactsAfter } from '../storage/impact-store';
import {
  getOneProjectProgress,
  getProjectProgress,
  getRescoreRun,
  getSweep,
  saveProjectProgress,
  saveRescoreRun,
  saveSweep,
  type RescorePageIssue,
  type RescoreProjectProgress,
  type RescoreRun,
  type RescoreSweep
} from '../storage/rescore-store';
import type { Env } from '../usecases/actor';
import { applyChange } from '../usecases/apply-change';
import { emptyChange } from '../usecases/evidence-change';
import { retryOnConflict } from '../usecases/retry-on-conflict';
import { runChainStep } from './checkpointed-step';
import { publishIssues } from './publish-issues';
import type { SyncEvent } from './sync-events';
import { projectKey, pushEvents } from './sync-queue';

/** Issues per rescore event: one Jira publish batch, four storage transactions. */
export const RESCORE_PAGE = 100;
/**
 * Projects a sweep step starts, and the wait between steps: 40 events every 10 s is
 * 240 a minute, half of Forge's 500 events per minute per installation, leaving room
 * for the chains' own next pages and for evidence changes.
 */
export const SWEEP_STEP_PROJECTS = 40;
export const SWEEP_STEP_DELAY_SECONDS = 10;
/**
 * A chain or sweep that has not moved for this long has lost its event (Forge gave up
 * on it, or the cyclic-invocation limit stopped it): the next sweep starts it again.
 */
export const STALLED_AFTER_MS = 20 * 60 * 1000;

const SWEEP_KEY = 'rescore-sweep';

type RescoreEvent = Extract<SyncEvent, { kind: 'rescore' }>;
type SweepEvent = Extract<SyncEvent, { kind: 'rescore-sweep' }>;

/**
 * Starts recomputing every stored score on the site (after new settings, or daily so
 * that decayed evidence weighs less). A paced sweep starts one chain of page events
 * per project; each chain checkpoints to storage after every page. A newer run
 * supersedes an older one.
 */
export async function startRescore(
  reason: RescoreRun['reason'],
  env: Env,
  options: { pageSize?: number } = {}
): Promise<RescoreProgressView> {
  const projectIds = await allProjectIds();
  // A page is one index query, and Forge returns at most 100 rows per query.
  const pageSize =
    options.pageSize === undefined ? undefined : Math.min(RESCORE_PAGE, Math.max(1, options.pageSize));
  const run: RescoreRun = {
    runId: env.newId(),
    reason,
    startedAt: env.now().toISOString(),
    projectIds,
    ...(pageSize === undefined ? {} : { pageSize })
  };
  await saveRescoreRun(run);
  await startSweep(run, env);
  return progressOf(run, new Map(), env.now());
}

/**
 * Starts a new sweep of an unfinished run, from a fresh invocation (the watchdog
 * trigger, or an admin's Retry): chains that the cyclic-invocation limit stopped, or
 * whose page kept failing, continue where their checkpoint says. Returns false when
 * there is nothing to resume.
 */
export async function resumeRescore(env: Env, options: { force: boolean }): Promise<boolean> {
  const run = await getRescoreRun();
  if (!run || run.completedAt !== undefined) return false;
  if (!options.force) {
    const sweep = await getSweep(run.runId);
    const running = sweep && !sweep.finished && sweep.stoppedAt === undefined;
    if (running && !stalled(sweep.updatedAt, env.now())) return false;
  }
  await startSweep(run, env);
  return true;
}

async function startSweep(run: RescoreRun, env: Env): Promise<void> {
  const sweep: RescoreSweep = {
    sweepId: env.newId(),
    steps: 0,
    nextQueued: true,
    finished: false,
    pushed: 0,
    updatedAt: env.now().toISOString()
  };
  await saveSweep(run.runId, sweep);
  await pushEvents([sweepEvent(run.runId, sweep.sweepId, 0)]);
}

function sweepEvent(runId: string, sweepId: string, step: number): Parameters<typeof pushEvents>[0][number] {
  return {
    concurrencyKey: SWEEP_KEY,
    body: { kind: 'rescore-sweep', runId, sweepId, step },
    ...(step === 0 ? {} : { delayInSeconds: SWEEP_STEP_DELAY_SECONDS })
  };
}

/**
 * One step of a sweep: for its slice of the run's projects, queues the next page of
 * every chain that is not running (not started, stopped before queueing its next page,
 * failed, or stalled), then queues the next step a little later. The last step marks
 * the run complete once every project is finished.
 */
export async function sweepStep(event: SweepEvent, now: Date): Promise<void> {
  const [run, sweep] = await Promise.all([getRescoreRun(), getSweep(event.runId)]);
  if (run?.runId !== event.runId || sweep?.sweepId !== event.sweepId) return; // superseded
  await runChainStep({
    step: event.step,
    checkpoint: sweep,
    now,
    save: (next) => saveSweep(run.runId, next),
    work: async (current) => {
      const start = event.step * SWEEP_STEP_PROJECTS;
      const slice = run.projectIds.slice(start, start + SWEEP_STEP_PROJECTS);
      const progress = await getProjectProgress(run.runId, slice);
      const starts = slice.flatMap((projectId) => {
        const p = progress.get(projectId);
        return needsStart(p, now) ? [pageEvent(run.runId, projectId, p?.steps ?? 0)] : [];
      });
      await pushEvents(starts);
      const more = start + SWEEP_STEP_PROJECTS < run.projectIds.length;
      if (!more) await completeIfFinished(run, now);
      return { checkpoint: { ...current, pushed: current.pushed + starts.length }, more };
    },
    queueNext: (step) => pushEvents([sweepEvent(run.runId, sweep.sweepId, step)])
  });
}

function needsStart(progress: RescoreProjectProgress | undefined, now: Date): boolean {
  if (!progress) return true;
  if (progress.finished) return false;
  return !progress.nextQueued || progress.failed !== undefined || stalled(progress.updatedAt, now);
}

async function completeIfFinished(run: RescoreRun, now: Date): Promise<void> {
  const progress = await getProjectProgress(run.runId, run.projectIds);
  const finished = run.projectIds.every((id) => progress.get(id)?.finished === true);
  if (finished) await saveRescoreRun({ ...run, completedAt: now.toISOString() });
}

function pageEvent(runId: string, projectId: string, page: number): Parameters<typeof pushEvents>[0][number] {
  return { concurrencyKey: projectKey(projectId), body: { kind: 'rescore', runId, projectId, page } };
}

/**
 * One page of one project's rescore, at most once however often its event arrives:
 * the page after the checkpointed last issue id is saved in the checkpoint, recomputed
 * from its links and published, the checkpoint moves on, and the next page is queued.
 */
export async function rescorePage(event: RescoreEvent, now: Date): Promise<void> {
  const [run, saved] = await Promise.all([
    getRescoreRun(),
    getOneProjectProgress(event.runId, event.projectId)
  ]);
  if (run?.runId !== event.runId) return; // superseded: the newer run covers this project
  const pageSize = run.pageSize ?? RESCORE_PAGE;
  await runChainStep<RescoreProjectProgress>({
    step: event.page,
    checkpoint: saved ?? {
      steps: 0,
      nextQueued: false,
      finished: false,
      issues: 0,
      updatedAt: now.toISOString()
    },
    now,
    save: (next) => saveProjectProgress(run.runId, event.projectId, next),
    work: async (current) => {
      // A retry (or a resumed failed page) rescores the very issues its first attempt read.
      const page = current.page ?? (await pinNextPage(run.runId, event.projectId, current, pageSize, now));
      if (page.length > 0) {
        await retryOnConflict(() => applyChange(emptyChange(), page, now, { rescore: true, sync: false }));
        await publishIssues(page.map((i) => i.issueId));
      }
      const { failed: _cleared, page: _done, ...rest } = current;
      const last = page.at(-1)?.issueId;
      return {
        checkpoint: {
          ...rest,
          issues: current.issues + page.length,
          ...(last === undefined ? {} : { afterIssueId: last })
        },
        // A full page may have more after it (at worst, one empty page ends the chain).
        more: page.length === pageSize
      };
    },
    queueNext: (page) => pushEvents([pageEvent(run.runId, event.projectId, page)])
  });
}

/**
 * Reads a project's next page and saves it in the checkpoint before any of its issues is
 * rescored. A rescore deletes the impact of an issue with no evidence left, so a page
 * whose publish (or anything after the commit) failed would, asked of the index again,
 * come back without those issues: the retry would skip them, never publish their zero,
 * and not count them.
 */
async function pinNextPage(
  runId: string,
  projectId: string,
  current: RescoreProjectProgress,
  pageSize: number,
  now: Date
): Promise<RescorePageIssue[]> {
  const rows = await impactsAfter(projectId, current.afterIssueId, pageSize);
  const page = rows.map((row) => ({
    issueId: row.issueId,
    projectId: row.projectId,
    ...(row.parentId === undefined ? {} : { parentId: row.parentId })
  }));
  if (page.length > 0) {
    await saveProjectProgress(runId, projectId, { ...current, page, updatedAt: now.toISOString() });
  }
  return page;
}

/**
 * Records that a project's page failed for good (Forge will not retry it again), so
 * the admin page shows the run failed instead of waiting forever; the next sweep (the
 * watchdog's, or an admin's Retry) starts the page again.
 */
export async function markPageFailed(event: RescoreEvent, reason: string, now: Date): Promise<void> {
  const saved = await getOneProjectProgress(event.runId, event.projectId);
  if (saved?.finished) return;
  await saveProjectProgress(event.runId, event.projectId, {
    ...(saved ?? { steps: 0, nextQueued: false, finished: false, issues: 0 }),
    updatedAt: now.toISOString(),
    failed: { at: now.toISOString(), reason }
  });
}

/** Records that the cyclic-invocation limit stopped a sweep, so the watchdog need not wait. */
export async function markSweepStopped(event: SweepEvent, now: Date): Promise<void> {
  const sweep = await getSweep(event.runId);
  if (sweep?.sweepId !== event.sweepId) return;
  await saveSweep(event.runId, { ...sweep, stoppedAt: now.toISOString() });
}

/** How far the latest run has come, for the admin page. */
export async function rescoreProgress(now: Date): Promise<RescoreProgressView | null> {
  const run = await getRescoreRun();
  if (!run) return null;
  const [progress, sweep] = await Promise.all([
    getProjectProgress(run.runId, run.projectIds),
    getSweep(run.runId)
  ]);
  return progressOf(run, progress, now, sweep);
}

function progressOf(
  run: RescoreRun,
  progress: ReadonlyMap<string, RescoreProjectProgress>,
  now: Date,
  sweep?: RescoreSweep
): RescoreProgressView {
  let issuesRescored = 0;
  let projectsDone = 0;
  let projectsFailed = 0;
  let lastMove = Date.parse(sweep?.updatedAt ?? run.startedAt);
  for (const p of progress.values()) {
    issuesRescored += p.issues;
    if (p.finished) projectsDone += 1;
    else if (p.failed) projectsFailed += 1;
    lastMove = Math.max(lastMove, Date.parse(p.updatedAt));
  }
  const done = projectsDone >= run.projectIds.length;
  return {
    runId: run.runId,
    reason: run.reason,
    startedAt: run.startedAt,
    projects: run.projectIds.length,
    projectsDone,
    projectsFailed,
    issuesRescored,
    done,
    // Nothing has moved for a long while: the run will not finish by itself.
    stalled: !done && now.getTime() - lastMove > STALLED_AFTER_MS
  };
}

function stalled(updatedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(updatedAt) > STALLED_AFTER_MS;
}
