import { ValidationError } from '../errors';
import { severityRank, type Segment, type Severity } from '../vocabulary';
import { FORMULA_VERSION, settingsHash, type ScoringSettings } from './settings';

// Re-exported for existing callers; the UI imports ./explain directly to stay zod-free.
export { explainContribution } from './explain';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One piece of evidence as the scorer sees it: the insight plus its account snapshot. */
export interface ScoringItem {
  insightId: string;
  accountKey?: string;
  accountName?: string;
  segment?: Segment;
  arr?: number;
  severity: Severity;
  observedAt: string;
  /** The issue the link is on (self or a descendant); informational only. */
  sourceIssueId?: string;
}

/** One account's (or one anonymous voice's) share of a score, with every factor shown. */
export interface Contribution {
  /** The accountKey, or `anon:<insightId>` for an anonymous voice. */
  group: string;
  accountKey?: string;
  accountName?: string;
  anonymous: boolean;
  insightIds: string[];
  /** Highest severity in the group. */
  severity: Severity;
  severityWeight: number;
  arr: number;
  revenueFactor: number;
  segment: Segment;
  segmentWeight: number;
  newestObservedAt: string;
  /** Fractional days between the newest evidence and `now`; 0 for future dates. */
  ageDays: number;
  recencyFactor: number;
  /** Rounded to 2 decimals; the score is exactly the sum of these. */
  points: number;
}

export interface ImpactScore {
  score: number;
  /** Sorted by points desc, then group asc. */
  contributions: Contribution[];
  uniqueAccounts: number;
  anonymousVoices: number;
  arrAtStake: number;
  insightCount: number;
  lastEvidenceAt?: string;
  formulaVersion: number;
  settingsHash: string;
  computedAt: string;
}

interface Parsed {
  item: ScoringItem;
  at: number;
}

interface Group {
  key: string;
  anonymous: boolean;
  items: Parsed[];
}

/**
 * The customer-impact score of one issue's evidence (formula v1). Pure and absolute:
 * it depends only on `items`, `settings` and `now`, never on other issues.
 *
 * 1. Items are deduplicated by insightId (a roll-up may present one insight twice).
 * 2. Items are grouped by accountKey; each anonymous item is its own group.
 * 3. Per group: `severityWeight(max severity) × revenueFactor(arr) × segmentWeight(segment)
 *    × recency(newest observedAt)`, where revenue is `1 + log10(1 + arr/unit)` (log),
 *    `1 + arr/unit` (linear) or 1 (none), and recency is `max(floor, 0.5^(ageDays/halfLife))`
 *    with future dates counting as age 0.
 *
 * Rounding: each contribution's points are rounded to 2 decimals, and the score is the
 * sum of those rounded points (added in integer hundredths, so there is no float drift).
 * The breakdown the panel shows therefore adds up to the score exactly.
 *
 * Stale snapshots: when one account's items disagree on arr, segment or name, each
 * value is taken from the newest item (by observedAt, ties broken by insightId) that
 * has it. Duplicated insightIds keep one copy chosen by the same rule, so the result
 * does not depend on the input order.
 *
 * O(n log n): one pass to parse and group, one sort of the groups.
 *
 * @throws ValidationError when an item's observedAt is not a date.
 */
