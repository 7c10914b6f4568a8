import type { Account } from '../domain/account';
import { bandOf, type AncestorPath, type LevelBand } from '../domain/ancestry';
import type { IssueImpact } from '../domain/impact';
import type { Insight } from '../domain/insight';
import {
  applyGroupChanges,
  emptyLedger,
  readModelOf,
  type GroupChange,
  type ImpactLedger
} from '../domain/scoring/impact-ledger';
import type { ScoringSettings } from '../domain/scoring/settings';
import { getAccounts } from '../storage/account-store';
import { groupKey, KVS_LIMITS, linkKey } from '../storage/entities';
import { getGroups } from '../storage/group-store';
import { getImpacts } from '../storage/impact-store';
import { putImpact, removeImpact } from '../storage/impact-writes';
import { getInsights } from '../storage/insight-store';
import { getLinkPairs } from '../storage/link-store';
import type { GroupRecord, ImpactRecord, LinkRecord } from '../storage/records';
import { getScoringSettings } from '../storage/settings-store';
import { WriteSet } from '../storage/write-set';
import { enqueueSync } from '../sync/sync-queue';
import { type EvidenceChange } from './evidence-change';
import { stageCard } from '../storage/card-store';
import {
  cardRowChanges,
  groupChangesFor,
  groupNamesOf,
  scoringIssuesOf,
  type InsightState,
  type LinkTransition
} from './group-changes';
import { indexForSearch } from './index-for-search';
import { rebuildLedger, repairFromLinks } from './rebuild-impact';

/**
 * A change that depends on what is stored: `build` runs after the first read wave, with
 * the `links` and `prefetch`ed insights it names, so deciding what to write costs no
 * extra round trip.
 */
export interface ChangePlan {
  prefetch: readonly string[];
  links?: readonly { issueId: string; insightId: string }[];
  /**
   * Rows the caller already read (beside its Jira calls, on its first attempt only), for
   * every id in `prefetch` and `links` (a missing one is absent): a plan whose insights
   * and links are known costs one read wave and the commit.
   */
  known?: {
    insights?: ReadonlyMap<string, Insight>;
    links?: ReadonlyMap<string, LinkRecord>;
    settings?: ScoringSettings;
    /** Accounts the change's insights name, read ahead (missing ones are read as usual). */
    accounts?: ReadonlyMap<string, Account>;
  };
  build: (snapshot: {
    link: (issueId: string, insightId: string) => LinkRecord | undefined;
    insights: ReadonlyMap<string, Insight>;
  }) => EvidenceChange;
}

/** An issue whose impact the change may alter, with where it ranks and rolls up. */
export interface AffectedIssue {
  issueId: string;
  /** Project to rank it in; an existing read model's project wins unless `projectFromJira`. */
  projectId: string;
  /** Parent to roll up into; when absent, an existing read model's parent stays unless `parentFromJira`. */
  parentId?: string;
  /** `projectId` was just read from Jira (the issue moved): it replaces the stored one. */
  projectFromJira?: boolean;
  /** `parentId` was just read from Jira: it replaces the stored one, and its absence clears it. */
  parentFromJira?: boolean;
  /**
   * Where the issue sits (domain/ancestry), as its links or Jira say; replaces the stored
   * one. When absent, the stored impact's path is used.
   */
  ancestorPath?: AncestorPath;
  /** The issue's Jira hierarchy level, when just read: it names the band it ranks in. */
  hierarchyLevel?: number;
}

function isEmpty(change: EvidenceChange): boolean {
  return (
    change.linkSets.length +
      change.linkDeletes.length +
      change.insightPuts.length +
      change.insightDeletes.length +
      change.accountPuts.length ===
    0
  );
}

/**
 * Writes a change to evidence together with the impacts it alters, in one transaction.
 * An issue's score is a sum over its evidence groups (one per account, rolled up from
 * the issue and its descendants: domain/scoring/evidence-group), so a write reads only
 * the groups the change touches, in every issue the change's links roll up into, and
 * adjusts each issue's running totals (domain/scoring/impact-ledger). What it costs
 * depends on the change, not on how much evidence the issues already have.
 *
 * Links, insights, accounts, groups and impacts are committed together, each
 * conditioned on the version it was computed from, plus a check that the accounts
 * scored with were not edited meanwhile; a concurrent writer makes the transaction fail
 * as a whole and the caller retries. With `rescore`, every affected issue's score is
 * measured again now from all its groups (new settings, decay).
 *
 * Returns the new read model of every affected issue (null when it has no evidence left).
 */
