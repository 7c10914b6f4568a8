import { checkEntityValue } from './entity-values';
import { indexEntries, type IndexEntry } from './entity-index';
import { checkKey, checkValue, expiryFor } from './key-value-rules';
import { kvsErrors } from './kvs-errors';
import type { EntityDefinition } from './manifest-entities';
import type { Namespace, SqliteStore, StoredRecord } from './sqlite-store';
import type { MetadataFieldName, SetOptions } from './wire-format';

/**
 * Reading and writing one record, shared by the single-key endpoints, batches and
 * transactions so the three apply exactly the same rules.
 */
export type RecordTarget = { kind: 'kv'; ns: Namespace } | { kind: 'entity'; definition: EntityDefinition };

export interface PreparedWrite {
  target: RecordTarget;
  key: string;
  json: string;
  expireAt: number | null;
  entries: IndexEntry[];
  options: SetOptions;
}

/** Validates everything about a write that does not depend on what is stored. */
export function prepareWrite(
  target: RecordTarget,
  key: unknown,
  value: unknown,
  options: SetOptions,
  now: number
): PreparedWrite {
  const checkedKey = checkKey(key);
  if (value === undefined) throw kvsErrors.badRequest('value is required');
  const json = checkValue(value);
  // kvs-api set: "If returnValue is provided, keyPolicy must be 'OVERRIDE'" (or left out).
  if (options?.returnValue !== undefined && options.keyPolicy === 'FAIL_IF_EXISTS') {
    throw kvsErrors.badRequest('returnValue requires keyPolicy OVERRIDE');
  }
  if (options?.returnMetadataFields !== undefined && options.returnValue === undefined) {
    throw kvsErrors.badRequest('returnMetadataFields requires returnValue');
  }
  const expireAt = expiryFor(options?.ttl, now);
  const entries =
    target.kind === 'entity'
      ? indexEntries(target.definition, checkedKey, checkEntityValue(target.definition, value))
      : [];
  return { target, key: checkedKey, json, expireAt, entries, options };
}

export function readRecord(
  store: SqliteStore,
  target: RecordTarget,
  key: string,
  now: number
): StoredRecord | undefined {
  return target.kind === 'kv'
    ? store.getKv(target.ns, key, now)
    : store.getEntity(target.definition.name, key, now);
}

/** Applies a prepared write; an expired record counts as absent, so it gets a fresh createdAt. */
export function applyWrite(
  store: SqliteStore,
  write: PreparedWrite,
  now: number
): { previous?: StoredRecord; latest: StoredRecord } {
  const previous = readRecord(store, write.target, write.key, now);
  if (previous && write.options?.keyPolicy === 'FAIL_IF_EXISTS') throw kvsErrors.keyConflict();
  const latest: StoredRecord = {
    key: write.key,
    json: write.json,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    expireAt: write.expireAt
  };
  if (write.target.kind === 'kv') store.putKv(write.target.ns, latest);
  else store.putEntity(write.target.definition.name, latest, write.entries);
  return previous ? { previous, latest } : { latest };
}

export function deleteRecord(store: SqliteStore, target: RecordTarget, key: string): void {
  if (target.kind === 'kv') store.deleteKv(target.ns, key);
  else store.deleteEntity(target.definition.name, key);
}

export const ALL_METADATA: readonly MetadataFieldName[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

/** A record as the API returns it: key, value and the requested metadata (`expireTime` only if set). */
export function recordBody(
  record: StoredRecord,
  fields: readonly MetadataFieldName[]
): Record<string, unknown> {
  return {
    key: record.key,
    value: JSON.parse(record.json) as unknown,
    ...(fields.includes('CREATED_AT') ? { createdAt: record.createdAt } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: record.updatedAt } : {}),
    ...(fields.includes('EXPIRE_TIME') && record.expireAt !== null
      ? { expireTime: new Date(record.expireAt).toISOString() }
      : {})
  };
}

/** The set response: only when `returnValue` asks for one, else no body (the SDK then resolves undefined). */
export function setResponseBody(
  result: { previous?: StoredRecord; latest: StoredRecord },
  options: SetOptions
): Record<string, unknown> | undefined {
  if (options?.returnValue === undefined) return undefined;
  const record = options.returnValue === 'LATEST' ? result.latest : result.previous;
  return record ? recordBody(record, options.returnMetadataFields ?? []) : undefined;
}
