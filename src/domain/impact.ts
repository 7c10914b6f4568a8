import { compareCards } from './scoring/evidence-group';
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
  /**
   * Quotes of duplicates merged into the insight (the first few, shortened: cards are
   * stored in bulk with an issue's impact); the library item has them in full.
   */
  additionalQuotes?: { quote: string; sourceUrl?: string }[];
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

/**
 * Orders cards the way the panel lists them: most severe first, then newest, then by
 * insight id (see scoring/evidence-group). Returns a new array.
 */
export function orderCards(cards: readonly EvidenceCard[]): EvidenceCard[] {
  return [...cards].sort(compareCards);
}
