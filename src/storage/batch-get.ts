import { kvs } from '@forge/kvs';
import { KVS_LIMITS } from './entities';
import { guarded } from './kvs-failure';

/**
 * Reads many entity rows by key. Forge caps a batch at 25 items, so larger reads are
 * split into batches sent in parallel: one storage round trip whatever the count.
 * Missing keys are simply absent from the result.
 */
export async function batchGetEntities<T>(
  entityName: string,
  keys: readonly string[]
): Promise<Map<string, T>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, T>();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += KVS_LIMITS.batchItems) {
    chunks.push(unique.slice(i, i + KVS_LIMITS.batchItems));
  }
  const results = await Promise.all(
    chunks.map((chunk) => guarded(() => kvs.batchGet<T>(chunk.map((key) => ({ key, entityName })))))
  );
  for (const result of results) {
    for (const item of result.successfulKeys) found.set(item.key, item.value);
  }
  return found;
}
