import type { Account } from '../domain/account';
import { TOP_LEVEL, type AncestorPath } from '../domain/ancestry';
import type { IssueImpact } from '../domain/impact';
import type { Insight } from '../domain/insight';
import { getAccounts } from '../storage/account-store';
import { ENTITY, KVS_LIMITS, linkKey } from '../storage/entities';
import { getImpacts } from '../storage/impact-store';
import { getInsights } from '../storage/insight-store';
import { linksUnder } from '../storage/link-store';
import { accountToRecord, insightToRecord, type ImpactRecord, type LinkRecord } from '../storage/records';
import { getScoringSettings } from '../storage/settings-store';
import { LINK_ROW, WriteSet } from '../storage/write-set';
import { enqueueSync } from '../sync/sync-queue';
import { buildImpact } from './build-impact';
import { indexForSearch } from './index-for-search';
import { linkFallsUnder, type EvidenceChange } from './evidence-change';
import { retryOnConflict } from './retry-on-conflict';

/**
 * A change that depends on what is stored: `build` runs after the first read wave, with
 * the affected issues' links and the `prefetch`ed insights, so deciding what to write
 * costs no extra round trip.
 */
export interface ChangePlan {
  prefetch: readonly string[];
  build: (snapshot: {
    linksOf: (issueId: string) => readonly LinkRecord[];
    insights: ReadonlyMap<string, Insight>;
  }) => EvidenceChange;
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
}

/**
 * Writes a change to evidence together with the impacts it alters, in one transaction:
 * reads the affected issues' rolled-up links, applies the change in memory, recomputes
 * each impact from scratch, and commits links, insights, accounts and impacts at once,
 * each conditioned on the version it was computed from. Impacts that do not fit in the
 * transaction (an insight linked to many issues) follow in further transactions: they
 * are derived data, recomputable at any time.
 *
 * Returns the new read model of every affected issue (null when it has no evidence left).
 */
