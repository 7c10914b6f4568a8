import type { Account } from '../domain/account';
import { bandOf, TOP_LEVEL } from '../domain/ancestry';
import type { EvidenceCard, IssueImpact } from '../domain/impact';
import type { Insight } from '../domain/insight';
import {
  emptyGroup,
  groupOf,
  memberOf,
  orderVia,
  type EvidenceGroup,
  type GroupMember
} from '../domain/scoring/evidence-group';
import {
  cardHead,
  ledgerFromGroups,
  type GroupChange,
  type ImpactLedger
} from '../domain/scoring/impact-ledger';
import type { ScoringSettings } from '../domain/scoring/settings';
import { getAccounts } from '../storage/account-store';
import { cardsOfIssue, stageCard } from '../storage/card-store';
import { KVS_LIMITS, linkKey } from '../storage/entities';
import { groupsOfIssue } from '../storage/group-store';
import { getInsights } from '../storage/insight-store';
import { getLinkPairs, linksUnder } from '../storage/link-store';
import { putImpact, removeImpact } from '../storage/impact-writes';
import type { GroupRecord, ImpactRecord, LinkRecord } from '../storage/records';
import { WriteSet } from '../storage/write-set';
import { impactRecordOf, type AffectedIssue } from './apply-change';
import { toCard } from './build-impact';
import { cardRowChanges, depthUnder } from './group-changes';

/**
 * Measures an issue's score again from all its evidence groups (with `changes` about to
 * be written applied): after new settings, for the daily decay, or when a change left
 * one of the ledger's lists shorter than what is shown. Reads the groups (no text) and
 * only the cards of the first page that are not already at hand.
 */
export async function rebuildLedger(
  issueId: string,
  changes: readonly GroupChange[],
  cards: ReadonlyMap<string, EvidenceCard>,
  existing: ImpactLedger | undefined,
  settings: ScoringSettings,
  now: Date
): Promise<ImpactLedger> {
  const byName = new Map<string, EvidenceGroup>(
    (await groupsOfIssue(issueId)).map((row) => [row.group, row])
  );
  for (const { before, after } of changes) {
    const name = (after ?? before)!.group;
    if (after) byName.set(name, after);
    else byName.delete(name);
  }
  const groups = [...byName.values()];
  const known = new Map<string, EvidenceCard>([
    ...(existing?.cards ?? []).map((c): [string, EvidenceCard] => [c.insightId, c]),
    ...cards
  ]);
  const members = new Map(
    groups.flatMap((g) =>
      g.members.map((m): [string, { m: GroupMember; g: EvidenceGroup }] => [m.insightId, { m, g }])
    )
  );
  const missing = cardHead(groups).filter((id) => {
    const card = known.get(id);
    return !card || card.fromIssueId !== members.get(id)?.m.via[0]?.issueId;
  });
  for (const [id, card] of await readCards(missing.map((id) => ({ id, ...members.get(id)! }))))
    known.set(id, card);
  return ledgerFromGroups(groups, known, settings, now);
}

/** Cards from the stored insight, nearest link and account. */
async function readCards(
  wanted: readonly { id: string; m: GroupMember; g: EvidenceGroup }[]
): Promise<Map<string, EvidenceCard>> {
  if (wanted.length === 0) return new Map();
  const [insights, links] = await Promise.all([
    getInsights(wanted.map((w) => w.id)),
    getLinkPairs(wanted.map((w) => ({ issueId: w.m.via[0]!.issueId, insightId: w.id })))
  ]);
  const keys = [...insights.values()].map((i) => i.accountKey).filter((k): k is string => k !== undefined);
  const accounts = await getAccounts(keys);
  const out = new Map<string, EvidenceCard>();
  for (const w of wanted) {
    const insight = insights.get(w.id);
    const link = links.get(linkKey(w.m.via[0]!.issueId, w.id));
    if (!insight || !link) continue;
    out.set(w.id, toCard(link, insight, insight.accountKey ? accounts.get(insight.accountKey) : undefined));
  }
  return out;
}

/**
 * Recomputes an issue's groups and impact from every link under it: for impacts stored
 * before groups existed, and for an issue whose rows could not be written with the
 * change that altered it. Costs what the issue's evidence weighs, so it runs only then.
 */
