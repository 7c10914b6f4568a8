import { compileFilters, matchesFilter } from './conditions';
import { decodeCursor, encodeCursor, queryScope } from './cursor';
import { partitionFor, prefixUpperBound, rangeClause, resolveIndex } from './entity-index';
import type { EntityValue } from './entity-values';
import { kvsErrors } from './kvs-errors';
import { KVS_LIMITS } from './kvs-limits';
import type { EntityDefinition } from './manifest-entities';
import { recordBody } from './records';
import type { IndexedRecord, SqliteStore } from './sqlite-store';
import type { EntityQueryRequest, MetadataFieldName, queryRequest } from './wire-format';
import type { z } from 'zod';

/**
 * `/api/v1/query` and `/api/v1/entity/query`. Both answer `{data, cursor?}`; a cursor is
 * returned only when at least one more row exists, so the last page has none.
 *
 * The page limit bounds the rows walked, and entity `filters` (and/or) are applied to those
 * rows afterwards, as the Custom Entity Store does (storage-api-query-complex, "Filters":
 * pages can come back short, or with no results and a cursor pointing to the next page).
 * `where` range conditions are part of the index walk. Cursors: see cursor.ts.
 */
export interface QueryPage {
  data: Record<string, unknown>[];
  cursor?: string;
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return KVS_LIMITS.pageDefault;
  if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.pageMax)
    throw kvsErrors.pageLimit(1, KVS_LIMITS.pageMax);
  return limit;
}

export function queryKeyValues(
  store: SqliteStore,
  request: z.infer<typeof queryRequest>,
  now: number,
  writes: number
): QueryPage {
  const limit = pageLimit(request.limit);
  const prefix = keyPrefix(request.where);
  const scope = queryScope(['kv', prefix]);
  const cursor = request.after === undefined ? undefined : decodeCursor(scope, request.after);
  const to = prefix === '' ? undefined : prefixUpperBound(prefix);
  const from = prefix === '' ? undefined : prefix;
  // After a write the next page starts at the cursor's row count, not after its row.
  const skip = cursor && cursor.writes !== writes ? cursor.walked : 0;
  const after = cursor && skip === 0 ? cursor.key : undefined;
  const rows = store.scanKv('kv', { from, to, after }, skip + limit + 1, now).slice(skip);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const walked = (cursor?.walked ?? 0) + page.length;
  const fields = request.options?.metadataFields ?? [];
  return {
    data: page.map((row) => recordBody(row, fields)),
    ...(rows.length > limit && last
      ? { cursor: encodeCursor(scope, { sort: 0, key: last.key, walked, writes }) }
      : {})
  };
}

/** The only documented KVS query condition: `where('key', beginsWith(prefix))`. */
function keyPrefix(where: z.infer<typeof queryRequest>['where']): string {
  if (where === undefined || where.length === 0) return '';
  const [clause] = where;
  if (where.length > 1 || clause === undefined)
    throw kvsErrors.badRequest('only one where condition is supported');
  const [prefix] = clause.values;
  if (clause.property !== 'key' || clause.condition !== 'BEGINS_WITH' || typeof prefix !== 'string') {
    throw kvsErrors.badRequest('the Key-Value Store only supports where("key", beginsWith(string))');
  }
  return prefix;
}

export function queryEntities(
  store: SqliteStore,
  definition: EntityDefinition,
  request: EntityQueryRequest,
  now: number,
  writes: number
): QueryPage {
  const limit = pageLimit(request.limit);
  const index = resolveIndex(definition, request.indexName);
  const partition = partitionFor(index, request.partition);
  const range = rangeClause(index, request.range);
  const filter = compileFilters(request.filters, definition);
  const descending = request.sort === 'DESC';
  const scope = queryScope(['entity', definition.name, index.name, partition, descending]);
  const cursor = request.cursor === undefined ? undefined : decodeCursor(scope, request.cursor);
  const fields: readonly MetadataFieldName[] =
    request.options?.metadataFields ?? request.metadataFields ?? [];
  // After a write the next page starts at the cursor's row count, not after its row.
  let skip = cursor && cursor.writes !== writes ? cursor.walked : 0;
  const after = cursor && skip === 0 ? { sort: cursor.sort, key: cursor.key } : undefined;

  const walked: IndexedRecord[] = [];
  let more = false;
  const rows = store.scanIndex({
    entity: definition.name,
    idx: index.name,
    partition,
    rangeSql: range.sql,
    rangeParams: range.params,
    after,
    descending,
    now
  });
  for (const row of rows) {
    if (skip > 0) {
      skip -= 1;
      continue;
    }
    if (walked.length === limit) {
      more = true;
      break;
    }
    walked.push(row);
  }
  const last = walked[walked.length - 1];
  const matching = filter
    ? walked.filter((row) => matchesFilter(filter, JSON.parse(row.json) as EntityValue))
    : walked;
  const position = { walked: (cursor?.walked ?? 0) + walked.length, writes };
  return {
    data: matching.map((row) => recordBody(row, fields)),
    ...(more && last ? { cursor: encodeCursor(scope, { sort: last.sort, key: last.key, ...position }) } : {})
  };
}
