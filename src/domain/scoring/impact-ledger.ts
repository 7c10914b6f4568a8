import type { EvidenceCard, ImpactFacets, IssueImpact, RestrictedEvidence } from '../impact';
import type { JourneyStage, Segment, SourceKind } from '../vocabulary';
import {
  compareCards,
  compareRecent,
  factsOf,
  type EvidenceGroup,
  type GroupFacts,
  type GroupMember
} from './evidence-group';
import type { Contribution, ImpactScore } from './score';
import { FORMULA_VERSION, settingsHash, type ScoringSettings } from './settings';

/** Cards the panel shows first, and the few kept beyond them so one removal needs no re-read. */
export const FIRST_PAGE_CARDS = 20;
const KEPT_CARDS = 25;
/** Contributions shown in the breakdown, and those kept beyond them. */
export const SHOWN_CONTRIBUTIONS = 50;
const KEPT_CONTRIBUTIONS = 60;
const KEPT_RECENT = 10;
const STORED_INSIGHT_IDS = 10;

/**
 * An issue's score as a running sum over its evidence groups, with exactly what is
 * needed to adjust it when some groups change: totals in hundredths, facet sums, and the
 * head of each ordered list (contributions, cards, newest evidence) with a few spare
 * entries. Every total is exact; a list is kept only as far as it is known to be
 * complete, and when a change leaves fewer entries than are shown while more exist, the
 * ledger is rebuilt from all groups (`'rebuild'`).
 *
 * All contributions are measured at `at` under the settings hashed in `settingsHash`:
 * the score is "as of" `at`, and the daily refresh moves `at` forward.
 */
export interface ImpactLedger {
  at: string;
  settingsHash: string;
  cents: number;
  accounts: number;
  anonymous: number;
  arr: number;
  insights: number;
  groups: number;
  segments: Partial<Record<Segment, number>>;
  stages: Partial<Record<string, number>>;
  sourceKinds: Partial<Record<SourceKind, number>>;
  /** The newest evidence, newest first. */
  recent: { insightId: string; at: string }[];
  /** The largest contributions, in score order, each listing at most a few insight ids. */
  contributions: (Contribution & { cents: number })[];
  /** The first cards in card order (compareCards). */
  cards: EvidenceCard[];
  /** Insights whose nearest link is on an issue under issue-level security, by that issue. */
  restricted: Record<string, string[]>;
}

export type LedgerOutcome = ImpactLedger | 'rebuild';

export function emptyLedger(settings: ScoringSettings, at: Date): ImpactLedger {
  return {
    at: at.toISOString(),
    settingsHash: settingsHash(settings),
    cents: 0,
    accounts: 0,
    anonymous: 0,
    arr: 0,
    insights: 0,
    groups: 0,
    segments: {},
    stages: {},
    sourceKinds: {},
    recent: [],
    contributions: [],
    cards: [],
    restricted: {}
  };
}

/** A group before and after a change; either side absent when the group is new or gone. */
export interface GroupChange {
  before?: EvidenceGroup;
  after?: EvidenceGroup;
}

/**
 * Applies changed groups to a ledger. `cards` are the new cards of insights that joined
 * or changed (by insight id); an insight that left has none. Returns `'rebuild'` when
 * the ledger was measured under other settings, or a list would be cut short.
 */
