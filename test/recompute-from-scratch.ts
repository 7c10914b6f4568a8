import type { LocalJira } from '../local/jira/local-jira';
import type { Account } from '../src/domain/account';
import type { Insight } from '../src/domain/insight';
import { scoreEvidence, type ImpactScore, type ScoringItem } from '../src/domain/scoring/score';
import { getAccounts } from '../src/storage/account-store';
import { getInsights } from '../src/storage/insight-store';
import { linksOfIssue } from '../src/storage/link-store';
import { getScoringSettings } from '../src/storage/settings-store';

export interface RecomputeOptions {
  /**
   * The instant to score each issue at (recency depends on it): the app's `computedAt`
   * when comparing with a stored score. Now when omitted or undefined for an issue.
   */
  now?: (issueId: string) => Date | undefined;
}

/**
 * The issue and every issue below it at any depth, from the local Jira's parent
 * relations as they are now: the truth the app's stored ancestor paths must follow.
 * Empty when Jira no longer has the issue.
 */
export function issueAndDescendants(jira: LocalJira, issueId: string): string[] {
  const issues = jira.listIssues();
  if (!issues.some((issue) => issue.id === issueId)) return [];
  const children = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.parentId === undefined) continue;
    children.set(issue.parentId, [...(children.get(issue.parentId) ?? []), issue.id]);
  }
  const found = [issueId];
  for (let i = 0; i < found.length; i += 1) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

/** One insight as the scorer sees it, with its account as stored now (anonymous without one). */
function itemOf(insight: Insight, accounts: ReadonlyMap<string, Account>): ScoringItem {
  const item: ScoringItem = {
    insightId: insight.id,
    severity: insight.severity,
    observedAt: insight.observedAt
  };
  const account = insight.accountKey === undefined ? undefined : accounts.get(insight.accountKey);
  if (account) {
    item.accountKey = account.key;
    item.accountName = account.name;
    item.segment = account.segment;
    item.arr = account.arr;
  }
  return item;
}

/**
 * Scores issues from scratch: the oracle the stored impacts are compared against. An
 * issue's evidence is every insight linked to it or to any issue under it in Jira now
 * (each insight once), read from the link, insight and account stores; the settings are
 * the stored ones. Nothing of the app's roll-up is used: not the stored impacts, not the
 * ancestors a link row records, not the roll-up indexes or the code that builds impacts.
 * Only the scoring formula itself (`scoreEvidence`) is shared. Issues without evidence
 * (or gone from Jira) are absent from the answer.
 */
export async function recomputeFromScratch(
  jira: LocalJira,
  issueIds: readonly string[],
  options: RecomputeOptions = {}
): Promise<Map<string, ImpactScore>> {
  const settings = await getScoringSettings();
  const scores = new Map<string, ImpactScore>();
  for (const issueId of issueIds) {
    const below = issueAndDescendants(jira, issueId);
    const links = (await Promise.all(below.map((id) => linksOfIssue(id)))).flat();
    const insights = await getInsights([...new Set(links.map((link) => link.insightId))]);
    if (insights.size === 0) continue;
    const keys = [...insights.values()].map((i) => i.accountKey).filter((k): k is string => k !== undefined);
    const accounts = await getAccounts([...new Set(keys)]);
    const items = [...insights.values()].map((insight) => itemOf(insight, accounts));
    scores.set(issueId, scoreEvidence(items, settings, options.now?.(issueId) ?? new Date()));
  }
  return scores;
}
