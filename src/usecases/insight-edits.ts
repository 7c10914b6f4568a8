import { loadProjectInsight } from './project-insight';
import { InsightPatchSchema, isLeaving, validateObservedAt, type Insight } from '../domain/insight';
import { NotFoundError } from '../domain/errors';
import type { z } from 'zod';
import { getAccounts } from '../storage/account-store';
import { accountForCapture } from './account-survivor';
import { linkKey } from '../storage/entities';
import { linksOfInsight } from '../storage/link-store';
import { getScoringSettings } from '../storage/settings-store';
import type { Actor, Env } from './actor';
import { applyChange, type AffectedIssue, type ChangePlan } from './apply-change';
import { emptyChange, removeLink, rewriteLink } from './evidence-change';
import { affectedChain } from './link-insights';
import {
  accountKeyOf,
  conflictsOf,
  mergeAccount,
  newInsight,
  rescoreIfFilled,
  type AccountMerge,
  type InsightInput
} from './prepare-capture';
import { retryOnConflict } from './retry-on-conflict';
import { readBesideCheck, requireCapability } from './capabilities';
import type { DeleteOutcome, InsightView } from '../contract/views';
import { INLINE_LINKS, queueInsightJob } from './insight-job';
import { normaliseAccountKey, type Account } from '../domain/account';
import { RESTORE_WINDOW_MINUTES } from '../contract/payloads';
import { keepTrashedInsight } from '../storage/insight-trash-store';

type InsightPatch = z.output<typeof InsightPatchSchema>;

/** Captures an unlinked insight into the project's inbox. */
export async function captureInsight(
  actor: Actor,
  env: Env,
  projectId: string,
  input: InsightInput
): Promise<InsightView> {
  const insight = newInsight(input, projectId, actor, env);
  const { view, merge } = await retryOnConflict(async () => {
    const change = emptyChange();
    const key = accountKeyOf(input);
    // A name merged into another account joins the survivor.
    const joined = input.account && key ? await accountForCapture(key) : undefined;
    const merge =
      input.account && joined
        ? mergeAccount(input.account, joined.account, env.now(), joined.key)
        : undefined;
    if (merge?.put) change.accountPuts.push(merge.put);
    if (joined) insight.accountKey = joined.key;
    change.insightPuts.push({ insight, expect: 'absent' });
    await applyChange(change, [], env.now());
    const view: InsightView = merge ? { ...insight, account: merge.account, ...conflictsOf(merge) } : insight;
    return { view, merge };
  });
  await rescoreIfFilled(merge, projectId, env);
  return view;
}

/** Every issue whose impact includes this insight: the issues it is linked to and their ancestors. */
async function issuesFedBy(
  insightId: string
): Promise<{ affected: AffectedIssue[]; links: Awaited<ReturnType<typeof linksOfInsight>> }> {
  const links = await linksOfInsight(insightId);
  return { affected: links.flatMap((link) => affectedChain(link)), links };
}

/**
 * Edits an insight; every issue it is linked to (and their ancestors) is rescored in
 * the same transaction, or right after it when there are more than fit in one.
 */
export async function editInsight(
  actor: Actor,
  env: Env,
  projectId: string,
  insightId: string,
  patch: InsightPatch
): Promise<InsightView> {
  // Only curators edit (gate `curate-beside-read`): Jira's answer arrives while the first
  // wave reads, and nothing is written or answered before it.
  const curator = requireCapability(actor.accountId, projectId, 'curate');
  curator.catch(() => undefined);
  return patchInsight(env, projectId, insightId, patch, curator);
}

/**
 * The edit itself, once `allowed` settles: a curator's check from Jira, or, for an
 * intake source's redelivered ticket, the source's own authority (its signature was
 * checked when the delivery arrived). `importKey` replaces the insight's idempotency key.
 */
