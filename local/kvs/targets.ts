import type { EntityCatalog } from './entity-catalog';
import type { RecordTarget } from './records';

/** Batch and transaction items name an entity, or none for a plain KVS key. */
export function targetFor(catalog: EntityCatalog, entityName: string | undefined): RecordTarget {
  return entityName === undefined
    ? { kind: 'kv', ns: 'kv' }
    : { kind: 'entity', definition: catalog.resolve(entityName) };
}

/** The identity the API reports an item under: its key, and its entity when it has one. */
export function itemIdentity(
  key: unknown,
  entityName: string | undefined
): { key: string; entityName?: string } {
  return {
    key: typeof key === 'string' ? key : String(key),
    ...(entityName === undefined ? {} : { entityName })
  };
}

/** One string per (entity, key), to find an item a request names twice. */
export function identityKey(key: unknown, entityName: string | undefined): string {
  return JSON.stringify([entityName ?? null, key]);
}