export async function applyChange(
  changeOrPlan: EvidenceChange | ChangePlan,
  affected: readonly AffectedIssue[],
  now: Date,
  options: { rescore?: boolean; sync?: boolean } = {}
): Promise<Map<string, IssueImpact | null>> {
  const issues = dedupe(affected);
  const ids = issues.map((issue) => issue.issueId);
  // An issue may be named at two places while it moves: its links are read at both.
  const paths = pathsById(affected);
  const plan: ChangePlan =
    'build' in changeOrPlan ? changeOrPlan : { prefetch: [], build: () => changeOrPlan };
  // One parallel wave: the affected issues' links and impacts, the settings, and any
  // insights the change itself depends on. An issue named without its place is read
  // where its stored impact says it is, in a second wave.
  const [known, impacts, settings, prefetched] = await Promise.all([
    Promise.all(
      ids.map(async (id) => {
        const named = paths.get(id);
        return named ? linksUnder(id, [...named]) : undefined;
      })
    ),
    getImpacts(ids),
    getScoringSettings(),
    getInsights(plan.prefetch)
  ]);
  const linkLists = await Promise.all(
    ids.map(async (id, i) => known[i] ?? linksUnder(id, impacts.get(id)?.ancestorPath ?? TOP_LEVEL))
  );
  const change = plan.build({
    linksOf: (issueId) => linkLists[ids.indexOf(issueId)] ?? [],
    insights: prefetched
  });
  // A rescore (new settings, decay, overflow) recomputes impacts with no change to evidence.
  if (isEmpty(change) && !options.rescore) {
    return new Map(ids.map((id) => [id, impacts.get(id)?.readModel ?? null]));
  }

  const deleted = new Set(change.linkDeletes.map((d) => linkKey(d.issueId, d.insightId)));
  const setLinks = change.linkSets.map((s) => s.link);
  for (const link of setLinks) deleted.add(linkKey(link.issueId, link.insightId));
  const linksByIssue = new Map<string, LinkRecord[]>();
  ids.forEach((id, i) => {
    const kept = (linkLists[i] ?? []).filter((link) => !deleted.has(linkKey(link.issueId, link.insightId)));
    linksByIssue.set(id, [...kept, ...setLinks.filter((link) => linkFallsUnder(link, id))]);
  });

  const { insights, accounts } = await loadEvidence([...linksByIssue.values()].flat(), change, prefetched);

  const writes = new WriteSet();
  // Links are conditioned like every other row: a link removed by a concurrent unlink,
  // delete or merge is never brought back by a write computed from the old one.
  for (const { link, expect } of change.linkSets) {
    const version = expect === 'absent' ? 1 : expect.version + 1;
    writes.put(ENTITY.link, linkKey(link.issueId, link.insightId), { ...link, version }, expect, LINK_ROW);
  }
  for (const d of change.linkDeletes)
    writes.remove(ENTITY.link, linkKey(d.issueId, d.insightId), d.expect, LINK_ROW);
  // Search terms are written before the insights they find (see index-for-search).
  const indexed = await indexForSearch(
    change.insightPuts.map((put) => put.insight),
    (key) => accounts.get(key)?.name
  );
  change.insightPuts.forEach(({ expect }, i) => {
    const insight = indexed[i]!;
    writes.put(ENTITY.insight, insight.id, insightToRecord(insight), expect);
  });
  for (const { id, expect } of change.insightDeletes) writes.remove(ENTITY.insight, id, expect);
  for (const { account, expect } of change.accountPuts)
    writes.put(ENTITY.account, account.key, accountToRecord(account), expect);

  const results = new Map<string, IssueImpact | null>();
  const overflow: AffectedIssue[] = [];
  const written: { issueId: string; projectId: string }[] = [];
  const rescored: AffectedIssue[] = [];
  for (const issue of issues) {
    const existing = impacts.get(issue.issueId);
    const parentId = issue.parentFromJira ? issue.parentId : (issue.parentId ?? existing?.parentId);
    const ancestorPath = issue.ancestorPath ?? existing?.ancestorPath;
    const built = buildImpact({
      issueId: issue.issueId,
      projectId: issue.projectFromJira ? issue.projectId : (existing?.projectId ?? issue.projectId),
      ...(parentId === undefined ? {} : { parentId }),
      ...(ancestorPath === undefined ? {} : { ancestorPath }),
      links: linksByIssue.get(issue.issueId) ?? [],
      insights,
      accounts,
      settings,
      now
    });
    results.set(issue.issueId, built?.readModel ?? null);
    if (!built && !existing) continue;
    if (writes.size >= KVS_LIMITS.transactionOps) {
      overflow.push(issue);
      continue;
    }
    stageImpact(writes, issue.issueId, built, existing);
    rescored.push(issue);
    written.push({
      issueId: issue.issueId,
      projectId: built?.projectId ?? existing?.projectId ?? issue.projectId
    });
  }
  await writes.commit();
  // Jira's copy (property and field) follows through the queue; once committed, the
  // change stands even if the push fails: the daily refresh republishes every score.
  // In the same round trip: were the accounts these scores were computed from edited
  // meanwhile? Their edit's rescore job may have run before this commit, so the scores
  // are recomputed here (the change itself stands: it was conditioned on its rows).
  const putAccounts = new Set(change.accountPuts.map((p) => p.account.key));
  const [, moved] = await Promise.all([
    options.sync === false
      ? undefined
      : enqueueSync(written).catch((error: unknown) => console.warn('Could not queue impact sync', error)),
    accountsEditedSince([...accounts.values()].filter((a) => !putAccounts.has(a.key)))
  ]);
  if (moved && rescored.length > 0) {
    await retryOnConflict(() =>
      applyChange(emptyChangeFor(), rescored, now, { ...options, rescore: true })
    ).catch((error: unknown) => console.warn('Could not rescore after an account edit', error));
  }
  if (overflow.length > 0) await applyChange(emptyChangeFor(), overflow, now, { ...options, rescore: true });
  return results;
}

