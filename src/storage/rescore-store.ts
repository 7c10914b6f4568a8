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
  /** Issues per page event; 100 (one Jira publish batch) unless a run asks otherwise. */
  pageSize?: number;
  /** Set by the sweep that found every project finished: nothing is left to resume. */
  completedAt?: string;
}

/**
 * Where a checkpointed chain of queue events stands: how many steps are done and
 * whether the event for the next one is queued. Events carry only the step number;
 * everything else lives here, so a repeated or late event finds its step done.
 */
export interface ChainCheckpoint {
  steps: number;
  nextQueued: boolean;
  finished: boolean;
  updatedAt: string;
}

/** One project's progress in a run, written only by that project's (serial) events. */
export interface RescoreProjectProgress extends ChainCheckpoint {
  issues: number;
  /** The last issue id rescored: the next page starts after it. */
  afterIssueId?: string;
  /**
   * The issues of the page under way, saved before any of them is rescored: a rescore
   * can delete an impact (no evidence left), so a retried page must not ask the index
   * again, or it would skip (and never publish) what its first attempt changed.
   */
  page?: RescorePageIssue[];
  /**
   * Of the pinned page: the last issue id it scanned (the next page starts after it), how
   * many issues it scanned, whether more follow, and the skipped issues whose last
   * publish failed, to publish again.
   */
  pageEnd?: string;
  pageRows?: number;
  pageMore?: boolean;
  republish?: string[];
  /** Issues the next page asks for: sized to what pages cost (usecases/storage-budget). */
  pageSize?: number;
  /** Before this the chain's pace allows no next page: a sweep reusing its slot waits. */
  paceUntil?: string;
  /** Issues recomputed from evidence, and published to Jira, so far. */
  recomputed?: number;
  published?: number;
  /** A page that kept failing for as long as Forge retried it; a sweep resumes it. */
  failed?: { at: string; reason: string };
}

/** One issue of a page: where its impact ranks and rolls up. */
export interface RescorePageIssue {
  issueId: string;
  projectId: string;
  parentId?: string;
  /** Its score before the page recomputed it: only a moved score is published. */
  score?: number;
  /** Its row has no level band yet (written before bands): the page asks Jira for it. */
  needsBand?: true;
}

/** A pass over the run's projects that (re)starts every chain that is not running. */
export interface RescoreSweep extends ChainCheckpoint {
  sweepId: string;
  /** Project events this sweep has pushed so far. */
  pushed: number;
  /**
   * Where each lane of the run stands: the index (in the run's projects) of its first
   * project not known finished (usecases/rescore).
   */
  lanes?: number[];
  /** Lanes this sweep has started (or found running) at their first unfinished project. */
  lanesStarted?: boolean[];
  /** When the sweep began, and how many failed projects its lanes passed by. */
  startedAt?: string;
  failedPassed?: number;
  /** Set when the cyclic-invocation limit stopped it: the watchdog starts a new one. */
  stoppedAt?: string;
}

const RUN_KEY = 'rescore:latest';
// Progress and sweep keys expire: they are bookkeeping, and a week is longer than any run.
const BOOKKEEPING_TTL = { ttl: { value: 7, unit: 'DAYS' } } as const;
const progressKey = (runId: string, projectId: string): string =>
  `rescore:${entityKey(runId, 'run id')}:${entityKey(projectId, 'project id')}`;
const sweepKey = (runId: string): string => `rescore-sweep:${entityKey(runId, 'run id')}`;

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
  await guarded(() => kvs.set(progressKey(runId, projectId), progress, BOOKKEEPING_TTL));
}

export async function getOneProjectProgress(
  runId: string,
  projectId: string
): Promise<RescoreProjectProgress | undefined> {
  return guarded(() => kvs.get<RescoreProjectProgress>(progressKey(runId, projectId)));
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

export async function getSweep(runId: string): Promise<RescoreSweep | undefined> {
  return guarded(() => kvs.get<RescoreSweep>(sweepKey(runId)));
}

export async function saveSweep(runId: string, sweep: RescoreSweep): Promise<void> {
  await guarded(() => kvs.set(sweepKey(runId), sweep, BOOKKEEPING_TTL));
}
