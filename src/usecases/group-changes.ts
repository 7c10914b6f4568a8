import type { Account } from '../domain/account';
import { ancestorsOf, levelsBelow } from '../domain/ancestry';
import type { EvidenceCard } from '../domain/impact';
import type { Insight } from '../domain/insight';
import {
  emptyGroup,
  groupOf,
  memberOf,
  orderVia,
  withMember,
  type EvidenceGroup,
  type GroupMember,
  type Via
} from '../domain/scoring/evidence-group';
import type { GroupChange } from '../domain/scoring/impact-ledger';
import { cardOrder, type CardRow } from '../storage/card-store';
import { groupKey, linkKey } from '../storage/entities';
import type { GroupRecord, LinkRecord } from '../storage/records';
import { toCard } from './build-impact';

/** A link the change writes or removes, as it was and as it will be. */
export interface LinkTransition {
  insightId: string;
  before?: LinkRecord;
  after?: LinkRecord;
}

/** An insight as stored and as it will be; `touched` when the change rewrites it. */
export interface InsightState {
  before?: Insight;
  after?: Insight;
  touched: boolean;
}

/** The issues a link's evidence counts for: its own issue and every ancestor, with depth. */
export function scoringIssuesOf(link: LinkRecord): { issueId: string; depth: number }[] {
  const out = [{ issueId: link.issueId, depth: 0 }];
  if (link.ancestorPath !== undefined) {
    const ancestors = ancestorsOf(link.ancestorPath);
    ancestors.forEach((id, i) => out.push({ issueId: id, depth: ancestors.length - i }));
    return out;
  }
  if (link.parentId) out.push({ issueId: link.parentId, depth: 1 });
  if (link.grandparentId) out.push({ issueId: link.grandparentId, depth: 2 });
  return out;
}

/** How far below `issueId` the link's issue is (0 on the issue itself); undefined when not under it. */
export function depthUnder(link: LinkRecord, issueId: string): number | undefined {
  if (link.issueId === issueId) return 0;
  if (link.ancestorPath !== undefined) return levelsBelow(link.ancestorPath, issueId);
  if (link.parentId === issueId) return 1;
  if (link.grandparentId === issueId) return 2;
  return undefined;
}

/**
 * The groups an insight may sit in under an issue, or join: its own, its account's as
 * stored and as it will be, and the account each of its changed links names. A link
 * names the account its issues last filed the insight under, which is not always the
 * insight's stored one: an edit of an insight with many links saves the new account at
 * once and leaves the links (and the groups they filed it in) to a queued rescore, whose
 * steps see the insight with its new account only. Missing the link's account there
 * would leave the insight counted in its old account's group as well as its new one.
 */
export function groupNamesOf(
  insightId: string,
  state: InsightState,
  moves: readonly LinkTransition[]
): Set<string> {
  const names = new Set<string>([`anon:${insightId}`]);
  for (const side of [state.before, state.after]) if (side?.accountKey) names.add(side.accountKey);
  for (const t of moves) if (t.before?.accountKey) names.add(t.before.accountKey);
  return names;
}

export interface PlannedGroups {
  changes: GroupChange[];
  /** New cards of insights whose card changed, where the change has what a card needs. */
  cards: Map<string, EvidenceCard>;
  /** Accounts whose current values the changed groups were scored with. */
  scoredWith: Account[];
  /** False when a card changed whose link is not at hand: the ledger must be rebuilt. */
  complete: boolean;
}

/**
 * Works out, for one issue, how the change moves insights in and out of its evidence
 * groups: which links bring each insight under the issue after the change, which group
 * it belongs to (its account's, or its own), and the new card where it changed.
 */
