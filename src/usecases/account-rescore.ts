import { getAccountRescore, saveAccountRescore, type AccountRescoreRun } from '../storage/account-store';
import { insightIdsOfAccount } from '../storage/insight-store';
import { linkKey } from '../storage/entities';
import { linksOfInsight } from '../storage/link-store';
import type { AccountRescoreProgress } from '../contract/views';
import { projectKey, pushEvents } from '../sync/sync-queue';
import type { Env } from './actor';
import { applyChange, type AffectedIssue } from './apply-change';
import { emptyChange } from './evidence-change';
import { affectedChain } from './link-insights';
import { reindexAccountInsight } from './reindex-account-insight';
import { retryOnConflict } from './retry-on-conflict';

/** Insights of one account a run covers; the run record stays far below Forge's 240 KiB. */
export const MAX_ACCOUNT_INSIGHTS = 4000;
/** Links whose issues one queued event rescores: about a page of 100 issues. */
const LINKS_PER_EVENT = 100;
/** Issues per rescore transaction wave (the rest overflow into further transactions). */
const ISSUES_PER_WAVE = 20;

export function progressOf(run: AccountRescoreRun): AccountRescoreProgress {
  return {
    runId: run.runId,
    insightsTotal: run.insightsTotal,
    insightsLeft: run.insightIds.length,
    issuesRescored: run.issuesRescored,
    finished: run.finished
  };
}

/**
 * Starts rescoring every issue that evidence of this account feeds (its segment or
 * revenue changed), and re-indexing its insights for search (its name changed): a chain of queue events, each rescoring the issues of up to a
 * hundred links and recording progress, so an account behind thousands of issues is
 * paced within Forge's limits. A newer run supersedes an older one.
 */
export async function startAccountRescore(
  accountKey: string,
  projectId: string,
  env: Env
): Promise<AccountRescoreProgress> {
  const insightIds = await insightIdsOfAccount(accountKey, MAX_ACCOUNT_INSIGHTS);
  const run: AccountRescoreRun = {
    runId: env.newId(),
    accountKey,
    projectId,
    startedAt: env.now().toISOString(),
    insightIds,
    offset: 0,
    insightsTotal: insightIds.length,
    issuesRescored: 0,
    finished: insightIds.length === 0
  };
  await saveAccountRescore(run);
  if (!run.finished) await queueNext(run);
  return progressOf(run);
}

/** One page of an account's rescore; queues the next until the run is done. */
export async function continueAccountRescore(
  event: { accountKey: string; runId: string },
  env: Env
): Promise<void> {
  const run = await getAccountRescore(event.accountKey);
  // Superseded by a newer edit (which covers these issues), or already done.
  if (!run || run.runId !== event.runId || run.finished) return;
  const [insightId] = run.insightIds;
  if (insightId === undefined) {
    await saveAccountRescore({ ...run, finished: true });
    return;
  }
  // A rename changes the words that find the insight: its terms follow, once per insight.
  if (run.offset === 0)
    await retryOnConflict(() => reindexAccountInsight(insightId, run.accountKey, env.now()));
  // Links in key order, so that the offset means the same links from one event to the next.
  const links = (await linksOfInsight(insightId)).sort((a, b) =>
    linkKey(a.issueId, a.insightId).localeCompare(linkKey(b.issueId, b.insightId))
  );
  const page = links.slice(run.offset, run.offset + LINKS_PER_EVENT);
  const issues = dedupe(page.flatMap((link) => affectedChain(link)));
  for (let i = 0; i < issues.length; i += ISSUES_PER_WAVE) {
    const wave = issues.slice(i, i + ISSUES_PER_WAVE);
    await retryOnConflict(() =>
      applyChange(emptyChange(), wave, env.now(), { refreshAccounts: [run.accountKey] })
    );
  }
  const doneWithInsight = run.offset + LINKS_PER_EVENT >= links.length;
  const insightIds = doneWithInsight ? run.insightIds.slice(1) : run.insightIds;
  const next: AccountRescoreRun = {
    ...run,
    insightIds,
    offset: doneWithInsight ? 0 : run.offset + LINKS_PER_EVENT,
    issuesRescored: run.issuesRescored + page.length,
    finished: insightIds.length === 0
  };
  // A newer run may have started meanwhile: it owns the record from then on.
  const latest = await getAccountRescore(event.accountKey);
  if (latest?.runId !== run.runId) return;
  await saveAccountRescore(next);
  if (!next.finished) await queueNext(next);
}

async function queueNext(run: AccountRescoreRun): Promise<void> {
  await pushEvents([
    {
      concurrencyKey: projectKey(run.projectId),
      body: {
        kind: 'account-rescore',
        accountKey: run.accountKey,
        runId: run.runId,
        projectId: run.projectId
      }
    }
  ]);
}

function dedupe(issues: readonly AffectedIssue[]): AffectedIssue[] {
  const byId = new Map<string, AffectedIssue>();
  for (const issue of issues) if (!byId.has(issue.issueId)) byId.set(issue.issueId, issue);
  return [...byId.values()];
}