export async function applyChange(
  changeOrPlan: EvidenceChange | ChangePlan,
  affected: readonly AffectedIssue[],
  now: Date,
  options: { rescore?: boolean; sync?: boolean; refreshAccounts?: readonly string[] } = {}
): Promise<Map<string, IssueImpact | null>> {
  const plan: ChangePlan =
    'build' in changeOrPlan ? changeOrPlan : { prefetch: [], build: () => changeOrPlan };
  const named = dedupe(affected);
  // Known rows were read for every id the plan names: one missing from them is absent.
  const [prefetched, prefetchedLinks] = await Promise.all([
    plan.known?.insights ? new Map(plan.known.insights) : getInsights(plan.prefetch),
    plan.known?.links ? new Map(plan.known.links) : getLinkPairs(plan.links ?? [])
  ]);
  const change = plan.build({
    link: (issueId, insightId) => prefetchedLinks.get(linkKey(issueId, insightId)),
    insights: prefetched
  });
  const refresh = options.refreshAccounts ?? [];
  if (isEmpty(change) && !options.rescore && refresh.length === 0) {
    const impacts = await getImpacts(named.map((i) => i.issueId));
    return new Map(named.map((i) => [i.issueId, impacts.get(i.issueId)?.readModel ?? null]));
  }

  // The rows the change replaces, where the plan did not read them already.
  const oldLinkKeys = [
    ...change.linkSets.filter((s) => s.expect !== 'absent').map((s) => s.link),
    ...change.linkDeletes
  ].filter((l) => !prefetchedLinks.has(linkKey(l.issueId, l.insightId)));
  const insightIds = new Set<string>([
    ...change.linkSets.map((s) => s.link.insightId),
    ...change.linkDeletes.map((d) => d.insightId),
    ...change.insightPuts.map((p) => p.insight.id),
    ...change.insightDeletes.map((d) => d.id)
  ]);
  // A new insight (written on condition of its absence) has nothing stored to read.
  const created = new Set(change.insightPuts.filter((p) => p.expect === 'absent').map((p) => p.insight.id));
  const unknownInsights = [...insightIds].filter((id) => !prefetched.has(id) && !created.has(id));
  const [oldLinks, oldInsights] = await Promise.all([
    getLinkPairs(oldLinkKeys),
    getInsights(unknownInsights)
  ]);
  for (const [key, link] of prefetchedLinks) oldLinks.set(key, link);
  for (const [id, insight] of prefetched) oldInsights.set(id, insight);

  const transitions = linkTransitions(change, oldLinks);
  const insightStates = statesOf(change, oldInsights);
  const issues = withLinkIssues(named, transitions);
  const accountKeys = new Set<string>();
  for (const state of insightStates.values())
    for (const side of [state.before, state.after]) if (side?.accountKey) accountKeys.add(side.accountKey);
  // A link's old account hint names a group the insight may leave (see groupNamesOf): its
  // snapshot is refreshed like any other group the change rewrites.
  for (const t of transitions) if (t.before?.accountKey) accountKeys.add(t.before.accountKey);
  const putAccounts = new Map(change.accountPuts.map((p) => [p.account.key, p.account]));
  for (const key of [...putAccounts.keys(), ...refresh]) accountKeys.add(key);
  // The same group names under every affected issue: worked out once, not per issue (an
  // insight linked to 1 000 issues has 1 000 transitions).
  const groupNames = candidateGroupNames(insightStates, transitions, [...putAccounts.keys(), ...refresh]);
  const candidates = issues.flatMap((issue) =>
    groupNames.map((group) => ({ issueId: issue.issueId, group }))
  );
  // One wave: every affected issue's impact, the groups the change touches, the accounts
  // they are scored with, and the settings.
  const knownAccounts = new Map<string, Account>(plan.known?.accounts ?? []);
  for (const [key, account] of putAccounts) knownAccounts.set(key, account);
  const putInsights = change.insightPuts.map((put) => put.insight);
  // Search terms go out before the insights they find (see index-for-search); when the
  // accounts they name are at hand, beside the read wave rather than after it.
  const namesKnown = putInsights.every((i) => !i.accountKey || knownAccounts.has(i.accountKey));
  const [impacts, accountsRead, groups, settings, indexedEarly] = await Promise.all([
    getImpacts(issues.map((i) => i.issueId)),
    getAccounts([...accountKeys].filter((key) => !knownAccounts.has(key))),
    getGroups(candidates),
    plan.known?.settings ?? getScoringSettings(),
    namesKnown ? indexForSearch(putInsights, (key) => knownAccounts.get(key)?.name) : undefined
  ]);
  const accounts = new Map<string, Account>(accountsRead);
  for (const [key, account] of knownAccounts) accounts.set(key, account);

  const writes = new WriteSet();
  stageEvidence(writes, change);
  const indexed = indexedEarly ?? (await indexForSearch(putInsights, (key) => accounts.get(key)?.name));
  change.insightPuts.forEach(({ expect }, i) => {
    const insight = indexed[i]!;
    writes.putInsight(insight, expect);
  });

  const results = new Map<string, IssueImpact | null>();
  const units: IssueUnit[] = [];
  const repairs: AffectedIssue[] = [];
  // Issues whose ledger must be measured again read their groups in parallel.
  const staged = await Promise.all(
    issues.map(async (issue) => {
      const existing = impacts.get(issue.issueId);
      // Without a ledger (stored before it, or links written before any impact), a
      // rescore recomputes from the links, as does any change to an old row.
      if ((existing && !existing.ledger) || (options.rescore && !existing))
        return { issue, repair: true as const };
      const planned = groupChangesFor({
        issueId: issue.issueId,
        transitions,
        insights: insightStates,
        accounts,
        putAccounts,
        refreshAccounts: refresh,
        groups,
        cards: existing?.ledger?.cards ?? [],
        links: oldLinks
      });
      let outcome: ImpactLedger | 'rebuild' = 'rebuild';
      if (!options.rescore && planned.complete) {
        outcome =
          planned.changes.length === 0 && planned.cards.size === 0 && existing?.ledger
            ? existing.ledger
            : applyGroupChanges(
                existing?.ledger ?? emptyLedger(settings, now),
                planned.changes,
                planned.cards,
                settings
              );
      }
      const ledger =
        outcome === 'rebuild'
          ? await rebuildLedger(
              issue.issueId,
              planned.changes,
              planned.cards,
              existing?.ledger,
              settings,
              now
            )
          : outcome;
      return { issue, existing, planned, ledger };
    })
  );
  for (const entry of staged) {
    if ('repair' in entry) {
      repairs.push(entry.issue);
      continue;
    }
    const { issue, existing, planned, ledger } = entry;
    // A rescore that moves nothing a reader sees (nor the band it ranks in) leaves the row
    // (and Jira) alone.
    const sameBand = issue.hierarchyLevel === undefined || existing?.band === bandOf(issue.hierarchyLevel);
    if (
      options.rescore &&
      planned.changes.length === 0 &&
      existing?.ledger &&
      sameBand &&
      sameScore(existing.ledger, ledger)
    ) {
      results.set(issue.issueId, existing.readModel);
      continue;
    }
    const unit = stageIssue(issue, existing, planned.changes, groups, ledger, now);
    if (unit) {
      // An account scored with but not written here must still be as read when this
      // lands: a concurrent edit's rescore job might otherwise pass this issue first.
      for (const account of planned.scoredWith)
        if (!putAccounts.has(account.key)) unit.writes.push((set) => set.checkAccount(account));
      units.push(unit);
    }
    results.set(issue.issueId, ledger.insights > 0 ? (unit?.model ?? existing?.readModel ?? null) : null);
  }

  // The evidence and as many issues as fit land in one transaction; the issues that do
  // not fit follow, each in its own (in parallel), and one that meets a concurrent writer
  // is recomputed from its links.
  const overflow: IssueUnit[] = [];
  for (const unit of units) {
    if (writes.size + opsOf(unit) <= KVS_LIMITS.transactionOps) unit.writes.forEach((w) => w(writes));
    else overflow.push(unit);
  }
  await writes.commit();
  await Promise.all(
    overflow.map(async (unit) => {
      const own = new WriteSet();
      unit.writes.forEach((w) => w(own));
      if (own.size > KVS_LIMITS.transactionOps) {
        repairs.push(unit.issue);
        return;
      }
      await own.commit().catch(() => repairs.push(unit.issue));
    })
  );
  for (const issue of repairs) {
    const model = await repairFromLinks(issue, impacts.get(issue.issueId), settings, now);
    results.set(issue.issueId, model);
  }
  if (options.sync !== false) {
    const written = [
      ...units.map((u) => ({ issueId: u.issue.issueId, projectId: u.projectId })),
      ...repairs.map((issue) => ({ issueId: issue.issueId, projectId: issue.projectId }))
    ];
    // Jira's copy (property and field) follows through the queue; once committed, the
    // change stands even if the push fails: the daily refresh republishes every score.
    await enqueueSync(written).catch((error: unknown) => console.warn('Could not queue impact sync', error));
  }
  return results;
}

