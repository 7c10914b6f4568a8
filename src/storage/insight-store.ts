import { FilterConditions, Filter, kvs, Sort } from '@forge/kvs';
import type { Insight } from '../domain/insight';
import type { InsightStatus } from '../domain/vocabulary';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, KVS_LIMITS, entityKey } from './entities';
import { guarded } from './kvs-failure';
import { insightFromRecord, type InsightRecord } from './records';

export interface InsightQuery {
  projectId: string;
  status?: InsightStatus;
  /** Lower-cased words that must all appear in summary, quote or tags. */
  text?: string;
  cursor?: string;
  limit: number;
}

export interface InsightPage {
  items: Insight[];
  cursor?: string;
}

/** Entity rows scanned at most for one filtered page, to bound a search's cost. */
const MAX_SCANNED_PAGES = 5;

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
 * status (the triage inbox is `status = new`). Text search filters within the index
 * and may scan a few pages to fill one.
 */
export async function queryInsights(query: InsightQuery): Promise<InsightPage> {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  const items: Insight[] = [];
  let cursor = query.cursor;
  for (let scanned = 0; scanned < MAX_SCANNED_PAGES; scanned += 1) {
    let builder = query.status
      ? kvs
          .entity<InsightRecord>(ENTITY.insight)
          .query()
          .index(INDEX.insightByProjectStatus, { partition: [query.projectId, query.status] })
      : kvs
          .entity<InsightRecord>(ENTITY.insight)
          .query()
          .index(INDEX.insightByProjectCreated, {
            partition: [query.projectId]
          });
    builder = builder.sort(Sort.DESC).limit(query.limit - items.length);
    if (words.length > 0) {
      const filter = new Filter<InsightRecord>();
      let and = filter.and('searchText', FilterConditions.contains(words[0] ?? ''));
      for (const word of words.slice(1)) and = and.and('searchText', FilterConditions.contains(word));
      builder = builder.filters(and);
    }
    if (cursor) builder = builder.cursor(cursor);
    const page = await guarded(() => builder.getMany());
    items.push(...page.results.map((row) => insightFromRecord(row.key, row.value)));
    cursor = page.nextCursor;
    if (!cursor || items.length >= query.limit || words.length === 0) break;
  }
  return cursor ? { items, cursor } : { items };
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
