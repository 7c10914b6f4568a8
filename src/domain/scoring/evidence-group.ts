import type { EvidenceCard } from '../impact';
import { severityRank, type JourneyStage, type Segment, type Severity, type SourceKind } from '../vocabulary';
import { scoreEvidence, type Contribution, type ScoringItem } from './score';
import type { ScoringSettings } from './settings';

/**
 * The evidence one account (or one anonymous voice) gives one issue, rolled up from the
 * issue and its descendants: the unit a score is the sum of. An issue's score changes
 * only through the groups a change touches, so a write recomputes those groups and
 * adjusts the issue's totals, never re-reading the rest of its evidence.
 */
export interface EvidenceGroup {
  /** The account key, or `anon:<insightId>` for an insight without an account. */
  group: string;
  accountKey?: string;
  /** The account as this group was last scored with. */
  account?: AccountSnapshot;
  members: GroupMember[];
}

export interface AccountSnapshot {
  name: string;
  segment: Segment;
  arr: number;
}

/** One insight in a group: what scoring and the issue's facets need, no text. */
export interface GroupMember {
  insightId: string;
  severity: Severity;
  observedAt: string;
  journeyStage?: JourneyStage;
  sourceKind: SourceKind;
  /** The links through which the insight counts for the issue, nearest first. */
  via: Via[];
}

/** A link that brings an insight under an issue: on the issue itself (depth 0) or below. */
export interface Via {
  issueId: string;
  depth: number;
  /** The link's issue was under issue-level security when linked. */
  restricted?: true;
}

/** The group an insight joins: its account's, or its own when it has none (or the account is gone). */
export function groupOf(insightId: string, accountKey: string | undefined): string {
  return accountKey === undefined || accountKey === '' ? `anon:${insightId}` : accountKey;
}

/** An insight's place in a group, reached through `via` (nearest first). */
export function memberOf(
  insight: {
    id: string;
    severity: Severity;
    observedAt: string;
    journeyStage?: JourneyStage;
    sourceKind: SourceKind;
  },
  via: Via[]
): GroupMember {
  return {
    insightId: insight.id,
    severity: insight.severity,
    observedAt: insight.observedAt,
    ...(insight.journeyStage ? { journeyStage: insight.journeyStage } : {}),
    sourceKind: insight.sourceKind,
    via
  };
}

/** An empty group: an account's, scored with its current values, or an anonymous insight's. */
export function emptyGroup(
  name: string,
  account: { key: string; name: string; segment: Segment; arr: number } | undefined
): EvidenceGroup {
  if (name.startsWith('anon:') || !account) return { group: name, members: [] };
  return {
    group: name,
    accountKey: account.key,
    account: { name: account.name, segment: account.segment, arr: account.arr },
    members: []
  };
}

/** Orders the links that bring an insight under an issue: nearest first, then by issue id. */
export function orderVia(via: readonly Via[]): Via[] {
  return [...via].sort(
    (a, b) => a.depth - b.depth || (a.issueId < b.issueId ? -1 : a.issueId > b.issueId ? 1 : 0)
  );
}

/**
 * The order evidence cards are listed in: most severe first, then newest, then by id. It
 * depends on the insight alone, so an account's revenue changing elsewhere never
 * reshuffles an issue's cards, and every page can be cut from a stable order.
 */
export function compareCards(
  a: Pick<EvidenceCard, 'insightId' | 'severity' | 'observedAt'>,
  b: Pick<EvidenceCard, 'insightId' | 'severity' | 'observedAt'>
): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (Date.parse(b.observedAt) || 0) - (Date.parse(a.observedAt) || 0) ||
    (a.insightId < b.insightId ? -1 : a.insightId > b.insightId ? 1 : 0)
  );
}

/** Newest first, then by id: the order in which the latest evidence is kept. */
export function compareRecent(
  a: { insightId: string; at: string },
  b: { insightId: string; at: string }
): number {
  return (
    (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0) ||
    (a.insightId < b.insightId ? -1 : a.insightId > b.insightId ? 1 : 0)
  );
}

/** What a group adds to its issue: points in hundredths and the facet shares. */
export interface GroupFacts {
  contribution: Contribution;
  cents: number;
  anonymous: boolean;
  arr: number;
  segment: Segment;
  /** The group's cents shared out over its insights' journey stages, exactly (see splitCents). */
  stages: Record<string, number>;
  sourceKinds: Partial<Record<SourceKind, number>>;
  insights: number;
}

/** Scores one group at `at` under `settings`; undefined when it has no members. */
export function factsOf(group: EvidenceGroup, settings: ScoringSettings, at: Date): GroupFacts | undefined {
  if (group.members.length === 0) return undefined;
  const items = group.members.map((m) => {
    const item: ScoringItem = { insightId: m.insightId, severity: m.severity, observedAt: m.observedAt };
    const nearest = m.via[0];
    if (nearest) item.sourceIssueId = nearest.issueId;
    if (group.accountKey !== undefined && group.account) {
      item.accountKey = group.accountKey;
      item.accountName = group.account.name;
      item.segment = group.account.segment;
      item.arr = group.account.arr;
    }
    return item;
  });
  const contribution = scoreEvidence(items, settings, at).contributions[0];
  if (!contribution) return undefined;
  const cents = Math.round(contribution.points * 100);
  const sourceKinds: Partial<Record<SourceKind, number>> = {};
  for (const m of group.members) sourceKinds[m.sourceKind] = (sourceKinds[m.sourceKind] ?? 0) + 1;
  return {
    contribution,
    cents,
    anonymous: contribution.anonymous,
    arr: contribution.anonymous ? 0 : contribution.arr,
    segment: contribution.segment,
    stages: splitCents(
      cents,
      group.members.map((m) => m.journeyStage ?? 'unknown')
    ),
    sourceKinds,
    insights: group.members.length
  };
}

/**
 * Shares `cents` among the labels in proportion to how often each occurs, in whole
 * hundredths that add up to `cents` exactly (largest remainder, ties by label), so the
 * facets of an issue are a sum of its groups' shares whichever order they are added in.
 */
export function splitCents(cents: number, labels: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const total = labels.length;
  const shares = [...counts].map(([label, count]) => {
    const exact = (cents * count) / total;
    const whole = Math.floor(exact);
    return { label, whole, remainder: exact - whole };
  });
  let left = cents - shares.reduce((sum, s) => sum + s.whole, 0);
  shares.sort((a, b) => b.remainder - a.remainder || (a.label < b.label ? -1 : 1));
  const out: Record<string, number> = {};
  for (const share of shares) {
    const extra = left > 0 ? 1 : 0;
    left -= extra;
    out[share.label] = share.whole + extra;
  }
  return out;
}

/** The group with one insight's place in it replaced (or removed when `member` is undefined). */
export function withMember(
  group: EvidenceGroup,
  insightId: string,
  member: GroupMember | undefined
): EvidenceGroup {
  const members = group.members.filter((m) => m.insightId !== insightId);
  if (member) members.push(member);
  members.sort((a, b) => (a.insightId < b.insightId ? -1 : a.insightId > b.insightId ? 1 : 0));
  return { ...group, members };
}