/** An issue's rows to write: its changed groups and its impact, which must land together. */
interface IssueUnit {
  issue: AffectedIssue;
  projectId: string;
  model: IssueImpact | null;
  writes: ((set: WriteSet) => void)[];
}

/**
 * Whether a ledger measured again shows the same as the stored one: same settings, every
 * total and list entry's points equal (so the rounded score moved by less than 0.01).
 */
function sameScore(stored: ImpactLedger, fresh: ImpactLedger): boolean {
  const shown = (l: ImpactLedger): string =>
    JSON.stringify([
      l.settingsHash,
      l.cents,
      l.segments,
      l.stages,
      l.contributions.map((c) => [c.group, c.cents]),
      l.cards.map((c) => c.insightId)
    ]);
  return shown(stored) === shown(fresh);
}

/** How many operations a unit's writes stage (an impact is its row and its view). */
function opsOf(unit: IssueUnit): number {
  const probe = new WriteSet();
  unit.writes.forEach((w) => w(probe));
  return probe.size;
}

function stageIssue(
  issue: AffectedIssue,
  existing: ImpactRecord | undefined,
  changes: readonly GroupChange[],
  stored: ReadonlyMap<string, GroupRecord>,
  ledger: ImpactLedger,
  now: Date
): IssueUnit | undefined {
  const projectId = issue.projectFromJira ? issue.projectId : (existing?.projectId ?? issue.projectId);
  const parentId = issue.parentFromJira ? issue.parentId : (issue.parentId ?? existing?.parentId);
  const ancestorPath = issue.ancestorPath ?? existing?.ancestorPath;
  const writes: IssueUnit['writes'] = [];
  for (const { before, after } of changes) {
    const name = (after ?? before)!.group;
    const key = groupKey(issue.issueId, name);
    const row = stored.get(key);
    const expect = row ? { version: row.version } : ('absent' as const);
    if (after && after.members.length > 0) {
      const record: GroupRecord = {
        ...after,
        issueId: issue.issueId,
        projectId,
        version: (row?.version ?? 0) + 1
      };
      writes.push((set) => set.putGroup(record, expect));
    } else if (row) writes.push((set) => set.removeGroup(issue.issueId, name, expect));
  }
  for (const { insightId, row } of cardRowChanges(issue.issueId, changes))
    writes.push((set) => stageCard(set, issue.issueId, insightId, row));
  const impactExpect = existing ? { version: existing.version } : ('absent' as const);
  if (ledger.insights === 0) {
    if (existing) writes.push((set) => removeImpact(set, issue.issueId, impactExpect));
    return writes.length > 0 ? { issue, projectId, model: null, writes } : undefined;
  }
  const band = issue.hierarchyLevel === undefined ? existing?.band : bandOf(issue.hierarchyLevel);
  const meta = {
    issueId: issue.issueId,
    projectId,
    ...(parentId === undefined ? {} : { parentId }),
    ...(ancestorPath === undefined ? {} : { ancestorPath }),
    ...(band === undefined ? {} : { band })
  };
  const record = impactRecordOf(ledger, meta, existing, now);
  writes.push((set) => putImpact(set, record, impactExpect));
  const model = record.readModel;
  return { issue, projectId, model, writes };
}

