import { kvs, Sort } from '@forge/kvs';
import type { Insight } from '../domain/insight';
import type { InsightStatus } from '../domain/vocabulary';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, KVS_LIMITS, entityKey } from './entities';
import { guarded } from './kvs-failure';
import { insightFromRecord, type InsightRecord } from './records';

export interface InsightQuery {
  projectId: string;
  status?: InsightStatus;
  cursor?: string;
  limit: number;
}

export interface InsightPage {
  items: Insight[];
  cursor?: string;
}

export async function getInsight(id: string): Promise<Insight | undefined> {
  const record = await guarded(() =>
    kvs.entity<InsightRecord>(ENTITY.insight).get(entityKey(id, 'insight id'))
  );
  return record ? insightFromRecord(id, record) : undefined;
}

export async function getInsights(ids: readonly string[]): Promise<Map<string, Insight>> {
  const records = await batchGetEntities<InsightRecord>(
    ENTITY.insight,
    ids.map((id) => entityKey(id, 'insight id'))
  );
  const insights = new Map<string, Insight>();
  for (const [id, record] of records) insights.set(id, insightFromRecord(id, record));
  return insights;
}

/**
 * A project's insights, newest first; with a status, from the index partitioned by
 * status (the triage inbox is `status = new`). Text search reads the term index
 * instead (search-index.ts): Forge applies entity filters after the page limit.
 */
export async function queryInsights(query: InsightQuery): Promise<InsightPage> {
  let builder = query.status
    ? kvs
        .entity<InsightRecord>(ENTITY.insight)
        .query()
        .index(INDEX.insightByProjectStatus, { partition: [query.projectId, query.status] })
    : kvs
        .entity<InsightRecord>(ENTITY.insight)
        .query()
        .index(INDEX.insightByProjectCreated, { partition: [query.projectId] });
  builder = builder.sort(Sort.DESC).limit(query.limit);
  if (query.cursor) builder = builder.cursor(query.cursor);
  const page = await guarded(() => builder.getMany());
  const items = page.results.map((row) => insightFromRecord(row.key, row.value));
  return page.nextCursor ? { items, cursor: page.nextCursor } : { items };
}

/** Insights of one account, newest observation first, at most `limit` (used when its ARR changes). */
export async function insightIdsOfAccount(accountKey: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    let builder = kvs
      .entity<InsightRecord>(ENTITY.insight)
      .query()
      .index(INDEX.insightByAccount, { partition: [accountKey] })
      .sort(Sort.DESC)
      .limit(Math.min(KVS_LIMITS.pageSize, limit - ids.length));
    if (cursor) builder = builder.cursor(cursor);
    const page = await guarded(() => builder.getMany());
    ids.push(...page.results.map((row) => row.key));
    cursor = page.nextCursor;
  } while (cursor && ids.length < limit);
  return ids;
}