export function applyGroupChanges(
  ledger: ImpactLedger,
  changes: readonly GroupChange[],
  cards: ReadonlyMap<string, EvidenceCard>,
  settings: ScoringSettings
): LedgerOutcome {
  if (ledger.settingsHash !== settingsHash(settings)) return 'rebuild';
  const at = new Date(ledger.at);
  const next: ImpactLedger = structuredClone(ledger);
  const before = { groups: ledger.groups, insights: ledger.insights };
  const changedGroups = new Set<string>();
  const left = new Set<string>();
  const joined = new Map<string, GroupMember>();
  for (const change of changes) {
    const b = change.before && factsOf(change.before, settings, at);
    const a = change.after && factsOf(change.after, settings, at);
    if (b) subtract(next, b);
    if (a) add(next, a);
    const key = change.after?.group ?? change.before?.group;
    if (key !== undefined) changedGroups.add(key);
    const was = new Map((change.before?.members ?? []).map((m) => [m.insightId, JSON.stringify(m)]));
    for (const m of change.after?.members ?? [])
      if (was.get(m.insightId) !== JSON.stringify(m)) joined.set(m.insightId, m);
    const stays = new Set((change.after?.members ?? []).map((m) => m.insightId));
    for (const id of was.keys()) if (!stays.has(id)) left.add(id);
    updateRestricted(next, change);
  }
  // An insight that moved between groups left one and joined another: it stays.
  for (const id of joined.keys()) left.delete(id);
  const changedCards = new Set([...left, ...joined.keys()]);

  const contributions = mergeHead(
    ledger.contributions,
    changes.flatMap((c) => {
      const facts = c.after && factsOf(c.after, settings, at);
      return facts ? [withCents(facts)] : [];
    }),
    (c) => changedGroups.has(c.group),
    compareContributions,
    before.groups,
    next.groups,
    KEPT_CONTRIBUTIONS
  );
  // A card whose words changed (an edit, a merge keeping a duplicate's quote) while its
  // place in the groups did not: the listed card takes the new text where it is listed.
  const patched = patchAccounts(ledger.cards, changes).map((c) => {
    const fresh = joined.has(c.insightId) ? undefined : cards.get(c.insightId);
    return fresh ? { ...fresh, severity: c.severity, observedAt: c.observedAt } : c;
  });
  const freshCards: EvidenceCard[] = [];
  const boundary = ledger.cards.length >= before.insights ? undefined : ledger.cards[ledger.cards.length - 1];
  for (const [id, member] of joined) {
    const card = cards.get(id) ?? patched.find((c) => c.insightId === id);
    if (card) freshCards.push({ ...card, severity: member.severity, observedAt: member.observedAt });
    // A card that belongs in the head but whose text is not at hand: read it all again.
    else if (!boundary || compareCards({ ...member }, boundary) < 0) return 'rebuild';
  }
  const cardList = mergeHead(
    patched,
    freshCards,
    (c) => changedCards.has(c.insightId),
    compareCards,
    before.insights,
    next.insights,
    KEPT_CARDS
  );
  const recent = mergeHead(
    ledger.recent,
    [...joined.values()].map((m) => ({ insightId: m.insightId, at: m.observedAt })),
    (r) => changedCards.has(r.insightId),
    compareRecent,
    before.insights,
    next.insights,
    KEPT_RECENT
  );
  if (!contributions || !cardList || !recent) return 'rebuild';
  next.contributions = contributions;
  next.cards = cardList;
  next.recent = recent;
  if (contributions.length < Math.min(SHOWN_CONTRIBUTIONS, next.groups)) return 'rebuild';
  if (cardList.length < Math.min(FIRST_PAGE_CARDS, next.insights)) return 'rebuild';
  if (recent.length < Math.min(1, next.insights)) return 'rebuild';
  return next;
}

/** Builds a ledger from every group of an issue; `cards` must hold the first cards in card order. */
export function ledgerFromGroups(
  groups: readonly EvidenceGroup[],
  cards: ReadonlyMap<string, EvidenceCard>,
  settings: ScoringSettings,
  at: Date
): ImpactLedger {
  const ledger = emptyLedger(settings, at);
  const all: (Contribution & { cents: number })[] = [];
  for (const group of groups) {
    const facts = factsOf(group, settings, at);
    if (!facts) continue;
    add(ledger, facts);
    all.push(withCents(facts));
    updateRestricted(ledger, { after: group });
  }
  ledger.contributions = all.sort(compareContributions).slice(0, KEPT_CONTRIBUTIONS);
  const members = groups.flatMap((g) => g.members);
  ledger.recent = members
    .map((m) => ({ insightId: m.insightId, at: m.observedAt }))
    .sort(compareRecent)
    .slice(0, KEPT_RECENT);
  ledger.cards = cardHead(groups)
    .flatMap((id) => {
      const card = cards.get(id);
      return card ? [card] : [];
    })
    .sort(compareCards);
  return ledger;
}

/** The insight ids of the first cards, in card order: the cards a rebuild needs. */
export function cardHead(groups: readonly EvidenceGroup[]): string[] {
  return groups
    .flatMap((g) => g.members)
    .map((m) => ({ insightId: m.insightId, severity: m.severity, observedAt: m.observedAt }))
    .sort(compareCards)
    .slice(0, KEPT_CARDS)
    .map((m) => m.insightId);
}

/** What the panel reads: the ledger in the shape of the read model. */
export function readModelOf(
  ledger: ImpactLedger,
  issue: { issueId: string; projectId: string; parentId?: string },
  updatedAt: string
): IssueImpact {
  const score: ImpactScore = {
    score: ledger.cents / 100,
    contributions: ledger.contributions.slice(0, SHOWN_CONTRIBUTIONS).map(({ cents: _cents, ...c }) => c),
    uniqueAccounts: ledger.accounts,
    anonymousVoices: ledger.anonymous,
    arrAtStake: ledger.arr,
    insightCount: ledger.insights,
    formulaVersion: FORMULA_VERSION,
    settingsHash: ledger.settingsHash,
    computedAt: ledger.at
  };
  const newest = ledger.recent[0];
  if (newest) score.lastEvidenceAt = new Date(Date.parse(newest.at)).toISOString();
  const model: IssueImpact = {
    issueId: issue.issueId,
    projectId: issue.projectId,
    score,
    cards: ledger.cards.slice(0, FIRST_PAGE_CARDS),
    totalCards: ledger.insights,
    facets: facetsOf(ledger),
    updatedAt
  };
  if (issue.parentId !== undefined) model.parentId = issue.parentId;
  const restricted: RestrictedEvidence[] = Object.entries(ledger.restricted)
    .filter(([, ids]) => ids.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([issueId, insightIds]) => ({ issueId, insightIds: [...insightIds].sort() }));
  if (restricted.length > 0) model.restrictedEvidence = restricted;
  return model;
}

