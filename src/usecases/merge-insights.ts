import { NotFoundError, ValidationError } from '../domain/errors';
import { severityRank } from '../domain/vocabulary';
import {
  ADDITIONAL_QUOTES_MAX,
  isLeaving,
  statusOfLinked,
  type AdditionalQuote,
  type Insight
} from '../domain/insight';
import { issueStatesAsApp } from '../jira/issue-states-as-app';
import { INLINE_LINKS, queueInsightJob } from './insight-job';
import { linksOfInsight } from '../storage/link-store';
import type { LinkRecord } from '../storage/records';
import type { InsightView } from '../contract/views';
import type { Actor, Env } from './actor';
import { applyChange } from './apply-change';
import { emptyChange, removeLink, rewriteLink } from './evidence-change';
import { affectedChain } from './link-insights';
import { retryOnConflict } from './retry-on-conflict';
import { loadProjectInsight, withAccount } from './project-insight';

/**
 * The merged insight keeps the target's words and gains what the duplicate knew: its
 * tags, its account when the target had none, the higher severity and the newer
 * observation (so the score loses no signal), and every quote: the duplicate's becomes
 * the quote when the target had none, and is kept beside it (with its source link)
 * otherwise, as are quotes merged into the duplicate before. The merged insight is
 * still one insight, so the score counts it once.
 */
function mergedInsight(target: Insight, source: Insight, linkCount: number, now: Date): Insight {
  // The duplicate's quote becomes the quote only where its source link cannot end up
  // under the target's other link: a quote always keeps where it came from.
  const takesQuote = !target.quote && source.quote !== '' && (!target.sourceUrl || !source.sourceUrl);
  const merged: Insight = {
    ...target,
    tags: [...new Set([...target.tags, ...source.tags])].slice(0, 20),
    severity:
      severityRank(source.severity) > severityRank(target.severity) ? source.severity : target.severity,
    observedAt:
      Date.parse(source.observedAt) > Date.parse(target.observedAt) ? source.observedAt : target.observedAt,
    quote: takesQuote ? source.quote : target.quote,
    linkCount,
    status: linkCount > 0 && target.status === 'new' ? 'linked' : target.status,
    updatedAt: now.toISOString(),
    version: target.version + 1
  };
  if (!merged.accountKey && source.accountKey) merged.accountKey = source.accountKey;
  // The duplicate's link goes with its quote: beside the target's own quote it stays on the kept quote.
  if (!merged.sourceUrl && source.sourceUrl && (takesQuote || !target.quote))
    merged.sourceUrl = source.sourceUrl;
  if (!merged.journeyStage && source.journeyStage) merged.journeyStage = source.journeyStage;
  // The service request the duplicate came from is told when the work ships (closing the
  // loop). An insight remembers one request: where both came from one, the target's stays.
  if (!merged.request && source.request) merged.request = source.request;
  const kept = keptQuotes(target, source, takesQuote);
  if (kept.length > 0) merged.additionalQuotes = kept;
  return merged;
}

/** The target's merged quotes, then the duplicate's own words and those merged into it, each once. */
function keptQuotes(target: Insight, source: Insight, takesQuote: boolean): AdditionalQuote[] {
  const kept = [...(target.additionalQuotes ?? [])];
  const has = (q: AdditionalQuote): boolean =>
    (q.quote === target.quote && (q.sourceUrl ?? '') === (target.sourceUrl ?? '')) ||
    kept.some((k) => k.quote === q.quote && (k.sourceUrl ?? '') === (q.sourceUrl ?? ''));
  const own: AdditionalQuote = {
    quote: source.quote,
    sourceKind: source.sourceKind,
    observedAt: source.observedAt
  };
  if (source.sourceUrl) own.sourceUrl = source.sourceUrl;
  const candidates = [...(takesQuote ? [] : [own]), ...(source.additionalQuotes ?? [])];
  for (const q of candidates) {
    if ((q.quote === '' && !q.sourceUrl) || has(q)) continue;
    kept.push(q);
  }
  return kept.slice(0, ADDITIONAL_QUOTES_MAX);
}

/** Most characters a link's note holds (the note payload's limit). */
const NOTE_MAX = 1000;

/** The target link's note with the duplicate's appended, unless it says nothing new. */
function joinedNote(kept: string | undefined, added: string | undefined): string {
  const mine = kept ?? '';
  if (!added || mine.includes(added)) return mine;
  return (mine ? `${mine}\n\n${added}` : added).slice(0, NOTE_MAX);
}

