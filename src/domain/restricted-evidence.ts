import type { EvidenceCard, IssueImpact } from './impact';
import type { Contribution } from './scoring/score';

/** What a contribution shows when all its evidence sits on issues the reader cannot see. */
export const RESTRICTED_CONTRIBUTION = 'Evidence on an issue you cannot see';

/**
 * The issues under issue-level security that an issue's stored evidence comes from,
 * except `seen` (the issue in context, which the reader is known to see).
 */
export function restrictedIssuesOf(impact: IssueImpact | null, seen?: string): string[] {
  return (impact?.restrictedEvidence ?? []).map((r) => r.issueId).filter((id) => id !== seen);
}

function hideContribution(c: Contribution, hidden: ReadonlySet<string>): Contribution {
  const insightIds = c.insightIds.filter((id) => !hidden.has(id));
  if (insightIds.length > 0 || c.insightIds.length === 0) return { ...c, insightIds };
  // The score still counts it (the total is an aggregate); who and how much does not show.
  const { accountKey: _key, accountName: _name, ...rest } = c;
  return {
    ...rest,
    group: 'restricted',
    accountName: RESTRICTED_CONTRIBUTION,
    anonymous: true,
    insightIds,
    arr: 0,
    revenueFactor: 0
  };
}

/**
 * An issue's read model for a reader who cannot see `hiddenIssues`: cards from those
 * issues go (quote, note, account and all), and a breakdown entry backed only by them
 * loses its account; totals (score, counts, facets) stay, as the score may count them.
 */
export function withoutHiddenIssues(impact: IssueImpact, hiddenIssues: ReadonlySet<string>): IssueImpact {
  const hidden = new Set(
    (impact.restrictedEvidence ?? []).filter((r) => hiddenIssues.has(r.issueId)).flatMap((r) => r.insightIds)
  );
  if (hidden.size === 0) return impact;
  const cards = impact.cards.filter((c) => !hidden.has(c.insightId));
  const { restrictedEvidence: _restricted, ...rest } = impact;
  return {
    ...rest,
    cards,
    totalCards: Math.max(cards.length, impact.totalCards - hidden.size),
    score: {
      ...impact.score,
      contributions: impact.score.contributions.map((c) => hideContribution(c, hidden))
    }
  };
}

/** Later pages of cards for the same reader: cards from hidden issues go. */
export function cardsWithoutHiddenIssues(
  cards: readonly EvidenceCard[],
  hiddenIssues: ReadonlySet<string>
): EvidenceCard[] {
  return cards.filter((c) => !hiddenIssues.has(c.fromIssueId));
}
