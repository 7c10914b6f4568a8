import { z } from 'zod';
import type { ImpactFacets } from '../domain/impact';
import { ancestorsOf } from '../domain/ancestry';
import { ForbiddenError } from '../domain/errors';
import type { JourneyStage, Segment, SourceKind } from '../domain/vocabulary';
import { browsableIssues, type IssueSummary } from '../jira/browsable-issues';
import { searchIssuesByText } from '../jira/search-issues';
import { getRankRows, rankByProject, type RankOrder } from '../storage/impact-store';
import type { RankRow } from '../storage/records';
import type { RankSort } from '../contract/payloads';
import type { Page } from '../contract/result';
import type { RankedIssueView } from '../contract/views';

export interface RankFilter {
  limit: number;
  cursor?: string;
  statusCategory: 'open' | 'done' | 'all';
  level: 'epic' | 'standard' | 'subtask' | 'all';
  sort: RankSort;
  segment?: Segment;
  sourceKind?: SourceKind;
  journeyStage?: JourneyStage;
  query?: string;
}

/** Storage rows read per step; filters apply in memory, so a step reads more than it keeps. */
const STEP = 100;
/** Steps at most per call, so a very selective filter still answers in bounded time. */
const MAX_STEPS = 5;

/**
 * Where the next page starts: the storage cursor of a page and how many of its rows were
 * already consumed. A page may be cut mid-way when the requested number is reached.
 */
const Position = z.object({ c: z.string().optional(), s: z.number().int().min(0) });
type Position = z.infer<typeof Position>;

function encode(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decode(cursor: string | undefined): Position {
  if (!cursor) return { s: 0 };
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    return { s: 0 };
  }
}

/** Where an impact comes from; rows stored before the split keep it in their read model. */
function facetsOf(row: RankRow): ImpactFacets | undefined {
  return row.facets ?? row.readModel?.facets;
}

function matchesEvidence(row: RankRow, filter: RankFilter): boolean {
  const facets = facetsOf(row);
  if (filter.segment && !(facets?.segments[filter.segment] ?? 0)) return false;
  if (filter.sourceKind && !(facets?.sourceKinds[filter.sourceKind] ?? 0)) return false;
  if (filter.journeyStage && !(facets?.stages[filter.journeyStage] ?? 0)) return false;
  return true;
}

/** The index each sort reads; all of them highest first. */
const ORDER: Readonly<Record<RankSort, RankOrder>> = {
  score: 'score',
  accounts: 'accounts',
  revenue: 'arr',
  newest: 'newest'
};

/** A row's value under a sort, for ordering search hits the way the index would. */
function sortValue(row: RankRow, sort: RankSort): number | string {
  if (sort === 'accounts') return row.accounts;
  if (sort === 'revenue') return row.arr;
  if (sort === 'newest') return row.lastEvidenceAt ?? '';
  return row.score;
}

function compareRows(sort: RankSort): (a: RankRow, b: RankRow) => number {
  return (a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    const byKey = x < y ? 1 : x > y ? -1 : 0;
    return byKey || b.score - a.score;
  };
}

/**
 * A level filter read from an index that is not the band's: rows that name their band
 * are dropped before Jira is asked; rows stored before bands are checked on Jira's answer.
 */
function inBand(row: RankRow, filter: RankFilter): boolean {
  return filter.level === 'all' || row.band === undefined || row.band === filter.level;
}

function matchesIssue(issue: IssueSummary, filter: RankFilter): boolean {
  if (filter.statusCategory === 'open' && issue.statusCategory === 'done') return false;
  if (filter.statusCategory === 'done' && issue.statusCategory !== 'done') return false;
  if (filter.level === 'epic' && issue.hierarchyLevel < 1) return false;
  if (filter.level === 'standard' && issue.hierarchyLevel !== 0) return false;
  if (filter.level === 'subtask' && issue.hierarchyLevel > -1) return false;
  return true;
}

