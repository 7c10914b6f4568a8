import type { EntityCatalog } from './entity-catalog';
import { checkKey } from './key-value-rules';
import { KvsError, kvsErrors } from './kvs-errors';
import { KVS_LIMITS } from './kvs-limits';
import { applyWrite, deleteRecord, prepareWrite, readRecord, recordBody } from './records';
import type { SqliteStore } from './sqlite-store';
import { identityKey, itemIdentity, targetFor } from './targets';
import { batchDeleteRequest, batchGetRequest, batchSetRequest, parseBody } from './wire-format';

/**
 * `/api/v1/batch/{set,get,delete}`: the body is the item array itself. The whole request is
 * refused when it is empty, over 25 items, or names an item twice (entities-batch, "Error
 * handling"); otherwise each item succeeds or fails on its own and is reported under
 * `successfulKeys` / `failedKeys` with `{code, message}`.
 */
type Identity = ReturnType<typeof itemIdentity>;

export interface BatchResult {
  successfulKeys: Record<string, unknown>[];
  failedKeys: (Identity & { error: { code: string; message: string } })[];
}

export function batchSet(
  store: SqliteStore,
  catalog: EntityCatalog,
  body: unknown,
  now: number
): BatchResult {
  const items = parseBody(batchSetRequest, body);
  checkBatch('set', items);
  return store.transaction(() =>
    eachItem(items, (item) => {
      const write = prepareWrite(
        targetFor(catalog, item.entityName),
        item.key,
        item.value,
        item.options,
        now
      );
      applyWrite(store, write, now);
      return itemIdentity(item.key, item.entityName);
    })
  );
}

export function batchGet(
  store: SqliteStore,
  catalog: EntityCatalog,
  body: unknown,
  now: number
): BatchResult {
  const items = parseBody(batchGetRequest, body);
  checkBatch('get', items);
  return eachItem(items, (item) => {
    const record = readRecord(store, targetFor(catalog, item.entityName), checkKey(item.key), now);
    if (!record) throw kvsErrors.keyNotFound();
    return {
      ...itemIdentity(item.key, item.entityName),
      ...recordBody(record, item.options?.metadataFields ?? [])
    };
  });
}

/**
 * Unlike `kvs.delete`, a batch delete of a missing key is reported as a failed key with
 * KEY_NOT_FOUND: that is the response shape the SDK's own batchDelete tests use.
 */
export function batchDelete(
  store: SqliteStore,
  catalog: EntityCatalog,
  body: unknown,
  now: number
): BatchResult {
  const items = parseBody(batchDeleteRequest, body);
  checkBatch('delete', items);
  return store.transaction(() =>
    eachItem(items, (item) => {
      const target = targetFor(catalog, item.entityName);
      const key = checkKey(item.key);
      if (!readRecord(store, target, key, now)) throw kvsErrors.keyNotFound();
      deleteRecord(store, target, key);
      return itemIdentity(item.key, item.entityName);
    })
  );
}

/** Refuses a whole batch: empty, over 25 items, or an item named twice (entities-batch, "Error handling"). */
export function checkBatch(verb: string, items: { key: unknown; entityName?: string }[]): void {
  if (items.length === 0) throw kvsErrors.badRequest('a batch needs at least one item');
  if (items.length > KVS_LIMITS.batchMaxItems)
    throw kvsErrors.tooManyBatchItems(verb, items.length, KVS_LIMITS.batchMaxItems);
  const seen = new Set<string>();
  for (const item of items) {
    const id = identityKey(item.key, item.entityName);
    if (seen.has(id)) throw kvsErrors.keyDuplication(String(item.key));
    seen.add(id);
  }
}

function eachItem<T extends { key: unknown; entityName?: string }>(
  items: T[],
  run: (item: T) => Record<string, unknown>
): BatchResult {
  const result: BatchResult = { successfulKeys: [], failedKeys: [] };
  for (const item of items) {
    try {
      result.successfulKeys.push(run(item));
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      result.failedKeys.push({
        ...itemIdentity(item.key, item.entityName),
        error: { code: error.code, message: error.message }
      });
    }
  }
  return result;
}