/** The impact row to store for an issue's ledger, one version after the existing row. */
export function impactRecordOf(
  ledger: ImpactLedger,
  meta: {
    issueId: string;
    projectId: string;
    parentId?: string;
    ancestorPath?: AncestorPath;
    band?: LevelBand;
  },
  existing: ImpactRecord | undefined,
  now: Date
): ImpactRecord {
  const updatedAt = now.toISOString();
  const { ancestorPath, band, ...issue } = meta;
  const model = readModelOf(ledger, issue, updatedAt);
  const record: ImpactRecord = {
    ...issue,
    ...(band === undefined ? {} : { band }),
    score: model.score.score,
    accounts: model.score.uniqueAccounts,
    arr: model.score.arrAtStake,
    insightCount: model.score.insightCount,
    formulaVersion: model.score.formulaVersion,
    settingsHash: model.score.settingsHash,
    readModel: model,
    ledger,
    version: (existing?.version ?? 0) + 1,
    updatedAt
  };
  if (ancestorPath !== undefined) record.ancestorPath = ancestorPath;
  if (model.score.lastEvidenceAt !== undefined) record.lastEvidenceAt = model.score.lastEvidenceAt;
  return record;
}

/** Links, insight deletions and accounts exactly as the change says, each conditioned. */
function stageEvidence(writes: WriteSet, change: EvidenceChange): void {
  // Links are conditioned like every other row: a link removed by a concurrent unlink,
  // delete or merge is never brought back by a write computed from the old one.
  for (const { link, expect } of change.linkSets) writes.putLink(link, expect);
  for (const d of change.linkDeletes) writes.removeLink(d.issueId, d.insightId, d.expect);
  for (const { id, expect } of change.insightDeletes) writes.removeInsight(id, expect);
  for (const { account, expect } of change.accountPuts) writes.putAccount(account, expect);
}