function toView(row: RankRow, issue: IssueSummary): RankedIssueView {
  const view: RankedIssueView = {
    issueId: row.issueId,
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    statusCategory: issue.statusCategory,
    issueType: issue.issueType,
    hierarchyLevel: issue.hierarchyLevel,
    score: row.score,
    accounts: row.accounts,
    arr: row.arr,
    insightCount: row.insightCount
  };
  if (row.ancestorPath !== undefined) view.ancestorIds = ancestorsOf(row.ancestorPath);
  else if (row.parentId !== undefined) view.ancestorIds = [row.parentId];
  if (issue.assignee !== undefined) view.assignee = issue.assignee;
  if (row.lastEvidenceAt !== undefined) view.lastEvidenceAt = row.lastEvidenceAt;
  const facets = facetsOf(row);
  if (facets) view.facets = facets;
  return view;
}

/**
 * A project's issues ranked by customer impact, or by accounts, revenue at stake or
 * newest evidence. Each order is an index of the project's impacts, so a page costs the
 * same at 100 000 issues as at 1 000: a few index reads and one Jira bulk fetch per step,
 * which also drops every issue the acting user may not browse. Revenue order says how
 * issues compare by their customers' revenue, so it is refused to a user who may not
 * see customer identity, before anything is read.
 */
export async function rankIssues(
  projectId: string,
  filter: RankFilter,
  identityAllowed: () => Promise<boolean>
): Promise<Page<RankedIssueView>> {
  if (filter.sort === 'revenue' && !(await identityAllowed())) {
    throw new ForbiddenError('Sorting by revenue at stake needs access to customer identity.');
  }
  if (filter.query) return searchRanked(projectId, filter);
  const items: RankedIssueView[] = [];
  let position = decode(filter.cursor);
  const order = ORDER[filter.sort];
  for (let step = 0; step < MAX_STEPS && items.length < filter.limit; step += 1) {
    // By score, a level filter reads its band's own index, so a page of epics is full at
    // any size; other orders have no band index and filter the project's rows instead.
    const page = await rankByProject(
      projectId,
      position.c,
      STEP,
      filter.level === 'all' ? undefined : filter.level,
      order
    );
    const rows = page.rows.slice(position.s);
    const keep = (row: RankRow): boolean => inBand(row, filter) && matchesEvidence(row, filter);
    const candidates = rows.filter(keep);
    const visible = await browsableIssues(candidates.map((row) => row.issueId));
    let consumed = position.s;
    for (const row of rows) {
      consumed += 1;
      const issue = visible.get(row.issueId);
      if (issue && keep(row) && matchesIssue(issue, filter)) {
        items.push(toView(row, issue));
        if (items.length === filter.limit) break;
      }
    }
    if (consumed < page.rows.length) {
      position = { ...(position.c ? { c: position.c } : {}), s: consumed };
      return { items, cursor: encode(position) };
    }
    if (!page.cursor) return { items };
    position = { c: page.cursor, s: 0 };
  }
  return { items, cursor: encode(position) };
}

/** With search words: Jira's text search finds the issues, the impacts rank them. */
async function searchRanked(projectId: string, filter: RankFilter): Promise<Page<RankedIssueView>> {
  const hits = await searchIssuesByText(projectId, filter.query ?? '', 100);
  const ids = hits.map((h) => h.id);
  const [impacts, visible] = await Promise.all([getRankRows(ids), browsableIssues(ids)]);
  const items = [...impacts.values()]
    .filter((row) => matchesEvidence(row, filter))
    .map((row) => ({ row, issue: visible.get(row.issueId) }))
    .filter(
      (x): x is { row: RankRow; issue: IssueSummary } =>
        x.issue !== undefined && matchesIssue(x.issue, filter)
    )
    .sort((a, b) => compareRows(filter.sort)(a.row, b.row))
    .slice(0, filter.limit)
    .map(({ row, issue }) => toView(row, issue));
  return { items };
}
