import { kvs } from '@forge/kvs';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, KVS_LIMITS, linkKey } from './entities';
import { guarded } from './kvs-failure';
import { readAllPages } from './read-all-pages';
import type { LinkRecord } from './records';

function linksBy(indexName: string, partitionValue: string): Promise<LinkRecord[]> {
  return guarded(async () => {
    const rows = await readAllPages((cursor) => {
      let builder = kvs
        .entity<LinkRecord>(ENTITY.link)
        .query()
        .index(indexName, { partition: [partitionValue] })
        .limit(KVS_LIMITS.pageSize);
      if (cursor) builder = builder.cursor(cursor);
      return builder.getMany();
    });
    return rows.map((row) => row.value);
  });
}

/**
 * Every link on an issue and on its descendants (children and grandchildren): the
 * evidence an issue scores under roll-up. The three index reads run in parallel.
 */
export async function linksUnder(issueId: string): Promise<LinkRecord[]> {
  const [own, children, grandchildren] = await Promise.all([
    linksBy(INDEX.linkByIssue, issueId),
    linksBy(INDEX.linkByParent, issueId),
    linksBy(INDEX.linkByGrandparent, issueId)
  ]);
  return [...own, ...children, ...grandchildren];
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
