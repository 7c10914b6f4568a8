import { kvs, type BatchGetItemResult, type BatchItemError } from '@forge/kvs';
import { BusyError, UpstreamError } from '../domain/errors';
import { KVS_LIMITS } from './entities';
import { guarded, isThrottleCode } from './kvs-failure';

/** One key to read: a plain KVS key, or an entity row when `entityName` is given. */
export interface BatchKey {
  key: string;
  entityName?: string;
}

/** Reads of a key that failed transiently, all told, before the read fails as a whole. */
const ATTEMPTS = 3;
const NOT_FOUND = 'KEY_NOT_FOUND';

/**
 * Reads many keys. Forge caps a batch at 25 items, so larger reads are split into
 * batches sent in parallel: one storage round trip whatever the count, unless a key fails.
 *
 * A batch runs its items in parallel and reports each failure on its own (entities-batch,
 * "Error handling"): only KEY_NOT_FOUND means the row is absent. A key that failed for any
 * other reason is read again (up to three reads) and, if it still fails, the whole read
 * fails — never "missing", which would publish a 0 or commit an impact without its insight.
 * A throttled key is not retried at once: the quota needs time, so the caller is told BUSY.
 */
export async function batchGetItems<T>(items: readonly BatchKey[]): Promise<BatchGetItemResult<T>[]> {
  const unique = new Map<string, BatchKey>();
  for (const item of items) unique.set(JSON.stringify([item.entityName ?? null, item.key]), item);
  const all = [...unique.values()];
  const chunks: BatchKey[][] = [];
  for (let i = 0; i < all.length; i += KVS_LIMITS.batchItems)
    chunks.push(all.slice(i, i + KVS_LIMITS.batchItems));
  const results = await Promise.all(chunks.map((chunk) => readChunk<T>(chunk)));
  return results.flat();
}

/** Entity rows by key; absent rows are simply not in the map. */
export async function batchGetEntities<T>(
  entityName: string,
  keys: readonly string[]
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (const item of await batchGetItems<T>(keys.map((key) => ({ key, entityName })))) {
    found.set(item.key, item.value);
  }
  return found;
}

async function readChunk<T>(chunk: readonly BatchKey[]): Promise<BatchGetItemResult<T>[]> {
  const found: BatchGetItemResult<T>[] = [];
  let pending: readonly BatchKey[] = chunk;
  for (let attempt = 1; ; attempt += 1) {
    const result = await guarded(() => kvs.batchGet<T>(pending.map(asRequestItem)));
    found.push(...result.successfulKeys);
    const failed = result.failedKeys.filter((item) => item.error.code !== NOT_FOUND);
    if (failed.length === 0) return found;
    if (failed.some((item) => isThrottleCode(item.error.code))) throw new BusyError();
    if (attempt >= ATTEMPTS) throw unreadable(failed);
    pending = failed.map((item) => asRequestItem(item));
  }
}

function asRequestItem(item: BatchKey | BatchItemError): BatchKey {
  return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
}

function unreadable(failed: readonly BatchItemError[]): UpstreamError {
  const codes = [...new Set(failed.map((item) => item.error.code))].join(', ');
  return new UpstreamError(`Forge storage could not read ${failed.length} key(s) (${codes}).`);
}
