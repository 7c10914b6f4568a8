import type { RescoreProgressView } from '../contract/views';
import { allProjectIds } from '../jira/all-projects';
import type { IssueImpact } from '../domain/impact';
import { settingsHash } from '../domain/scoring/settings';
import { impactsAfter } from '../storage/impact-store';
import { getPublishFailures } from '../storage/publish-failure-store';
import type { RankRow } from '../storage/records';
import { getScoringSettings } from '../storage/settings-store';
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
import type { Env } from './actor';
import { applyChange, type AffectedIssue } from './apply-change';
import { issueStatesAsApp, type IssueState } from '../jira/issue-states-as-app';
import { emptyChange } from './evidence-change';
import { retryOnConflict } from './retry-on-conflict';
import { runChainStep } from './checkpointed-step';
import { publishIssues } from './publish-issues';
import type { SyncEvent } from '../sync/sync-events';
import { changedIssues, mustRecompute, pageUnits } from './rescore-selection';
import {
  FIRST_PAGE_ISSUES,
  MAX_DELAY_SECONDS,
  nextPageSize,
  pageDelaySeconds,
  RUN_CHAINS
} from './storage-budget';
import { projectKey, pushEvents, type OutgoingEvent } from '../sync/sync-queue';

/** Issues per rescore event at most: one Jira publish batch, four storage transactions. */
export const RESCORE_PAGE = 100;
/** Forge returns at most 100 rows per query. */
const QUERY_ROWS = 100;
/**
 * Projects of each lane whose progress a sweep step reads (each a storage read), and the
 * wait between steps: the sweep's reads stay within its reserve of the storage budget
 * (usecases/storage-budget), and its events far below Forge's 500 a minute.
 */
export const SWEEP_LOOKAHEAD = 10;
export const SWEEP_STEP_DELAY_SECONDS = 30;
/** Projects of its lane a finished chain looks at for one to hand over to. */
const HANDOVER_LOOKAHEAD = 4;

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
    startedAt: env.now().toISOString(),
    updatedAt: env.now().toISOString()
  };
  await saveSweep(run.runId, sweep);
  await pushEvents([sweepEvent(run.runId, sweep.sweepId, 0)]);
}

function sweepEvent(runId: string, sweepId: string, step: number): OutgoingEvent {
  return {
    concurrencyKey: SWEEP_KEY,
    body: { kind: 'rescore-sweep', runId, sweepId, step },
    ...(step === 0 ? {} : { delayInSeconds: SWEEP_STEP_DELAY_SECONDS })
  };
}

/**
 * One step of a sweep. A run's projects are dealt to `RUN_CHAINS` lanes (project i to
 * lane i mod RUN_CHAINS); a lane runs one project's chain at a time, which hands over to
 * the lane's next project when it finishes, so at most `RUN_CHAINS` chains share the
 * storage budget. A sweep starts each lane once, at its first unfinished project,
 * restarting a chain that failed, stalled or was stopped before queueing its next page;
 * then it follows the lanes, and ends when they stop moving (the watchdog's next sweep
 * takes over) or have all passed their last project: then the run is complete.
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
      const { lanes, started, pushed, failed, moved } = await followLanes(run, current, now);
      const through = lanes.every((index) => index >= run.projectIds.length);
      const failedPassed = (current.failedPassed ?? 0) + failed;
      // A project that failed during this sweep keeps the run open for the next one.
      if (through && failedPassed === 0) await saveRescoreRun({ ...run, completedAt: now.toISOString() });
      return {
        checkpoint: {
          ...current,
          lanes,
          lanesStarted: started,
          failedPassed,
          pushed: current.pushed + pushed
        },
        more: !through && moved
      };
    },
    queueNext: (step) => pushEvents([sweepEvent(run.runId, sweep.sweepId, step)])
  });
}

/** Moves each lane past its finished projects; on a sweep's first step, starts the lanes. */
async function followLanes(
  run: RescoreRun,
  sweep: RescoreSweep,
  now: Date
): Promise<{ lanes: number[]; started: boolean[]; pushed: number; failed: number; moved: boolean }> {
  const count = Math.min(RUN_CHAINS, run.projectIds.length);
  const lanes = sweep.lanes ?? Array.from({ length: count }, (_, i) => i);
  // A lane is started once per sweep, where the sweep first finds its unfinished project.
  const started = sweep.lanesStarted ?? lanes.map(() => false);
  const ahead = lanes.map((index) => laneProjects(run, index, SWEEP_LOOKAHEAD));
  const progress = await getProjectProgress(run.runId, ahead.flat());
  // A project that failed since this sweep started its lane is passed by; one that failed before, restarted.
  const sweepStart = Date.parse(sweep.startedAt ?? sweep.updatedAt);
  const starts: OutgoingEvent[] = [];
  let failed = 0;
  const next = lanes.map((start, l) => {
    const failedNow = (p: RescoreProjectProgress | undefined): boolean =>
      started[l] === true && p?.failed !== undefined && Date.parse(p.failed.at) >= sweepStart;
    let index = start;
    for (const projectId of ahead[l] ?? []) {
      const p = progress.get(projectId);
      if (!p?.finished && !failedNow(p)) break;
      if (!p?.finished) failed += 1;
      index += RUN_CHAINS;
    }
    const projectId = run.projectIds[index];
    if (!started[l] && projectId !== undefined && (ahead[l] ?? []).includes(projectId)) {
      const p = progress.get(projectId);
      if (needsStart(p, now)) starts.push(pageEvent(run.runId, projectId, p?.steps ?? 0));
      started[l] = true;
    }
    return index;
  });
  await pushEvents(starts);
  const moved = sweep.lanes === undefined || next.some((index, l) => index !== lanes[l]);
  return { lanes: next, started, pushed: starts.length, failed, moved };
}

