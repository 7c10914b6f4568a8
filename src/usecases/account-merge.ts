import { ForbiddenError, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors';
import type { Account } from '../domain/account';
import { isLeaving, type Insight } from '../domain/insight';
import {
  accountAliasKey,
  accountChangeKey,
  getAccount,
  getAccountAliases,
  type AccountAliasRecord,
  type AccountChangeRecord
} from '../storage/account-store';
import { linkKey } from '../storage/entities';
import { getInsight, getInsights, insightIdsOfAccount } from '../storage/insight-store';
import { linksOfInsight } from '../storage/link-store';
import { WriteSet } from '../storage/write-set';
import type { AccountMergeView } from '../contract/views';
import type { Actor, Env } from './actor';
import { startAccountRescore } from './account-rescore';
import { applyChange } from './apply-change';
import { emptyChange, rewriteLink } from './evidence-change';
import { identityAllowed } from './identity-access';
import { INLINE_LINKS, queueInsightJob } from './insight-job';
import { affectedChain } from './link-insights';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Most insights one merge moves: each is its own transaction within this call. A larger
 * duplicate is refused before anything is written.
 */
export const MAX_MERGE_INSIGHTS = 100;

/**
 * Merges a duplicate account into the one that stays. First, in one transaction, the
 * duplicate's key becomes an alias of the survivor (so a capture or an import naming it
 * joins the survivor) and both histories record the merge; then every insight of the
 * duplicate moves to the survivor, each with the issues it feeds rescored in its own
 * transaction; then the duplicate's record goes and the survivor's rescore job runs
 * (fresh account on every group, search terms with the survivor's name).
 *
 * Every step checks what is stored before writing, so a retried call (or one that
 * failed half way) finishes the same merge and changes nothing twice. Refused for a
 * user who may not see customer identity, and for a duplicate with evidence in another
 * project (a curator here curates only this project's evidence).
 */
export async function mergeAccounts(
  actor: Actor,
  env: Env,
  projectId: string,
  sourceKey: string,
  targetKey: string
): Promise<AccountMergeView> {
  if (!(await identityAllowed(actor.accountId).catch(() => false)))
    throw new ForbiddenError('Customer accounts are hidden for you by the privacy settings.');
  if (sourceKey === targetKey) {
    throw new ValidationError('An account cannot be merged into itself.', [
      { path: 'targetKey', message: 'Pick another account to keep' }
    ]);
  }
  const survivor = await retryOnConflict(() => recordMerge(actor, env, projectId, sourceKey, targetKey));
  const insightsMoved = await moveAccountInsights(sourceKey, targetKey, env);
  const rescore = await startAccountRescore(targetKey, projectId, env);
  return { survivor, insightsMoved, rescore };
}

/**
 * The merge's record: alias, histories and the survivor's check, in one transaction.
 * Answers the survivor; a merge already recorded into the same survivor is not
 * recorded again.
 */
async function recordMerge(
  actor: Actor,
  env: Env,
  projectId: string,
  sourceKey: string,
  targetKey: string
): Promise<Account> {
  const [source, target, aliases, ids] = await Promise.all([
    getAccount(sourceKey),
    getAccount(targetKey),
    getAccountAliases([sourceKey, targetKey]),
    insightIdsOfAccount(sourceKey, MAX_MERGE_INSIGHTS + 1)
  ]);
  if (aliases.has(targetKey) || !target) throw new NotFoundError('No such account to keep.');
  const earlier = aliases.get(sourceKey);
  if (earlier) {
    if (earlier.target === targetKey) return target;
    throw new NotFoundError('This account was already merged into another one.');
  }
  if (!source) throw new NotFoundError('No such account to merge.');
  if (ids.length > MAX_MERGE_INSIGHTS) {
    throw new LimitExceededError(
      `An account with more than ${MAX_MERGE_INSIGHTS} insights cannot be merged in one go.`
    );
  }
  const insights = [...(await getInsights(ids)).values()];
  if (insights.some((insight) => insight.projectId !== projectId))
    throw new ForbiddenError('This account has evidence in other projects: it cannot be merged from here.');

  const now = env.now();
  const alias: AccountAliasRecord = {
    target: targetKey,
    name: source.name,
    mergedAt: now.toISOString(),
    mergedBy: actor.accountId
  };
  const intoTarget: AccountChangeRecord = {
    accountKey: targetKey,
    at: now.toISOString(),
    by: actor.accountId,
    changes: [],
    mergedFrom: { key: sourceKey, name: source.name, insights: insights.length }
  };
  const intoSource: AccountChangeRecord = {
    accountKey: sourceKey,
    at: now.toISOString(),
    by: actor.accountId,
    changes: [],
    mergedInto: { key: targetKey, name: target.name }
  };
  // The duplicate's row stays until its insights have moved (they are scored with it
  // meanwhile); the check on it keeps a concurrent edit from slipping past the merge.
  await new WriteSet()
    .checkAccount(source)
    .checkAccount(target)
    .putBeside(accountAliasKey(sourceKey), alias)
    .putNew(accountChangeKey(targetKey, now, env.newId()), intoTarget)
    .putNew(accountChangeKey(sourceKey, now, env.newId()), intoSource)
    .commit();
  return target;
}

/**
 * Moves every insight of a merged duplicate to the survivor and then removes the
 * duplicate's record. Safe to run again: an insight already moved is skipped, and a
 * record already gone is left alone. Answers how many insights this run moved.
 */
export async function moveAccountInsights(sourceKey: string, targetKey: string, env: Env): Promise<number> {
  const ids = await insightIdsOfAccount(sourceKey, MAX_MERGE_INSIGHTS + 1);
  let moved = 0;
  for (const id of ids) {
    if (await retryOnConflict(() => moveInsight(id, sourceKey, targetKey, env.now()))) moved += 1;
  }
  await retryOnConflict(async () => {
    const [source, left] = await Promise.all([getAccount(sourceKey), insightIdsOfAccount(sourceKey, 1)]);
    // An insight on its way out (deleted or merged by a job) may still name it: it stays until then.
    if (!source || left.length > 0) return;
    await new WriteSet().removeAccount(sourceKey, { version: source.version }).commit();
  });
  return moved;
}

/** One insight to the survivor, its links' account hints and the issues it feeds with it. */
async function moveInsight(
  insightId: string,
  sourceKey: string,
  targetKey: string,
  now: Date
): Promise<boolean> {
  const [insight, links] = await Promise.all([getInsight(insightId), linksOfInsight(insightId)]);
  if (!insight || insight.accountKey !== sourceKey || isLeaving(insight)) return false;
  const next: Insight = {
    ...insight,
    accountKey: targetKey,
    updatedAt: now.toISOString(),
    version: insight.version + 1
  };
  const change = emptyChange();
  if (links.length > INLINE_LINKS) {
    // Too many issues for one transaction: the insight's rescore job moves its links'
    // hints and rescores their issues, as after an edit.
    next.pending = 'rescore';
    change.insightPuts.push({ insight: next, expect: { version: insight.version } });
    await applyChange(change, [], now);
    await queueInsightJob(next);
    return true;
  }
  change.insightPuts.push({ insight: next, expect: { version: insight.version } });
  for (const link of links) change.linkSets.push(rewriteLink(link, { ...link, accountKey: targetKey }));
  const known = {
    insights: new Map([[insightId, insight]]),
    links: new Map(links.map((link) => [linkKey(link.issueId, link.insightId), link]))
  };
  await applyChange(
    { prefetch: [insightId], known, build: () => change },
    links.flatMap((link) => affectedChain(link)),
    now
  );
  return true;
}
