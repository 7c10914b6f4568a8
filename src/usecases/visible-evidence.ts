import type { InsightView } from '../contract/views';
import type { EvidenceCard, IssueImpact } from '../domain/impact';
import {
  cardsWithoutHiddenIssues,
  restrictedIssuesOf,
  withoutHiddenIssues
} from '../domain/restricted-evidence';
import { browsableIssues } from '../jira/browsable-issues';
import type { ImpactRecord, LinkRecord } from '../storage/records';

/** Of the restricted issues, those the acting user cannot see: one Jira call, only if any. */
async function hiddenOf(issueIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(issueIds)];
  if (unique.length === 0) return new Set();
  // Jira's bulk fetch applies issue-level security for the user: absent means hidden.
  const visible = await browsableIssues(unique);
  return new Set(unique.filter((id) => !visible.has(id)));
}

/**
 * An issue's evidence as the acting user may see it: content from descendants under an
 * issue security level they are outside is dropped (the score still counts it). No
 * Jira call unless the evidence has a restricted source other than `seen`, the issue
 * the user is known to see (the panel's own issue).
 */
export async function visibleImpact(impact: IssueImpact | null, seen?: string): Promise<IssueImpact | null> {
  if (!impact?.restrictedEvidence) return impact;
  const hidden = await hiddenOf(restrictedIssuesOf(impact, seen));
  const { restrictedEvidence: _internal, ...shown } = withoutHiddenIssues(impact, hidden);
  return shown;
}

/**
 * Many issues' read models for one reader (each issue itself already known visible, e.g.
 * found by a Jira search as the user): one Jira call for all their restricted sources.
 */
export async function visibleReadModels(
  records: ReadonlyMap<string, ImpactRecord>
): Promise<Map<string, IssueImpact>> {
  const models = [...records.values()].map((r) => r.readModel);
  const hidden = await hiddenOf(models.flatMap((m) => restrictedIssuesOf(m, m.issueId)));
  return new Map(
    models.map((m) => {
      const { restrictedEvidence: _internal, ...shown } = withoutHiddenIssues(m, hidden);
      return [m.issueId, shown];
    })
  );
}

/** Later pages of cards, built from links: drops cards from restricted issues the user cannot see. */
export async function visibleCards(
  cards: EvidenceCard[],
  links: readonly LinkRecord[],
  seen: string
): Promise<EvidenceCard[]> {
  const restricted = links.filter((l) => l.restricted && l.issueId !== seen).map((l) => l.issueId);
  if (restricted.length === 0) return cards;
  return cardsWithoutHiddenIssues(cards, await hiddenOf(restricted));
}

/**
 * Library entries as the acting user may see them: an insight captured on an issue
 * under security they cannot see is left out (its words may reveal the issue).
 */
export async function visibleInsights<T extends InsightView>(items: T[]): Promise<T[]> {
  const restricted = items.flatMap((i) => (i.restrictedIssueId ? [i.restrictedIssueId] : []));
  if (restricted.length === 0) return items;
  const hidden = await hiddenOf(restricted);
  return items.filter((i) => !i.restrictedIssueId || !hidden.has(i.restrictedIssueId));
}