/** Each link the change writes or removes, as it was and as it will be. */
function linkTransitions(change: EvidenceChange, old: ReadonlyMap<string, LinkRecord>): LinkTransition[] {
  const out: LinkTransition[] = [];
  for (const { link, expect } of change.linkSets) {
    const before = expect === 'absent' ? undefined : old.get(linkKey(link.issueId, link.insightId));
    out.push({ insightId: link.insightId, ...(before ? { before } : {}), after: link });
  }
  for (const d of change.linkDeletes) {
    const before = old.get(linkKey(d.issueId, d.insightId));
    if (before) out.push({ insightId: d.insightId, before });
  }
  return out;
}

/** Every insight the change touches, as stored and as it will be (absent when deleted). */
function statesOf(change: EvidenceChange, old: ReadonlyMap<string, Insight>): Map<string, InsightState> {
  const states = new Map<string, InsightState>();
  const ids = new Set<string>([
    ...change.linkSets.map((s) => s.link.insightId),
    ...change.linkDeletes.map((d) => d.insightId)
  ]);
  for (const id of ids) {
    const insight = old.get(id);
    states.set(id, { ...(insight ? { before: insight, after: insight } : {}), touched: false });
  }
  for (const { insight } of change.insightPuts) {
    const before = old.get(insight.id);
    states.set(insight.id, { ...(before ? { before } : {}), after: insight, touched: true });
  }
  for (const { id } of change.insightDeletes) {
    const before = old.get(id);
    states.set(id, { ...(before ? { before } : {}), touched: true });
  }
  return states;
}

/** The groups, under each affected issue, the change may touch: each insight's account's and its own. */
function candidateGroupNames(
  states: ReadonlyMap<string, InsightState>,
  transitions: readonly LinkTransition[],
  accountKeys: readonly string[]
): string[] {
  const movesOf = new Map<string, LinkTransition[]>();
  for (const t of transitions) {
    const moves = movesOf.get(t.insightId);
    if (moves) moves.push(t);
    else movesOf.set(t.insightId, [t]);
  }
  const names = new Set<string>();
  for (const [id, state] of states)
    for (const name of groupNamesOf(id, state, movesOf.get(id) ?? [])) names.add(name);
  for (const key of accountKeys) names.add(key);
  return [...names];
}

/** The named issues, plus every issue a changed link rolls up into that was not named. */
function withLinkIssues(
  named: readonly AffectedIssue[],
  transitions: readonly LinkTransition[]
): AffectedIssue[] {
  const byId = new Map(named.map((i) => [i.issueId, i]));
  for (const t of transitions)
    for (const link of [t.before, t.after])
      if (link)
        for (const at of scoringIssuesOf(link))
          if (!byId.has(at.issueId)) byId.set(at.issueId, { issueId: at.issueId, projectId: link.projectId });
  return [...byId.values()];
}

/**
 * One entry per issue: the first, unless a later one knows more of its placement from
 * Jira (or is the first to name its path).
 */
function dedupe(affected: readonly AffectedIssue[]): AffectedIssue[] {
  const knowledge = (issue: AffectedIssue): number =>
    (issue.projectFromJira ? 8 : 0) +
    (issue.parentFromJira ? 4 : 0) +
    (issue.ancestorPath ? 2 : 0) +
    (issue.hierarchyLevel === undefined ? 0 : 1);
  const byId = new Map<string, AffectedIssue>();
  for (const issue of affected) {
    const seen = byId.get(issue.issueId);
    if (!seen || knowledge(issue) > knowledge(seen)) byId.set(issue.issueId, issue);
  }
  return [...byId.values()];
}
