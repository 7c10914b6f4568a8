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
 * returned only when at least one more matching row exists, so the last page has none.
 * Filters are applied while walking the index and the page limit counts matching rows
 * (the docs do not say whether the platform counts before or after filtering).
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
  now: number
): QueryPage {
  const limit = pageLimit(request.limit);
  const prefix = keyPrefix(request.where);
  const scope = queryScope(['kv', prefix]);
  const after = request.after === undefined ? undefined : decodeCursor(scope, request.after).key;
  const to = prefix === '' ? undefined : prefixUpperBound(prefix);
  const rows = store.scanKv('kv', { from: prefix === '' ? undefined : prefix, to, after }, limit + 1, now);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const fields = request.options?.metadataFields ?? [];
  return {
    data: page.map((row) => recordBody(row, fields)),
    ...(rows.length > limit && last ? { cursor: encodeCursor(scope, { sort: 0, key: last.key }) } : {})
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
  now: number
): QueryPage {
  const limit = pageLimit(request.limit);
  const index = resolveIndex(definition, request.indexName);
  const partition = partitionFor(index, request.partition);
  const range = rangeClause(index, request.range);
  const filter = compileFilters(request.filters, definition);
  const descending = request.sort === 'DESC';
  const scope = queryScope(['entity', definition.name, index.name, partition, descending]);
  const after = request.cursor === undefined ? undefined : decodeCursor(scope, request.cursor);
  const fields: readonly MetadataFieldName[] =
    request.options?.metadataFields ?? request.metadataFields ?? [];

  const page: IndexedRecord[] = [];
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
    if (filter && !matchesFilter(filter, JSON.parse(row.json) as EntityValue)) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(row);
  }
  const last = page[page.length - 1];
  return {
    data: page.map((row) => recordBody(row, fields)),
    ...(more && last ? { cursor: encodeCursor(scope, { sort: last.sort, key: last.key }) } : {})
  };
}