function stageImpact(
  writes: WriteSet,
  issueId: string,
  built: Omit<ImpactRecord, 'version'> | undefined,
  existing: ImpactRecord | undefined
): void {
  const expect = existing ? { version: existing.version } : ('absent' as const);
  if (!built) {
    writes.remove(ENTITY.impact, issueId, expect);
    return;
  }
  writes.put<ImpactRecord>(
    ENTITY.impact,
    issueId,
    { ...built, version: (existing?.version ?? 0) + 1 },
    expect
  );
}

/** Whether any of these accounts (as read) has been edited since. */
async function accountsEditedSince(read: readonly Account[]): Promise<boolean> {
  if (read.length === 0) return false;
  const current = await getAccounts(read.map((a) => a.key));
  return read.some((a) => current.get(a.key)?.version !== a.version);
}

/** Loads the insights and accounts behind the links, with the change's own writes overlaid. */
async function loadEvidence(
  links: readonly LinkRecord[],
  change: EvidenceChange,
  prefetched: ReadonlyMap<string, Insight>
): Promise<{ insights: Map<string, Insight>; accounts: Map<string, Account> }> {
  const putInsights = new Map(change.insightPuts.map((p) => [p.insight.id, p.insight]));
  for (const [id, insight] of prefetched) if (!putInsights.has(id)) putInsights.set(id, insight);
  const deletedInsights = new Set(change.insightDeletes.map((d) => d.id));
  const putAccounts = new Map(change.accountPuts.map((p) => [p.account.key, p.account]));
  const insightIds = [...new Set(links.map((l) => l.insightId))].filter(
    (id) => !putInsights.has(id) && !deletedInsights.has(id)
  );
  const accountKeys = new Set<string>();
  for (const link of links) if (link.accountKey) accountKeys.add(link.accountKey);
  for (const insight of putInsights.values()) if (insight.accountKey) accountKeys.add(insight.accountKey);
  for (const key of putAccounts.keys()) accountKeys.delete(key);

  // Links carry their insight's account key, so insights and accounts load in parallel.
  const [insights, accounts] = await Promise.all([getInsights(insightIds), getAccounts([...accountKeys])]);
  for (const [id, insight] of putInsights) insights.set(id, insight);
  for (const [key, account] of putAccounts) accounts.set(key, account);

  const stale = [...insights.values()]
    .map((insight) => insight.accountKey)
    .filter((key): key is string => key !== undefined && !accounts.has(key));
  if (stale.length > 0) for (const [key, account] of await getAccounts(stale)) accounts.set(key, account);
  return { insights, accounts };
}

/** Every place each issue was named at (only issues named with one). */
function pathsById(affected: readonly AffectedIssue[]): Map<string, Set<AncestorPath>> {
  const paths = new Map<string, Set<AncestorPath>>();
  for (const { issueId, ancestorPath } of affected) {
    if (ancestorPath === undefined) continue;
    paths.set(issueId, (paths.get(issueId) ?? new Set()).add(ancestorPath));
  }
  return paths;
}

/**
 * One entry per issue: the first, unless a later one knows more of its placement from
 * Jira (or is the first to name its path).
 */
function dedupe(affected: readonly AffectedIssue[]): AffectedIssue[] {
  const knowledge = (issue: AffectedIssue): number =>
    (issue.projectFromJira ? 4 : 0) + (issue.parentFromJira ? 2 : 0) + (issue.ancestorPath ? 1 : 0);
  const byId = new Map<string, AffectedIssue>();
  for (const issue of affected) {
    const seen = byId.get(issue.issueId);
    if (!seen || knowledge(issue) > knowledge(seen)) byId.set(issue.issueId, issue);
  }
  return [...byId.values()];
}

function emptyChangeFor(): EvidenceChange {
  return { linkSets: [], linkDeletes: [], insightPuts: [], insightDeletes: [], accountPuts: [] };
}
