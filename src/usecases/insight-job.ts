import type { Insight } from '../domain/insight';
import { getInsight, getInsights } from '../storage/insight-store';
import { getLinkRows, linksOfInsight } from '../storage/link-store';
import type { LinkRecord } from '../storage/records';
import { projectKey, pushEvents } from '../sync/sync-queue';
import type { Env } from './actor';
import { applyChange } from './apply-change';
import { emptyChange, removeLink, rewriteLink, type EvidenceChange } from './evidence-change';
import { affectedChain } from './link-insights';
import { rederiveStatus } from './issue-lifecycle/rederive-status';
import { retryOnConflict } from './retry-on-conflict';

/**
 * An insight with more links than this is deleted, merged or rescored by a queued job:
 * its links and the impacts they feed do not fit in one transaction of 25 operations.
 * Up to this many, the change lands at once (links, insight, and impacts, the overflow
 * of which follows in further transactions).
 */
export const INLINE_LINKS = 6;

/**
 * Links per job transaction. A deleted or rescored link is its row and the impacts of its
 * issue and ancestors (three for an epic's sub-task; impacts beyond 25 operations follow
 * in further transactions); a merged one also writes the target's link.
 */
const LINKS_PER_STEP = 5;
const MERGED_LINKS_PER_STEP = 4;
/** Job transactions per queued event, so one event stays well inside its time limit. */
const STEPS_PER_EVENT = 10;

type StepOutcome = 'done' | 'more';

/** Queues the next part of an insight's pending job (events of one project run in order). */
export async function queueInsightJob(insight: Pick<Insight, 'id' | 'projectId'>): Promise<void> {
  await pushEvents([
    {
      concurrencyKey: projectKey(insight.projectId),
      body: { kind: 'insight-job', insightId: insight.id, projectId: insight.projectId }
    }
  ]);
}

/**
 * Runs an insight's pending job a few transactions further, and queues the rest. Each
 * transaction re-reads the insight and its links and is conditioned on what it read,
 * so a repeated or late event, or a writer in between, changes nothing twice: the job
 * converges on the pending state and then clears it. An insight with nothing pending
 * (finished, or never started) is left alone.
 */
export async function continueInsightJob(
  event: { insightId: string; projectId: string },
  env: Env
): Promise<void> {
  for (let step = 0; step < STEPS_PER_EVENT; step += 1) {
    const outcome = await retryOnConflict(() => runStep(event.insightId, env.now()));
    if (outcome === 'done') return;
  }
  await queueInsightJob({ id: event.insightId, projectId: event.projectId });
}

async function runStep(insightId: string, now: Date): Promise<StepOutcome> {
  const [insight, links] = await Promise.all([getInsight(insightId), linksOfInsight(insightId)]);
  if (!insight?.pending) return 'done';
  switch (insight.pending) {
    case 'delete':
      return deleteStep(insight, links, now);
    case 'merge':
      return mergeStep(insight, links, now);
    case 'rescore':
      return rescoreStep(insight, links, now);
  }
}

/** Removes a few links; with the last of them, the insight itself. */
async function deleteStep(insight: Insight, links: readonly LinkRecord[], now: Date): Promise<StepOutcome> {
  const chunk = links.slice(0, LINKS_PER_STEP);
  const last = chunk.length === links.length;
  const change = emptyChange();
  change.linkDeletes.push(...chunk.map(removeLink));
  if (last) change.insightDeletes.push({ id: insight.id, expect: { version: insight.version } });
  else change.insightPuts.push(withLinkCount(insight, links.length - chunk.length));
  await applyChange(
    change,
    chunk.flatMap((link) => affectedChain(link)),
    now
  );
  return last ? 'done' : 'more';
}

/**
 * Moves a few of the duplicate's links to the target (an issue already linked to the
 * target keeps its one link); with the last of them, deletes the duplicate. If the
 * target went away meanwhile, the merge is abandoned and the duplicate stays.
 */