export async function patchInsight(
  env: Env,
  projectId: string,
  insightId: string,
  patch: InsightPatch,
  allowed: Promise<void>,
  importKey?: string
): Promise<InsightView> {
  const curator = allowed;
  const { view, merge } = await retryOnConflict(async () => {
    const now = env.now();
    // The insight, the links it feeds issues through and the settings in one wave; the
    // issues those links name are known only then, so the edit costs that wave (beside
    // the curator check), the write's own read of their impacts and groups, and the commit.
    const [current, fed, settings] = await readBesideCheck(
      curator,
      Promise.all([loadProjectInsight(insightId, projectId), issuesFedBy(insightId), getScoringSettings()])
    );
    if (isLeaving(current)) throw new NotFoundError('This insight is being deleted or merged.');
    if (patch.observedAt !== undefined) validateObservedAt(patch.observedAt, now);
    const change = emptyChange();
    const next: Insight = { ...current, updatedAt: now.toISOString(), version: current.version + 1 };
    if (patch.summary !== undefined) next.summary = patch.summary;
    if (patch.quote !== undefined) next.quote = patch.quote;
    if (patch.sourceKind !== undefined) next.sourceKind = patch.sourceKind;
    if (patch.severity !== undefined) next.severity = patch.severity;
    if (patch.sentiment !== undefined) next.sentiment = patch.sentiment;
    if (patch.observedAt !== undefined) next.observedAt = new Date(patch.observedAt).toISOString();
    if (patch.tags !== undefined) next.tags = patch.tags;
    if (importKey !== undefined) next.importKey = importKey;
    if (patch.sourceUrl !== undefined) {
      if (patch.sourceUrl === null) delete next.sourceUrl;
      else next.sourceUrl = patch.sourceUrl;
    }
    if (patch.journeyStage !== undefined) {
      if (patch.journeyStage === null) delete next.journeyStage;
      else next.journeyStage = patch.journeyStage;
    }
    let merge: AccountMerge | undefined;
    let account: Promise<Account | undefined>;
    if (patch.account === null) {
      delete next.accountKey;
      account = Promise.resolve(undefined);
    } else if (patch.account !== undefined) {
      const joined = await accountForCapture(normaliseAccountKey(patch.account.key ?? patch.account.name));
      merge = mergeAccount(patch.account, joined.account, now, joined.key);
      if (merge.put) change.accountPuts.push(merge.put);
      next.accountKey = joined.key;
      account = Promise.resolve(merge.account);
    } else {
      // The answer shows the account; reading it runs beside the write.
      const key = current.accountKey;
      account = key ? getAccounts([key]).then((found) => found.get(key)) : Promise.resolve(undefined);
    }
    const { affected, links } = fed;
    if (links.length > INLINE_LINKS) {
      // Too many issues to rescore in this transaction: the edit lands now and a queued
      // job rescores its issues (and their links' account hints), shown as pending.
      next.pending = 'rescore';
      change.insightPuts.push({ insight: next, expect: { version: current.version } });
      await applyChange(change, [], now);
      await queueInsightJob(next);
      const view: InsightView = { ...next, pendingLinks: links.length, ...conflictsOf(merge) };
      const shown = await account;
      return { view: shown ? { ...view, account: shown } : view, merge };
    }
    change.insightPuts.push({ insight: next, expect: { version: current.version } });
    // Links carry the account key so that scoring loads accounts without waiting for insights.
    for (const link of links) {
      if (link.accountKey !== next.accountKey) {
        const updated = { ...link };
        if (next.accountKey) updated.accountKey = next.accountKey;
        else delete updated.accountKey;
        change.linkSets.push(rewriteLink(link, updated));
      }
    }
    const known: ChangePlan['known'] = {
      insights: new Map([[insightId, current]]),
      links: new Map(links.map((link) => [linkKey(link.issueId, link.insightId), link])),
      settings
    };
    const [, shown] = await Promise.all([
      applyChange({ prefetch: [insightId], known, build: () => change }, affected, now),
      account
    ]);
    const view: InsightView = { ...next, ...conflictsOf(merge) };
    return { view: shown ? { ...view, account: shown } : view, merge };
  });
  await rescoreIfFilled(merge, projectId, env);
  return view;
}

/**
 * Deletes an insight and its links; the issues it was evidence for are rescored. An
 * insight linked to more issues than fit in one transaction is marked as being deleted
 * (no new links, no edits) and a queued job removes its links, rescores their issues
 * and deletes it; the answer says how many links are still to go.
 *
 * A delete done here is kept for its undo (restore-insight) for a few minutes: the
 * insight and its links as they were, on the server. It is kept once the delete has
 * landed, so a failed delete never leaves a copy that could later bring back an insight
 * deleted or merged away by other means; if keeping it fails, the answer offers no undo.
 */
export async function deleteInsight(
  actor: Actor,
  env: Env,
  projectId: string,
  insightId: string
): Promise<DeleteOutcome> {
  const { outcome, kept } = await retryOnConflict(async () => {
    const current = await loadProjectInsight(insightId, projectId);
    if (current.pending === 'merge') throw new NotFoundError('This insight is being merged into another.');
    const { affected, links } = await issuesFedBy(insightId);
    const change = emptyChange();
    if (current.pending === 'delete' || links.length > INLINE_LINKS) {
      if (current.pending !== 'delete') {
        const marked: Insight = { ...current, pending: 'delete', version: current.version + 1 };
        change.insightPuts.push({ insight: marked, expect: { version: current.version } });
        await applyChange(change, [], env.now());
      }
      // Queued again on a repeated delete, so a job whose event was lost still finishes.
      await queueInsightJob(current);
      return { outcome: { deleted: insightId, pendingLinks: links.length } };
    }
    change.insightDeletes.push({ id: insightId, expect: { version: current.version } });
    for (const link of links) change.linkDeletes.push(removeLink(link));
    await applyChange(change, affected, env.now());
    return { outcome: { deleted: insightId }, kept: { insight: current, links } };
  });
  if (!kept) return outcome;
  const deletedAt = env.now();
  try {
    await keepTrashedInsight(
      { ...kept, deletedAt: deletedAt.toISOString(), deletedBy: actor.accountId },
      RESTORE_WINDOW_MINUTES
    );
  } catch (error) {
    console.warn('Could not keep the deleted insight for its undo', error);
    return outcome;
  }
  const until = new Date(deletedAt.getTime() + RESTORE_WINDOW_MINUTES * 60_000);
  return { ...outcome, restorableUntil: until.toISOString() };
}
