import type { ImpactScore } from './scoring/score';
import type { JourneyStage, Segment, Sentiment, Severity, SourceKind } from './vocabulary';

/** What the issue panel shows for one linked insight. */
export interface EvidenceCard {
  insightId: string;
  summary: string;
  quote: string;
  sourceKind: SourceKind;
  sourceUrl?: string;
  severity: Severity;
  sentiment: Sentiment;
  journeyStage?: JourneyStage;
  observedAt: string;
  tags: string[];
  account?: { key: string; name: string; segment: Segment; arr: number };
  linkedBy: string;
  linkedAt: string;
  note: string;
  /** The issue the link is on: the issue itself or one of its descendants. */
  fromIssueId: string;
}

/**
 * Where an issue's impact comes from, for filtering and charts on the project page:
 * score points by account segment and by journey stage, and insights by source kind.
 */
export interface ImpactFacets {
  segments: Partial<Record<Segment, number>>;
  stages: Partial<Record<JourneyStage | 'unknown', number>>;
  sourceKinds: Partial<Record<SourceKind, number>>;
}

/** The per-issue read model: everything the panel needs in one storage read. */
export interface IssueImpact {
  issueId: string;
  projectId: string;
  parentId?: string;
  score: ImpactScore;
  /** First page, in `orderCards` order. */
  cards: EvidenceCard[];
  totalCards: number;
  facets?: ImpactFacets;
  /**
   * Evidence whose nearest link is on an issue under issue-level security (this issue
   * or a descendant), by issue: the score counts it, but a reader who cannot see that
   * issue is shown none of its content (see restricted-evidence). Absent when none.
   */
  restrictedEvidence?: RestrictedEvidence[];
  updatedAt: string;
}

export interface RestrictedEvidence {
  issueId: string;
  insightIds: string[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Splits the score over segments (each contribution's points to its account's segment)
 * and journey stages (each contribution's points shared equally among the stages of its
 * insights), and counts insights per source kind. Facets of the full evidence, not of
 * the first page of cards.
 */
export function computeFacets(cards: readonly EvidenceCard[], score: ImpactScore): ImpactFacets {
  const byInsight = new Map(cards.map((c) => [c.insightId, c]));
  const facets: ImpactFacets = { segments: {}, stages: {}, sourceKinds: {} };
  for (const c of score.contributions) {
    facets.segments[c.segment] = round2((facets.segments[c.segment] ?? 0) + c.points);
    const stages = c.insightIds.map((id) => byInsight.get(id)?.journeyStage ?? 'unknown');
    for (const stage of stages)
      facets.stages[stage] = round2((facets.stages[stage] ?? 0) + c.points / stages.length);
  }
  for (const card of cards)
    facets.sourceKinds[card.sourceKind] = (facets.sourceKinds[card.sourceKind] ?? 0) + 1;
  return facets;
}

/**
 * Orders cards the way the panel lists them: by the points of the contribution the
 * insight belongs to (desc), then newest observedAt first, then insightId, so the
 * evidence that moves the score most comes first and ties are stable. Cards whose
 * insight is not in the score count as 0 points. Returns a new array.
 */
export function orderCards(cards: readonly EvidenceCard[], score: ImpactScore): EvidenceCard[] {
  const points = new Map<string, number>();
  for (const c of score.contributions) for (const id of c.insightIds) points.set(id, c.points);
  const keyed = cards.map((card) => ({
    card,
    points: points.get(card.insightId) ?? 0,
    at: Date.parse(card.observedAt) || 0
  }));
  keyed.sort(
    (a, b) =>
      b.points - a.points ||
      b.at - a.at ||
      (a.card.insightId < b.card.insightId ? -1 : a.card.insightId > b.card.insightId ? 1 : 0)
  );
  return keyed.map((k) => k.card);
}