export async function repairFromLinks(
  issue: AffectedIssue,
  existing: ImpactRecord | undefined,
  settings: ScoringSettings,
  now: Date
): Promise<IssueImpact | null> {
  const known = issue.ancestorPath ?? existing?.ancestorPath;
  const path = known ?? TOP_LEVEL;
  const [links, storedGroups, storedCards] = await Promise.all([
    linksUnder(issue.issueId, path),
    groupsOfIssue(issue.issueId),
    cardsOfIssue(issue.issueId)
  ]);
  const insights = await getInsights([...new Set(links.map((l) => l.insightId))]);
  const accountKeys = [...insights.values()]
    .map((i) => i.accountKey)
    .filter((k): k is string => k !== undefined);
  const accounts = await getAccounts(accountKeys);
  const groups = groupsFromLinks(issue.issueId, links, insights, accounts);
  const cards = new Map<string, EvidenceCard>();
  const byInsight = new Map(links.map((l) => [linkKey(l.issueId, l.insightId), l]));
  for (const group of groups)
    for (const m of group.members) {
      const link = byInsight.get(linkKey(m.via[0]!.issueId, m.insightId));
      const insight = insights.get(m.insightId);
      if (link && insight)
        cards.set(
          m.insightId,
          toCard(link, insight, insight.accountKey ? accounts.get(insight.accountKey) : undefined)
        );
    }
  const ledger = ledgerFromGroups(groups, cards, settings, now);
  const projectId = issue.projectFromJira ? issue.projectId : (existing?.projectId ?? issue.projectId);
  const parentId = issue.parentFromJira ? issue.parentId : (issue.parentId ?? existing?.parentId);

  // Groups first, a few transactions at a time; the impact last, on the version read.
  const stored = new Map(storedGroups.map((row) => [row.group, row]));
  const writes: ((set: WriteSet) => void)[] = [];
  for (const group of groups) {
    const row = stored.get(group.group);
    stored.delete(group.group);
    const record: GroupRecord = {
      ...group,
      issueId: issue.issueId,
      projectId,
      version: (row?.version ?? 0) + 1
    };
    writes.push((set) => set.putGroup(record, row ? { version: row.version } : 'absent'));
  }
  for (const row of stored.values())
    writes.push((set) => set.removeGroup(issue.issueId, row.group, { version: row.version }));
  const cardRows = new Map(
    cardRowChanges(
      issue.issueId,
      groups.map((after) => ({ after }))
    ).map((c) => [c.insightId, c.row])
  );
  for (const row of storedCards) if (!cardRows.has(row.insightId)) cardRows.set(row.insightId, undefined);
  for (const [insightId, row] of cardRows)
    writes.push((set) => stageCard(set, issue.issueId, insightId, row));
  for (let i = 0; i < writes.length; i += KVS_LIMITS.transactionOps) {
    const set = new WriteSet();
    writes.slice(i, i + KVS_LIMITS.transactionOps).forEach((w) => w(set));
    await set.commit();
  }
  const expect = existing ? { version: existing.version } : ('absent' as const);
  const last = new WriteSet();
  if (ledger.insights === 0) {
    if (existing) removeImpact(last, issue.issueId, expect);
    await last.commit();
    return null;
  }
  const meta = {
    issueId: issue.issueId,
    projectId,
    ...(parentId === undefined ? {} : { parentId }),
    ...(known === undefined ? {} : { ancestorPath: known }),
    ...(issue.hierarchyLevel !== undefined
      ? { band: bandOf(issue.hierarchyLevel) }
      : existing?.band === undefined
        ? {}
        : { band: existing.band })
  };
  const record = impactRecordOf(ledger, meta, existing, now);
  putImpact(last, record, expect);
  await last.commit();
  return record.readModel;
}

/** An issue's evidence groups from every link under it. */
export function groupsFromLinks(
  issueId: string,
  links: readonly LinkRecord[],
  insights: ReadonlyMap<string, Insight>,
  accounts: ReadonlyMap<string, Account>
): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  const byInsight = new Map<string, LinkRecord[]>();
  for (const link of links) byInsight.set(link.insightId, [...(byInsight.get(link.insightId) ?? []), link]);
  for (const [insightId, its] of byInsight) {
    const insight = insights.get(insightId);
    if (!insight) continue;
    const via = orderVia(
      its.flatMap((l) => {
        const depth = depthUnder(l, issueId);
        return depth === undefined
          ? []
          : [{ issueId: l.issueId, depth, ...(l.restricted ? { restricted: true as const } : {}) }];
      })
    );
    if (via.length === 0) continue;
    const account = insight.accountKey ? accounts.get(insight.accountKey) : undefined;
    const name = groupOf(insightId, account ? insight.accountKey : undefined);
    const group = groups.get(name) ?? emptyGroup(name, account);
    group.members.push(memberOf(insight, via));
    groups.set(name, group);
  }
  for (const g of groups.values()) g.members.sort((a, b) => (a.insightId < b.insightId ? -1 : 1));
  return [...groups.values()];
}