/** A lane's projects from `index` on, at most `count`. */
function laneProjects(run: RescoreRun, index: number, count: number): string[] {
  const ids: string[] = [];
  for (let i = index; i < run.projectIds.length && ids.length < count; i += RUN_CHAINS) {
    ids.push(run.projectIds[i]!);
  }
  return ids;
}

/** Not started, or a chain whose next page will not come by itself. */
function needsStart(progress: RescoreProjectProgress | undefined, now: Date): boolean {
  if (!progress) return true;
  if (progress.finished) return false;
  return !progress.nextQueued || progress.failed !== undefined || stalled(progress.updatedAt, now);
}

/**
 * Starts the next unfinished project of a finished chain's lane, as late as the chain's
 * pace says, unless a chain is already going there.
 */
async function handOver(run: RescoreRun, projectId: string, delay: number, now: Date): Promise<void> {
  const ahead = laneProjects(run, run.projectIds.indexOf(projectId) + RUN_CHAINS, HANDOVER_LOOKAHEAD);
  if (ahead.length === 0) return;
  const progress = await getProjectProgress(run.runId, ahead);
  const nextId = ahead.find((id) => !progress.get(id)?.finished);
  if (nextId === undefined) return; // the sweep moves the lane further
  const p = progress.get(nextId);
  if (!needsStart(p, now)) return;
  await pushEvents([pageEvent(run.runId, nextId, p?.steps ?? 0, delay)]);
}

function pageEvent(runId: string, projectId: string, page: number, delayInSeconds = 0): OutgoingEvent {
  return {
    concurrencyKey: projectKey(projectId),
    body: { kind: 'rescore', runId, projectId, page },
    ...(delayInSeconds > 0 ? { delayInSeconds: Math.min(MAX_DELAY_SECONDS, delayInSeconds) } : {})
  };
}

/**
 * One page of one project's rescore, at most once however often its event arrives: the
 * page after the checkpointed last issue id is read, and of its issues those that other
 * settings made or that decay may have moved are pinned in the checkpoint, recomputed
 * from their evidence, and published when their score moved; the checkpoint moves on,
 * and the next page is queued as late as the chain's share of the storage budget says.
 */
export async function rescorePage(event: RescoreEvent, now: Date): Promise<void> {
  const [run, saved] = await Promise.all([
    getRescoreRun(),
    getOneProjectProgress(event.runId, event.projectId)
  ]);
  if (run?.runId !== event.runId) return; // superseded: the newer run covers this project
  const maxPage = run.pageSize ?? RESCORE_PAGE;
  let delay = secondsUntil(saved?.paceUntil, now);
  let finished = false;
  const outcome = await runChainStep<RescoreProjectProgress>({
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
      // A retry (or a resumed failed page) rescores the very issues its first attempt pinned.
      // One row fewer than a query returns: the row after the page says whether more follow.
      const limit = Math.min(current.pageSize ?? FIRST_PAGE_ISSUES, maxPage, QUERY_ROWS - 1);
      const pin = current.page
        ? { ...pinnedOf(current), scanned: undefined }
        : await pinNextPage(run.runId, event.projectId, current, limit, now);
      const page = await withBands(pin.page);
      const results =
        page.length > 0
          ? await retryOnConflict(() => applyChange(emptyChange(), page, now, { rescore: true, sync: false }))
          : new Map<string, IssueImpact | null>();
      const publish = [...new Set([...changedIssues(pin.page, results), ...pin.republish])];
      if (publish.length > 0) await publishIssues(publish);
      const used = pageUnits({
        scanned: pin.scanned,
        recomputed: pin.page,
        results,
        republished: pin.republish.length
      });
      delay = pageDelaySeconds(used);
      finished = !pin.more;
      const {
        failed: _cleared,
        page: _done,
        pageEnd: _end,
        pageRows: _rows,
        pageMore: _more,
        republish: _republished,
        ...rest
      } = current;
      return {
        checkpoint: {
          ...rest,
          issues: current.issues + pin.rows,
          recomputed: (current.recomputed ?? 0) + pin.page.length,
          published: (current.published ?? 0) + publish.length,
          pageSize: nextPageSize(pin.rows, used, maxPage),
          // A next page queued again (its first push failed) still keeps this page's pace.
          paceUntil: new Date(now.getTime() + delay * 1000).toISOString(),
          ...(pin.end === undefined ? {} : { afterIssueId: pin.end })
        },
        more: !finished
      };
    },
    queueNext: (page) => pushEvents([pageEvent(run.runId, event.projectId, page, delay)])
  });
  if (outcome === 'done' && finished) await handOver(run, event.projectId, delay, now);
}