export function scoreEvidence(
  items: readonly ScoringItem[],
  settings: ScoringSettings,
  now: Date
): ImpactScore {
  const nowMs = now.getTime();
  const byInsight = new Map<string, Parsed>();
  items.forEach((item, index) => {
    const at = Date.parse(item.observedAt);
    if (Number.isNaN(at)) {
      throw new ValidationError('Cannot score evidence with an invalid date', [
        { path: `items.${index}.observedAt`, message: 'Must be an ISO date' }
      ]);
    }
    const parsed = { item, at };
    const seen = byInsight.get(item.insightId);
    if (!seen || newer(parsed, seen)) byInsight.set(item.insightId, parsed);
  });

  const groups = new Map<string, Group>();
  for (const parsed of byInsight.values()) {
    const accountKey = parsed.item.accountKey;
    const anonymous = accountKey === undefined || accountKey === '';
    const key = anonymous ? `anon:${parsed.item.insightId}` : accountKey;
    const group = groups.get(key);
    if (group) group.items.push(parsed);
    else groups.set(key, { key, anonymous, items: [parsed] });
  }

  const scored: { c: Contribution; cents: number }[] = [];
  for (const group of groups.values()) scored.push(contribute(group, settings, nowMs));
  scored.sort((a, b) => b.cents - a.cents || (a.c.group < b.c.group ? -1 : a.c.group > b.c.group ? 1 : 0));

  let cents = 0;
  let arrAtStake = 0;
  let uniqueAccounts = 0;
  let lastAt = -Infinity;
  for (const { c, cents: points } of scored) {
    cents += points;
    if (c.anonymous) continue;
    uniqueAccounts += 1;
    arrAtStake += c.arr;
  }
  for (const p of byInsight.values()) lastAt = Math.max(lastAt, p.at);

  const result: ImpactScore = {
    score: cents / 100,
    contributions: scored.map((s) => s.c),
    uniqueAccounts,
    anonymousVoices: scored.length - uniqueAccounts,
    arrAtStake,
    insightCount: byInsight.size,
    formulaVersion: FORMULA_VERSION,
    settingsHash: settingsHash(settings),
    computedAt: now.toISOString()
  };
  if (lastAt > -Infinity) result.lastEvidenceAt = new Date(lastAt).toISOString();
  return result;
}

/** Newest observedAt first; equal dates fall back to insightId, then to the account data. */
function newer(a: Parsed, b: Parsed): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if (a.item.insightId !== b.item.insightId) return a.item.insightId < b.item.insightId;
  // Same insight twice with equal dates: any stable total order keeps this order-free.
  return snapshotKey(a.item) < snapshotKey(b.item);
}

function snapshotKey(i: ScoringItem): string {
  return JSON.stringify([
    severityRank(i.severity),
    i.accountKey ?? '',
    i.accountName ?? '',
    i.segment ?? '',
    i.arr ?? 0,
    i.sourceIssueId ?? ''
  ]);
}

function contribute(
  group: Group,
  settings: ScoringSettings,
  nowMs: number
): { c: Contribution; cents: number } {
  // Newest first: the first item that has a field supplies it (stale-snapshot rule).
  const items = [...group.items].sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
  const newest = items[0] as Parsed;
  let severity: Severity = newest.item.severity;
  for (const p of items)
    if (severityRank(p.item.severity) > severityRank(severity)) severity = p.item.severity;
  const arr = sanitiseArr(items.find((p) => p.item.arr !== undefined)?.item.arr);
  const segment = items.find((p) => p.item.segment !== undefined)?.item.segment ?? 'unknown';
  const accountName = items.find((p) => p.item.accountName !== undefined)?.item.accountName;

  const severityWeight = settings.severityWeights[severity];
  const revenueFactor = revenueFactorOf(arr, settings.revenue);
  const segmentWeight = settings.segmentWeights[segment];
  const ageDays = Math.max(0, (nowMs - newest.at) / DAY_MS);
  const recencyFactor = Math.max(
    settings.recency.floor,
    Math.pow(0.5, ageDays / settings.recency.halfLifeDays)
  );
  const cents = Math.round(severityWeight * revenueFactor * segmentWeight * recencyFactor * 100);

  const c: Contribution = {
    group: group.key,
    anonymous: group.anonymous,
    insightIds: items.map((p) => p.item.insightId),
    severity,
    severityWeight,
    arr,
    revenueFactor,
    segment,
    segmentWeight,
    newestObservedAt: new Date(newest.at).toISOString(),
    ageDays,
    recencyFactor,
    points: cents / 100
  };
  if (!group.anonymous) c.accountKey = group.key;
  if (accountName !== undefined) c.accountName = accountName;
  return { c, cents };
}

/** Bad ARR (negative, NaN, Infinity) scores as 0 rather than poisoning the total. */
function sanitiseArr(arr: number | undefined): number {
  return arr !== undefined && Number.isFinite(arr) && arr > 0 ? arr : 0;
}

/** The revenue multiplier: always ≥ 1, so revenue can lift a voice but never mute one. */
export function revenueFactorOf(arr: number, revenue: ScoringSettings['revenue']): number {
  switch (revenue.curve) {
    case 'log':
      return 1 + Math.log10(1 + arr / revenue.unit);
    case 'linear':
      return 1 + arr / revenue.unit;
    case 'none':
      return 1;
  }
}
