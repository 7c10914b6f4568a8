import { ForbiddenError, NotFoundError } from '../domain/errors';
import { isLeaving } from '../domain/insight';
import { browsableIssues, type IssueSummary } from '../jira/browsable-issues';
import { accountHistory, getAccount, getAccountAliases } from '../storage/account-store';
import { getImpacts } from '../storage/impact-store';
import { getInsights, insightIdsOfAccount } from '../storage/insight-store';
import { linksOfInsight } from '../storage/link-store';
import type { AccountIssueView, AccountView, InsightView } from '../contract/views';
import type { Actor } from './actor';
import { identityAllowed } from './identity-access';
import { visibleInsights } from './visible-evidence';

/** Insights one view reads (newest observation first); the answer says when there are more. */
export const ACCOUNT_VIEW_INSIGHTS = 100;
/** Jira's bulk fetch answers at most this many issues per call. */
const ISSUES_PER_FETCH = 100;

/**
 * One account as this project sees it. Only for a user who may see customer identity
 * (the same rule that keeps autocomplete empty for others): a masked user gets no
 * account view at all. Issues come from Jira's bulk fetch as the user, so an issue
 * under security they are outside, or in a project they cannot browse, is neither
 * listed nor counted; an insight captured on such an issue is left out too.
 */
export async function accountView(actor: Actor, projectId: string, accountKey: string): Promise<AccountView> {
  const [allowed, account, aliases, ids, history] = await Promise.all([
    identityAllowed(actor.accountId).catch(() => false),
    getAccount(accountKey),
    getAccountAliases([accountKey]),
    insightIdsOfAccount(accountKey, ACCOUNT_VIEW_INSIGHTS + 1),
    accountHistory(accountKey)
  ]);
  if (!allowed) throw new ForbiddenError('Customer accounts are hidden for you by the privacy settings.');
  if (!account) {
    throw new NotFoundError(
      aliases.has(accountKey) ? 'This account was merged into another one.' : 'No such account.'
    );
  }
  const truncated = ids.length > ACCOUNT_VIEW_INSIGHTS;
  const stored = [...(await getInsights(ids.slice(0, ACCOUNT_VIEW_INSIGHTS))).values()];
  const inOtherProjects = stored.some((insight) => insight.projectId !== projectId);
  const here = stored.filter((insight) => insight.projectId === projectId && !isLeaving(insight));
  const insights = await visibleInsights(here.map((insight): InsightView => ({ ...insight, account })));

  const links = (await Promise.all(insights.map((insight) => linksOfInsight(insight.id)))).flat();
  const issueIds = [...new Set(links.filter((l) => l.projectId === projectId).map((l) => l.issueId))];
  const [seen, impacts] = await Promise.all([browsable(issueIds), getImpacts(issueIds)]);
  const issues: AccountIssueView[] = issueIds.flatMap((issueId) => {
    const issue = seen.get(issueId);
    const impact = impacts.get(issueId);
    if (!issue || !impact) return [];
    const share = impact.readModel.score.contributions.find((c) => c.accountKey === accountKey);
    return [
      {
        issueId,
        key: issue.key,
        summary: issue.summary,
        status: issue.status,
        done: issue.statusCategory === 'done',
        score: impact.readModel.score.score,
        contribution: share ? share.points : null
      }
    ];
  });
  issues.sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0) || a.key.localeCompare(b.key));
  // Each contribution is rounded to hundredths; the total adds them up in hundredths exactly.
  const hundredths = issues.reduce((sum, issue) => sum + Math.round((issue.contribution ?? 0) * 100), 0);
  return {
    account,
    insights,
    issues,
    shipped: issues.filter((issue) => issue.done),
    totals: { insights: insights.length, issues: issues.length, contribution: hundredths / 100 },
    mergeableInsights: ids.length,
    inOtherProjects,
    truncated,
    history: history.map(({ accountKey: _key, ...entry }) => entry).reverse()
  };
}

/** The issues among these that the user may browse, with what the view shows of them. */
async function browsable(issueIds: readonly string[]): Promise<Map<string, IssueSummary>> {
  const pages: string[][] = [];
  for (let i = 0; i < issueIds.length; i += ISSUES_PER_FETCH)
    pages.push(issueIds.slice(i, i + ISSUES_PER_FETCH));
  const found = await Promise.all(pages.map((page) => browsableIssues(page)));
  return new Map(found.flatMap((map) => [...map]));
}