async function mergeStep(source: Insight, links: readonly LinkRecord[], now: Date): Promise<StepOutcome> {
  const target = source.mergeInto ? (await getInsights([source.mergeInto])).get(source.mergeInto) : undefined;
  const change = emptyChange();
  if (!target || target.pending === 'delete' || target.pending === 'merge') {
    change.insightPuts.push(settled(source));
    await applyChange(change, [], now);
    return 'done';
  }
  const chunk = links.slice(0, MERGED_LINKS_PER_STEP);
  const last = chunk.length === links.length;
  const existing = await getLinkRows(chunk.map((link) => ({ issueId: link.issueId, insightId: target.id })));
  let moved = 0;
  for (const link of chunk) {
    change.linkDeletes.push(removeLink(link));
    if (existing.has(link.issueId)) continue;
    const { version: _version, accountKey: _account, ...rest } = link;
    const next: LinkRecord = { ...rest, insightId: target.id, insightUpdatedAt: target.updatedAt };
    if (target.accountKey) next.accountKey = target.accountKey;
    change.linkSets.push({ link: next, expect: 'absent' });
    moved += 1;
  }
  const linkCount = target.linkCount + moved;
  change.insightPuts.push({
    insight: {
      ...target,
      linkCount,
      status: linkCount > 0 && target.status === 'new' ? 'linked' : target.status,
      version: target.version + 1
    },
    expect: { version: target.version }
  });
  if (last) change.insightDeletes.push({ id: source.id, expect: { version: source.version } });
  else change.insightPuts.push(withLinkCount(source, links.length - chunk.length));
  await applyChange(
    change,
    chunk.flatMap((link) => affectedChain(link)),
    now
  );
  // Every link has moved: the target's status comes from all the issues it now backs.
  if (last) await rederiveStatus([target.id], () => now);
  return last ? 'done' : 'more';
}

/**
 * Rescores the issues of a few links not yet scored from the insight as it is now
 * (their stamp or account hint is behind); when none is left, the job is done.
 */
async function rescoreStep(insight: Insight, links: readonly LinkRecord[], now: Date): Promise<StepOutcome> {
  const behind = links.filter((link) => !scoredFrom(link, insight));
  const chunk = behind.slice(0, LINKS_PER_STEP);
  const last = chunk.length === behind.length;
  const change = emptyChange();
  change.linkSets.push(...chunk.map((link) => rewriteLink(link, stamped(link, insight))));
  // Conditioned on the insight as read: an edit meanwhile leaves more links behind.
  if (last) change.insightPuts.push(settled(insight));
  await applyChange(
    change,
    chunk.flatMap((link) => affectedChain(link)),
    now
  );
  return last ? 'done' : 'more';
}

/** Whether a link's issues were scored from this version of its insight. */
export function scoredFrom(link: LinkRecord, insight: Insight): boolean {
  return link.insightUpdatedAt === insight.updatedAt && link.accountKey === insight.accountKey;
}

/** The link as its issues are scored from the insight now: stamp and account hint. */
export function stamped(link: LinkRecord, insight: Insight): LinkRecord {
  const { accountKey: _account, ...rest } = link;
  const next: LinkRecord = { ...rest, insightUpdatedAt: insight.updatedAt };
  if (insight.accountKey) next.accountKey = insight.accountKey;
  return next;
}

function withLinkCount(insight: Insight, linkCount: number): EvidenceChange['insightPuts'][number] {
  return {
    insight: { ...insight, linkCount, version: insight.version + 1 },
    expect: { version: insight.version }
  };
}

/** The insight with its job finished (its content unchanged: `updatedAt` stays). */
function settled(insight: Insight): EvidenceChange['insightPuts'][number] {
  const { pending: _pending, mergeInto: _into, ...rest } = insight;
  return { insight: { ...rest, version: insight.version + 1 }, expect: { version: insight.version } };
}
