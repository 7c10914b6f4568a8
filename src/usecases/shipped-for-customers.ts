import { recentlyDoneIssues } from '../jira/recently-done';
import { getImpacts } from '../storage/impact-store';
import { getToldRequestsOf } from '../storage/loop-closing-store';
import type { ShippedAccountView, ShippedIssueView, ToldRequestView } from '../contract/views';
import type { ToldRecord, ToldRequest } from '../domain/loop-closing';
import { visibleReadModels } from './visible-evidence';

/**
 * "Shipped for customers": recently done issues that had customer evidence, with the
 * accounts and insights they answered, so CX leads know whom to tell, and which service
 * requests the app already told (closing the loop). One Jira search (which applies the
 * user's permissions) and one storage round trip (impacts and told-records together).
 */
export async function shippedForCustomers(projectId: string, days: number): Promise<ShippedIssueView[]> {
  const done = await recentlyDoneIssues(projectId, days);
  const ids = done.map((issue) => issue.id);
  const [stored, toldRecords] = await Promise.all([getImpacts(ids), getToldRequestsOf(ids)]);
  // Content from restricted descendants the user cannot see is left out (one Jira call, only if any).
  const impacts = await visibleReadModels(stored);
  return done.flatMap((issue) => {
    const impact = impacts.get(issue.id);
    if (!impact) return [];
    const told = toldEntries(toldRecords.get(issue.id));
    const accounts = new Map<string, ShippedAccountView>();
    for (const card of impact.cards) {
      if (!card.account) continue;
      const { key, name, arr } = card.account;
      accounts.set(key, { key, name, arr });
    }
    const other: ToldRequestView[] = [];
    for (const entry of told) {
      const account = entry.accountKey === undefined ? undefined : accounts.get(entry.accountKey);
      const request = { requestKey: entry.requestKey, toldAt: entry.at };
      if (account) account.told = [...(account.told ?? []), request];
      else other.push(request);
    }
    const view: ShippedIssueView = {
      issueId: issue.id,
      key: issue.key,
      summary: issue.summary,
      score: impact.score.score,
      insightCount: impact.score.insightCount,
      accounts: [...accounts.values()],
      insights: impact.cards.map((c) => ({
        insightId: c.insightId,
        summary: c.summary,
        sourceKind: c.sourceKind,
        sourceUrl: c.sourceUrl ?? null
      }))
    };
    if (other.length > 0) view.otherTold = other;
    if (issue.doneAt) view.doneAt = issue.doneAt;
    return [view];
  });
}

/** The requests told (not those still posting, nor refused), in the order they were told. */
function toldEntries(record: ToldRecord | undefined): ToldRequest[] {
  return Object.values(record ?? {})
    .filter((entry) => entry.state === 'told')
    .sort((a, b) => a.at.localeCompare(b.at) || a.requestKey.localeCompare(b.requestKey));
}
