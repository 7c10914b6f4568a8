import { getAccounts } from '../src/storage/account-store';
import { getInsights } from '../src/storage/insight-store';
import { linksUnder } from '../src/storage/link-store';
import { getScoringSettings } from '../src/storage/settings-store';
import { collectCards, scoringItems } from '../src/usecases/build-impact';
import { scoreEvidence, type ImpactScore } from '../src/domain/scoring/score';

/**
 * Scores issues from the stored links, insights and accounts alone, ignoring the
 * stored impacts: the oracle the concurrency test compares against.
 */
export async function recomputeFromScratch(issueIds: readonly string[]): Promise<Map<string, ImpactScore>> {
  const settings = await getScoringSettings();
  const scores = new Map<string, ImpactScore>();
  for (const issueId of issueIds) {
    const links = await linksUnder(issueId);
    if (links.length === 0) continue;
    const insights = await getInsights(links.map((l) => l.insightId));
    const keys = [...insights.values()].map((i) => i.accountKey).filter((k): k is string => k !== undefined);
    const accounts = await getAccounts(keys);
    const cards = collectCards({ issueId, links, insights, accounts });
    scores.set(issueId, scoreEvidence(scoringItems(cards), settings, new Date()));
  }
  return scores;
}
