import { NotFoundError, ValidationError } from '../domain/errors';
import { severityRank } from '../domain/vocabulary';
import { isLeaving, statusOfLinked, type Insight } from '../domain/insight';
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
 * observation (so the score loses no signal), and its quote when the target had none.
 */
function mergedInsight(target: Insight, source: Insight, linkCount: number, now: Date): Insight {
  const merged: Insight = {
    ...target,
    tags: [...new Set([...target.tags, ...source.tags])].slice(0, 20),
    severity:
      severityRank(source.severity) > severityRank(target.severity) ? source.severity : target.severity,
    observedAt:
      Date.parse(source.observedAt) > Date.parse(target.observedAt) ? source.observedAt : target.observedAt,
    quote: target.quote || source.quote,
    linkCount,
    status: linkCount > 0 && target.status === 'new' ? 'linked' : target.status,
    updatedAt: now.toISOString(),
    version: target.version + 1
  };
  if (!merged.accountKey && source.accountKey) merged.accountKey = source.accountKey;
  if (!merged.sourceUrl && source.sourceUrl) merged.sourceUrl = source.sourceUrl;
  if (!merged.journeyStage && source.journeyStage) merged.journeyStage = source.journeyStage;
  return merged;
}

/**
 * Merges a duplicate insight into another: the duplicate's links move to the target
 * (an issue linked to both keeps one link), tags and account carry over, and the
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
    const targetIssues = new Set(targetLinks.map((l) => l.issueId));
    const change = emptyChange();
    const moved: LinkRecord[] = [];
    for (const link of sourceLinks) {
      change.linkDeletes.push(removeLink(link));
      if (targetIssues.has(link.issueId)) continue;
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
        change.linkSets.push(rewriteLink(link, { ...link, accountKey: merged.accountKey! }));
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
