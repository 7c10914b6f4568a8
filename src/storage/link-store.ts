import { kvs, WhereConditions } from '@forge/kvs';
import { subtreeOf, TOP_LEVEL, type AncestorPath } from '../domain/ancestry';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, KVS_LIMITS, linkKey } from './entities';
import { getImpact } from './impact-store';
import { guarded } from './kvs-failure';
import { readAllPages } from './read-all-pages';
import type { ImpactRecord, LinkRecord } from './records';

function linksBy(indexName: string, partitionValue: string, rangePrefix?: string): Promise<LinkRecord[]> {
  return guarded(async () => {
    const rows = await readAllPages((cursor) => {
      let builder = kvs
        .entity<LinkRecord>(ENTITY.link)
        .query()
        .index(indexName, { partition: [partitionValue] })
        .limit(KVS_LIMITS.pageSize);
      // A range condition, not a filter: filters apply after the page is cut.
      if (rangePrefix !== undefined) builder = builder.where(WhereConditions.beginsWith(rangePrefix));
      if (cursor) builder = builder.cursor(cursor);
      return builder.getMany();
    });
    return rows.map((row) => row.value);
  });
}

/**
 * Every link on an issue and on its descendants at any depth: the evidence an issue
 * scores under roll-up. `ancestorPaths` are where the issue sits (domain/ancestry); more
 * than one while it moves, so links not yet rewritten are found too. Without one, the
 * issue's stored impact says where it sits (one more round trip), and an issue never
 * placed is read as a top-level one. All queries of a wave run in parallel. Links stored
 * before paths existed are found by their parent and grandparent.
 */
export async function linksUnder(
  issueId: string,
  ancestorPaths?: AncestorPath | readonly AncestorPath[]
): Promise<LinkRecord[]> {
  const paths =
    ancestorPaths === undefined
      ? [(await getImpact(issueId))?.ancestorPath ?? TOP_LEVEL]
      : typeof ancestorPaths === 'string'
        ? [ancestorPaths]
        : ancestorPaths;
  const subtrees = [...new Set(paths)].map((path) => subtreeOf(path, issueId));
  const lists = await Promise.all([
    linksBy(INDEX.linkByIssue, issueId),
    linksBy(INDEX.linkByParent, issueId),
    linksBy(INDEX.linkByGrandparent, issueId),
    ...subtrees.map(({ rootId, prefix }) => linksBy(INDEX.linkByRootPath, rootId, prefix))
  ]);
  const byKey = new Map<string, LinkRecord>();
  for (const link of lists.flat()) byKey.set(linkKey(link.issueId, link.insightId), link);
  return [...byKey.values()];
}

/**
 * The links under an issue whose stored place may be out of date (it just moved or was
 * deleted in Jira), with its stored impact: reads at `likely` beside the impact, in one
 * wave, and again where the impact says the issue was, only when that is elsewhere.
 */
export async function linksAndImpactUnder(
  issueId: string,
  likely: AncestorPath
): Promise<{ links: LinkRecord[]; impact: ImpactRecord | undefined }> {
  const [links, impact] = await Promise.all([linksUnder(issueId, likely), getImpact(issueId)]);
  const stored = impact?.ancestorPath;
  if (stored === undefined || stored === likely) return { links, impact };
  const more = await linksUnder(issueId, stored);
  const byKey = new Map([...links, ...more].map((link) => [linkKey(link.issueId, link.insightId), link]));
  return { links: [...byKey.values()], impact };
}

export function linksOfIssue(issueId: string): Promise<LinkRecord[]> {
  return linksBy(INDEX.linkByIssue, issueId);
}

export function linksOfInsight(insightId: string): Promise<LinkRecord[]> {
  return linksBy(INDEX.linkByInsight, insightId);
}

/** One page of an issue's own links, newest first, for the panel's "more evidence". */
export async function pageOfIssueLinks(
  issueId: string,
  cursor: string | undefined,
  limit: number
): Promise<{ links: LinkRecord[]; cursor?: string }> {
  let builder = kvs
    .entity<LinkRecord>(ENTITY.link)
    .query()
    .index(INDEX.linkByIssue, { partition: [issueId] })
    .limit(limit);
  if (cursor) builder = builder.cursor(cursor);
  const page = await guarded(() => builder.getMany());
  const links = page.results.map((row) => row.value);
  return page.nextCursor ? { links, cursor: page.nextCursor } : { links };
}

export async function getLinks(
  issueId: string,
  insightIds: readonly string[]
): Promise<Map<string, LinkRecord>> {
  const rows = await batchGetEntities<LinkRecord>(
    ENTITY.link,
    insightIds.map((insightId) => linkKey(issueId, insightId))
  );
  const byInsight = new Map<string, LinkRecord>();
  for (const link of rows.values()) byInsight.set(link.insightId, link);
  return byInsight;
}

/** Links by issue and insight, in one storage round trip; keyed by issue id (one insight per call site). */
export async function getLinkRows(
  keys: readonly { issueId: string; insightId: string }[]
): Promise<Map<string, LinkRecord>> {
  const rows = await batchGetEntities<LinkRecord>(
    ENTITY.link,
    keys.map((k) => linkKey(k.issueId, k.insightId))
  );
  const byIssue = new Map<string, LinkRecord>();
  for (const link of rows.values()) byIssue.set(link.issueId, link);
  return byIssue;
}

/** Links by issue and insight, in one storage round trip; keyed by `linkKey`. */
export function getLinkPairs(
  keys: readonly { issueId: string; insightId: string }[]
): Promise<Map<string, LinkRecord>> {
  return batchGetEntities<LinkRecord>(
    ENTITY.link,
    keys.map((k) => linkKey(k.issueId, k.insightId))
  );
}