/**
 * Merges a duplicate insight into another: the duplicate's links move to the target
 * (an issue linked to both keeps one link, with both notes), tags, quotes and account
 * carry over, and the
 * duplicate is deleted — all in one transaction with every affected impact.
 */
export async function mergeInsights(
  _actor: Actor,
  env: Env,
  projectId: string,
  sourceId: string,
  targetId: string
): Promise<InsightView> {
  return retryOnConflict(async () => {
    const now = env.now();
    const [source, target, sourceLinks, targetLinks] = await Promise.all([
      loadProjectInsight(sourceId, projectId),
      loadProjectInsight(targetId, projectId),
      linksOfInsight(sourceId),
      linksOfInsight(targetId)
    ]);
    if (source.id === target.id) throw new ValidationError('An insight cannot be merged into itself.');
    if (source.pending || isLeaving(target))
      throw new NotFoundError('One of these insights is being changed by an earlier merge, delete or edit.');
    if (sourceLinks.length + targetLinks.length > INLINE_LINKS) {
      return mergeLater(source, target, sourceLinks.length, targetLinks.length, now);
    }
    const targetByIssue = new Map(targetLinks.map((l) => [l.issueId, l]));
    const change = emptyChange();
    const moved: LinkRecord[] = [];
    // Target links rewritten by the merge (a note joined, the account hint), each once.
    const rewritten = new Map<string, LinkRecord>();
    for (const link of sourceLinks) {
      change.linkDeletes.push(removeLink(link));
      const shared = targetByIssue.get(link.issueId);
      if (shared) {
        // Both backed this issue: the one link left keeps both notes.
        const note = joinedNote(shared.note, link.note);
        if (note !== (shared.note ?? '')) rewritten.set(shared.issueId, { ...shared, note });
        continue;
      }
      const { version: _version, ...rest } = link;
      const next: LinkRecord = { ...rest, insightId: targetId };
      const accountKey = target.accountKey ?? source.accountKey;
      if (accountKey) next.accountKey = accountKey;
      else delete next.accountKey;
      moved.push(next);
    }
    // A moved link is a new row: if the target was linked to that issue meanwhile, retry.
    change.linkSets.push(...moved.map((link) => ({ link, expect: 'absent' as const })));
    const merged = mergedInsight(target, source, targetLinks.length + moved.length, now);
    // Its status comes from every issue it backs once merged, as Jira has them now.
    const issueIds = [...targetLinks, ...moved].map((link) => link.issueId);
    const { states } = await issueStatesAsApp(issueIds);
    const categories = issueIds.flatMap((id) => states.get(id)?.statusCategory ?? []);
    merged.status = statusOfLinked(target.status, merged.linkCount, categories);
    // The target's existing links carry its account key for scoring; keep them in step.
    if (merged.accountKey !== target.accountKey) {
      for (const link of targetLinks)
        rewritten.set(link.issueId, {
          ...(rewritten.get(link.issueId) ?? link),
          accountKey: merged.accountKey!
        });
    }
    for (const link of targetLinks) {
      const next = rewritten.get(link.issueId);
      if (next) change.linkSets.push(rewriteLink(link, next));
    }
    change.insightPuts.push({ insight: merged, expect: { version: target.version } });
    change.insightDeletes.push({ id: sourceId, expect: { version: source.version } });
    await applyChange(
      change,
      [...sourceLinks, ...targetLinks].flatMap((link) => affectedChain(link)),
      now
    );
    return withAccount(merged);
  });
}

/**
 * A merge with more links than fit in one transaction: the target takes the duplicate's
 * words now (its issues are rescored by a job when it has links), the duplicate is
 * marked as merging (no new links, no edits), and a queued job moves its links and
 * deletes it. The answer is the target, with how many links are still to move.
 */
async function mergeLater(
  source: Insight,
  target: Insight,
  sourceLinks: number,
  targetLinks: number,
  now: Date
): Promise<InsightView> {
  const merged = mergedInsight(target, source, target.linkCount, now);
  if (targetLinks > 0) merged.pending = 'rescore';
  const marked: Insight = { ...source, pending: 'merge', mergeInto: target.id, version: source.version + 1 };
  const change = emptyChange();
  change.insightPuts.push({ insight: merged, expect: { version: target.version } });
  change.insightPuts.push({ insight: marked, expect: { version: source.version } });
  await applyChange(change, [], now);
  await Promise.all([queueInsightJob(marked), targetLinks > 0 ? queueInsightJob(merged) : undefined]);
  return { ...(await withAccount(merged)), pendingLinks: sourceLinks + targetLinks };
}
