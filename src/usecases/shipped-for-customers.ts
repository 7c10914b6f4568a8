import { recentlyDoneIssues } from '../jira/recently-done';
import { getImpacts } from '../storage/impact-store';
import type { ShippedIssueView } from '../contract/views';
import { visibleReadModels } from './visible-evidence';

/**
 * "Shipped for customers": recently done issues that had customer evidence, with the
 * accounts and insights they answered, so CX leads know whom to tell. One Jira search
 * (which applies the user's permissions) and one storage batch read.
 */
export async function shippedForCustomers(projectId: string, days: number): Promise<ShippedIssueView[]> {
  const done = await recentlyDoneIssues(projectId, days);
  // Content from restricted descendants the user cannot see is left out (one Jira call, only if any).
  const impacts = await visibleReadModels(await getImpacts(done.map((issue) => issue.id)));
  return done.flatMap((issue) => {
    const impact = impacts.get(issue.id);
    if (!impact) return [];
    const accounts = new Map<string, { key: string; name: string; segment: string; arr: number }>();
    for (const card of impact.cards) if (card.account) accounts.set(card.account.key, card.account);
    const view: ShippedIssueView = {
      issueId: issue.id,
      key: issue.key,
      summary: issue.summary,
      score: impact.score.score,
      insightCount: impact.score.insightCount,
      accounts: [...accounts.values()].map((a) => ({ key: a.key, name: a.name, arr: a.arr })),
      insights: impact.cards.map((c) => ({
        insightId: c.insightId,
        summary: c.summary,
        sourceKind: c.sourceKind,
        sourceUrl: c.sourceUrl ?? null
      }))
    };
    if (issue.doneAt) view.doneAt = issue.doneAt;
    return [view];
  });
}