interface PinnedPage {
  /** Issues to recompute from their evidence. */
  page: RescorePageIssue[];
  /** Issues left as they are whose last publish failed. */
  republish: string[];
  /** The rows the page query returned (undefined when resuming a pinned page). */
  scanned: RankRow[] | undefined;
  rows: number;
  /** Rows follow the page. */
  more: boolean;
  end?: string;
}

function pinnedOf(current: RescoreProjectProgress): Omit<PinnedPage, 'scanned'> {
  const page = current.page ?? [];
  // A page pinned before pages recorded their end: it is the whole page.
  const end = current.pageEnd ?? page.at(-1)?.issueId;
  return {
    page,
    republish: current.republish ?? [],
    rows: current.pageRows ?? page.length,
    // A page pinned before pages knew whether more follow: a full page may have more.
    more: current.pageMore ?? page.length === RESCORE_PAGE,
    ...(end === undefined ? {} : { end })
  };
}

/**
 * Reads a project's next page and saves in the checkpoint, before any of them is
 * rescored, the issues to recompute (with their scores) and to publish again. A rescore
 * deletes the impact of an issue with no evidence left, so a page whose publish (or
 * anything after the commit) failed would, asked of the index again, come back without
 * those issues: the retry would skip them, never publish their zero, and not count them.
 * Issues whose settings are current and whose decay cannot move them by a hundredth are
 * left alone: no evidence read, no write, no publish.
 */
async function pinNextPage(
  runId: string,
  projectId: string,
  current: RescoreProjectProgress,
  limit: number,
  now: Date
): Promise<PinnedPage> {
  const [queried, settings, failures] = await Promise.all([
    impactsAfter(projectId, current.afterIssueId, limit + 1),
    getScoringSettings(),
    getPublishFailures(projectId)
  ]);
  const rows = queried.slice(0, limit);
  const scoring = { hash: settingsHash(settings), recency: settings.recency };
  const page: RescorePageIssue[] = [];
  const republish: string[] = [];
  for (const row of rows) {
    if (mustRecompute(row, scoring, now) || row.band === undefined) {
      page.push({
        issueId: row.issueId,
        projectId: row.projectId,
        score: row.score,
        ...(row.parentId === undefined ? {} : { parentId: row.parentId }),
        ...(row.band === undefined ? { needsBand: true as const } : {})
      });
    } else if (failures[row.issueId] !== undefined) republish.push(row.issueId);
  }
  const end = rows.at(-1)?.issueId;
  const more = queried.length > limit;
  const pinned = { page, republish, rows: rows.length, more, ...(end === undefined ? {} : { end }) };
  if (page.length + republish.length > 0) {
    await saveProjectProgress(runId, projectId, {
      ...current,
      page,
      republish,
      pageRows: rows.length,
      pageMore: more,
      ...(end === undefined ? {} : { pageEnd: end }),
      updatedAt: now.toISOString()
    });
  }
  return { ...pinned, scanned: queried };
}

/**
 * The page's issues, those stored before level bands with the hierarchy level Jira gives
 * them now (one bulk read as the app, only when the page has such rows), so ranked pages
 * filtered by level find them after this run.
 */
async function withBands(page: readonly RescorePageIssue[]): Promise<AffectedIssue[]> {
  const unbanded = page.filter((issue) => issue.needsBand).map((issue) => issue.issueId);
  const states =
    unbanded.length > 0 ? (await issueStatesAsApp(unbanded)).states : new Map<string, IssueState>();
  return page.map(({ issueId, projectId, parentId }) => {
    const level = states.get(issueId)?.hierarchyLevel;
    return {
      issueId,
      projectId,
      ...(parentId === undefined ? {} : { parentId }),
      ...(level === undefined ? {} : { hierarchyLevel: level })
    };
  });
}

function secondsUntil(at: string | undefined, now: Date): number {
  if (at === undefined) return 0;
  return Math.max(0, Math.ceil((Date.parse(at) - now.getTime()) / 1000));
}

/**
 * Records that a project's page failed for good (Forge will not retry it again), so
 * the admin page shows the run failed instead of waiting forever; the next sweep (the
 * watchdog's, or an admin's Retry) starts the page again.
 */
export async function markPageFailed(event: RescoreEvent, reason: string, now: Date): Promise<void> {
  const [run, saved] = await Promise.all([
    getRescoreRun(),
    getOneProjectProgress(event.runId, event.projectId)
  ]);
  if (saved?.finished) return;
  await saveProjectProgress(event.runId, event.projectId, {
    ...(saved ?? { steps: 0, nextQueued: false, finished: false, issues: 0 }),
    updatedAt: now.toISOString(),
    failed: { at: now.toISOString(), reason }
  });
  // The lane goes on without it: the next sweep (watchdog or Retry) starts it again.
  if (run?.runId === event.runId) await handOver(run, event.projectId, 0, now);
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