export function groupChangesFor(input: {
  issueId: string;
  transitions: readonly LinkTransition[];
  insights: ReadonlyMap<string, InsightState>;
  accounts: ReadonlyMap<string, Account>;
  putAccounts: ReadonlyMap<string, Account>;
  /** Accounts edited elsewhere whose groups here take their current values. */
  refreshAccounts?: readonly string[];
  groups: ReadonlyMap<string, GroupRecord>;
  cards: readonly EvidenceCard[];
  /** Link rows the write read (by link key): a card whose nearest link is among them is built from it. */
  links?: ReadonlyMap<string, LinkRecord>;
}): PlannedGroups {
  const { issueId } = input;
  const stored = (name: string): EvidenceGroup | undefined => {
    const row = input.groups.get(groupKey(issueId, name));
    if (!row) return undefined;
    const group: EvidenceGroup = { group: row.group, members: row.members };
    if (row.accountKey !== undefined) group.accountKey = row.accountKey;
    if (row.account !== undefined) group.account = row.account;
    return group;
  };
  const working = new Map<string, EvidenceGroup>();
  const current = (name: string): EvidenceGroup | undefined =>
    working.has(name) ? working.get(name) : stored(name);
  const cards = new Map<string, EvidenceCard>();
  let complete = true;

  for (const [insightId, state] of input.insights) {
    const moves = input.transitions.filter((t) => t.insightId === insightId);
    const names = groupNamesOf(insightId, state, moves);
    let from: string | undefined;
    let was: GroupMember | undefined;
    for (const name of names) {
      const member = current(name)?.members.find((m) => m.insightId === insightId);
      if (member) {
        from = name;
        was = member;
        break;
      }
    }
    let via: Via[] = [...(was?.via ?? [])];
    for (const t of moves) {
      if (t.before && depthUnder(t.before, issueId) !== undefined)
        via = via.filter((v) => v.issueId !== t.before!.issueId);
    }
    for (const t of moves) {
      const depth = t.after && depthUnder(t.after, issueId);
      if (!t.after || depth === undefined) continue;
      via = via.filter((v) => v.issueId !== t.after!.issueId);
      via.push({
        issueId: t.after.issueId,
        depth,
        ...(t.after.restricted ? { restricted: true as const } : {})
      });
    }
    via = orderVia(via);
    if (!was && via.length === 0) continue;
    const insight = state.after;
    const account = insight?.accountKey ? input.accounts.get(insight.accountKey) : undefined;
    const to =
      insight && via.length > 0 ? groupOf(insightId, account ? insight.accountKey : undefined) : undefined;
    const member: GroupMember | undefined = insight && to ? memberOf(insight, via) : undefined;
    if (from !== undefined) working.set(from, withMember(current(from)!, insightId, undefined));
    if (to !== undefined && member) {
      const target = current(to) ?? emptyGroup(to, account);
      working.set(to, withMember(target, insightId, member));
      const sameCard = from === to && was && JSON.stringify(was) === JSON.stringify(member) && !state.touched;
      if (!sameCard) {
        const card = cardFor(insight!, account, via[0]!, moves, input.cards, input.links);
        if (card) cards.set(insightId, card);
        else complete = false;
      }
    }
  }

  for (const [key, account] of input.putAccounts) {
    const group = current(key);
    if (group) working.set(key, { ...group, account: snapshotOf(account) });
  }
  for (const key of input.refreshAccounts ?? []) {
    const group = current(key);
    if (group) working.set(key, group);
  }
  const scoredWith: Account[] = [];
  for (const [name, group] of working) {
    if (group.accountKey === undefined) continue;
    const account = input.accounts.get(group.accountKey);
    if (!account) continue;
    working.set(name, { ...group, account: snapshotOf(account) });
    scoredWith.push(account);
  }
  const changes: GroupChange[] = [];
  for (const [name, after] of working) {
    const before = stored(name);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changes.push({
      ...(before ? { before } : {}),
      ...(after.members.length > 0 ? { after } : {})
    });
  }
  return { changes, cards, scoredWith, complete };
}

function snapshotOf(account: Account): NonNullable<EvidenceGroup['account']> {
  return { name: account.name, segment: account.segment, arr: account.arr };
}

/**
 * The card of an insight under an issue: from its nearest link, when the change writes
 * that link or the issue's listed card already came from it.
 */
function cardFor(
  insight: Insight,
  account: Account | undefined,
  nearest: Via,
  moves: readonly LinkTransition[],
  listed: readonly EvidenceCard[],
  read: ReadonlyMap<string, LinkRecord> | undefined
): EvidenceCard | undefined {
  const written = moves.find((t) => t.after?.issueId === nearest.issueId)?.after;
  if (written) return toCard(written, insight, account);
  const stored = read?.get(linkKey(nearest.issueId, insight.id));
  if (stored) return toCard(stored, insight, account);
  const card = listed.find((c) => c.insightId === insight.id && c.fromIssueId === nearest.issueId);
  if (!card) return undefined;
  const link: LinkRecord = {
    issueId: card.fromIssueId,
    insightId: insight.id,
    projectId: insight.projectId,
    linkedBy: card.linkedBy,
    linkedAt: card.linkedAt,
    ...(card.note ? { note: card.note } : {})
  };
  return toCard(link, insight, account);
}

/**
 * The card rows a set of group changes rewrites for one issue: an insight that joined
 * or changed gets its row (order, account, nearest link), one that left every group
 * loses it.
 */
export function cardRowChanges(
  issueId: string,
  changes: readonly GroupChange[]
): { insightId: string; row: CardRow | undefined }[] {
  const rows = new Map<string, CardRow | undefined>();
  const kept = new Set<string>();
  for (const { before, after } of changes) {
    const was = new Map((before?.members ?? []).map((m) => [m.insightId, JSON.stringify(m)]));
    for (const m of after?.members ?? []) {
      kept.add(m.insightId);
      if (was.get(m.insightId) === JSON.stringify(m) && before?.accountKey === after?.accountKey) continue;
      const row: CardRow = { issueId, insightId: m.insightId, order: cardOrder(m), from: m.via[0]!.issueId };
      if (after?.accountKey !== undefined) row.accountKey = after.accountKey;
      rows.set(m.insightId, row);
    }
    for (const id of was.keys()) if (!rows.has(id)) rows.set(id, undefined);
  }
  return [...rows]
    .filter(([id, row]) => row !== undefined || !kept.has(id))
    .map(([insightId, row]) => ({ insightId, row }));
}
