import { loadProjectInsight } from './project-insight';
import { InsightPatchSchema, validateObservedAt, type Insight } from '../domain/insight';
import type { z } from 'zod';
import { getAccount, getAccounts } from '../storage/account-store';
import { linksOfInsight } from '../storage/link-store';
import type { Actor, Env } from './actor';
import { applyChange, type AffectedIssue } from './apply-change';
import { emptyChange } from './evidence-change';
import { affectedChain } from './link-insights';
import { accountKeyOf, mergeAccount, newInsight, type InsightInput } from './prepare-capture';
import { retryOnConflict } from './retry-on-conflict';
import type { InsightView } from '../contract/views';
import { normaliseAccountKey } from '../domain/account';

type InsightPatch = z.output<typeof InsightPatchSchema>;

/** Captures an unlinked insight into the project's inbox. */
export async function captureInsight(
  actor: Actor,
  env: Env,
  projectId: string,
  input: InsightInput
): Promise<InsightView> {
  const insight = newInsight(input, projectId, actor, env);
  return retryOnConflict(async () => {
    const change = emptyChange();
    const key = accountKeyOf(input);
    let view: InsightView = insight;
    if (input.account && key) {
      const put = mergeAccount(input.account, await getAccount(key), env.now());
      change.accountPuts.push(put);
      view = { ...insight, account: put.account };
    }
    change.insightPuts.push({ insight, expect: 'absent' });
    await applyChange(change, [], env.now());
    return view;
  });
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
  _actor: Actor,
  env: Env,
  projectId: string,
  insightId: string,
  patch: InsightPatch
): Promise<InsightView> {
  return retryOnConflict(async () => {
    const now = env.now();
    const current = await loadProjectInsight(insightId, projectId);
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
    if (patch.sourceUrl !== undefined) {
      if (patch.sourceUrl === null) delete next.sourceUrl;
      else next.sourceUrl = patch.sourceUrl;
    }
    if (patch.journeyStage !== undefined) {
      if (patch.journeyStage === null) delete next.journeyStage;
      else next.journeyStage = patch.journeyStage;
    }
    let account = current.accountKey
      ? (await getAccounts([current.accountKey])).get(current.accountKey)
      : undefined;
    if (patch.account === null) {
      delete next.accountKey;
      account = undefined;
    } else if (patch.account !== undefined) {
      const key = normaliseAccountKey(patch.account.key ?? patch.account.name);
      const put = mergeAccount(patch.account, await getAccount(key), now);
      change.accountPuts.push(put);
      next.accountKey = key;
      account = put.account;
    }
    change.insightPuts.push({ insight: next, expect: { version: current.version } });
    const { affected, links } = await issuesFedBy(insightId);
    // Links carry the account key so that scoring loads accounts without waiting for insights.
    for (const link of links) {
      if (link.accountKey !== next.accountKey) {
        const updated = { ...link };
        if (next.accountKey) updated.accountKey = next.accountKey;
        else delete updated.accountKey;
        change.linkSets.push(updated);
      }
    }
    await applyChange(change, affected, now);
    return account ? { ...next, account } : next;
  });
}

/** Deletes an insight and its links; the issues it was evidence for are rescored. */
export async function deleteInsight(
  _actor: Actor,
  env: Env,
  projectId: string,
  insightId: string
): Promise<void> {
  await retryOnConflict(async () => {
    const current = await loadProjectInsight(insightId, projectId);
    const { affected, links } = await issuesFedBy(insightId);
    const change = emptyChange();
    change.insightDeletes.push({ id: insightId, expect: { version: current.version } });
    for (const link of links) change.linkDeletes.push({ issueId: link.issueId, insightId });
    await applyChange(change, affected, env.now());
  });
}