function facetsOf(ledger: ImpactLedger): ImpactFacets {
  const toPoints = <K extends string>(cents: Partial<Record<K, number>>): Partial<Record<K, number>> => {
    const out: Partial<Record<K, number>> = {};
    for (const [key, value] of Object.entries(cents) as [K, number][])
      if (value !== 0) out[key] = value / 100;
    return out;
  };
  const kinds: Partial<Record<SourceKind, number>> = {};
  for (const [kind, count] of Object.entries(ledger.sourceKinds) as [SourceKind, number][])
    if (count > 0) kinds[kind] = count;
  return {
    segments: toPoints<Segment>(ledger.segments),
    stages: toPoints<JourneyStage | 'unknown'>(ledger.stages),
    sourceKinds: kinds
  };
}

function withCents(facts: GroupFacts): Contribution & { cents: number } {
  const c = facts.contribution;
  return { ...c, insightIds: c.insightIds.slice(0, STORED_INSIGHT_IDS), cents: facts.cents };
}

function compareContributions(
  a: { cents: number; group: string },
  b: { cents: number; group: string }
): number {
  return b.cents - a.cents || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
}

function add(ledger: ImpactLedger, f: GroupFacts): void {
  apply(ledger, f, 1);
}

function subtract(ledger: ImpactLedger, f: GroupFacts): void {
  apply(ledger, f, -1);
}

function apply(ledger: ImpactLedger, f: GroupFacts, sign: 1 | -1): void {
  ledger.cents += sign * f.cents;
  ledger.groups += sign;
  ledger.insights += sign * f.insights;
  if (f.anonymous) ledger.anonymous += sign;
  else {
    ledger.accounts += sign;
    // ARR is summed in hundredths so that adding and removing never drifts.
    ledger.arr = Math.round((ledger.arr + sign * f.arr) * 100) / 100;
  }
  bump(ledger.segments, f.segment, sign * f.cents);
  for (const [stage, cents] of Object.entries(f.stages)) bump(ledger.stages, stage, sign * cents);
  for (const [kind, count] of Object.entries(f.sourceKinds) as [SourceKind, number][])
    bump(ledger.sourceKinds, kind, sign * count);
}

function bump<K extends string>(sums: Partial<Record<K, number>>, key: K, delta: number): void {
  const value = (sums[key] ?? 0) + delta;
  if (value === 0) delete sums[key];
  else sums[key] = value;
}

function updateRestricted(ledger: ImpactLedger, change: GroupChange): void {
  for (const m of change.before?.members ?? []) {
    const nearest = m.via[0];
    if (!nearest?.restricted) continue;
    const ids = (ledger.restricted[nearest.issueId] ?? []).filter((id) => id !== m.insightId);
    if (ids.length > 0) ledger.restricted[nearest.issueId] = ids;
    else delete ledger.restricted[nearest.issueId];
  }
  for (const m of change.after?.members ?? []) {
    const nearest = m.via[0];
    if (!nearest?.restricted) continue;
    const ids = ledger.restricted[nearest.issueId] ?? [];
    if (!ids.includes(m.insightId)) ledger.restricted[nearest.issueId] = [...ids, m.insightId];
  }
}

/** Listed cards of a group whose account snapshot changed show the new one. */
function patchAccounts(cards: readonly EvidenceCard[], changes: readonly GroupChange[]): EvidenceCard[] {
  const snapshots = new Map<string, NonNullable<EvidenceGroup['account']>>();
  for (const c of changes)
    if (c.after?.accountKey && c.after.account) snapshots.set(c.after.accountKey, c.after.account);
  if (snapshots.size === 0) return [...cards];
  return cards.map((card) => {
    const snapshot = card.account && snapshots.get(card.account.key);
    return snapshot && card.account ? { ...card, account: { key: card.account.key, ...snapshot } } : card;
  });
}

/**
 * The head of an ordered list after some entries changed: `stale` entries are taken out,
 * `fresh` ones put in, and the list is cut where it stops being known. Entries not
 * listed (when the list was shorter than the whole) are all at or after the list's last
 * entry, so a fresh entry can only be listed if it sorts before that last entry; beyond
 * it, nothing is known. Returns undefined when nothing sensible can be kept.
 */
function mergeHead<T>(
  list: readonly T[],
  fresh: readonly T[],
  stale: (entry: T) => boolean,
  compare: (a: T, b: T) => number,
  totalBefore: number,
  totalAfter: number,
  keep: number
): T[] | undefined {
  const complete = list.length >= totalBefore;
  const boundary = complete ? undefined : list[list.length - 1];
  const kept = list.filter((entry) => !stale(entry));
  const admitted = fresh.filter((entry) => boundary === undefined || compare(entry, boundary) < 0);
  const merged = [...kept, ...admitted].sort(compare).slice(0, keep);
  if (merged.length > totalAfter) return merged.slice(0, totalAfter);
  return merged;
}
