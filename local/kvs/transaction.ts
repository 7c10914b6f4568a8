import { compileFilters, matchesFilter, type CompiledFilter } from './conditions';
import type { EntityCatalog } from './entity-catalog';
import type { EntityValue } from './entity-values';
import { checkKey } from './key-value-rules';
import { kvsErrors } from './kvs-errors';
import { KVS_LIMITS } from './kvs-limits';
import {
  applyWrite,
  deleteRecord,
  prepareWrite,
  readRecord,
  type PreparedWrite,
  type RecordTarget
} from './records';
import type { SqliteStore } from './sqlite-store';
import { identityKey, targetFor } from './targets';
import { parseBody, transactionRequest } from './wire-format';

/**
 * `/api/v1/transaction`: set / delete / check operations that all commit or none do
 * (transactions, transactions-entities). Everything that can be checked without reading is
 * checked first; then, inside one SQLite transaction, every condition is evaluated against the
 * stored state and only if all hold are the writes applied. A failed condition answers
 * CONDITIONAL_CHECK_FAILED and writes nothing.
 */
type Operation =
  | { kind: 'set'; target: RecordTarget; key: string; condition?: CompiledFilter; write: PreparedWrite }
  | { kind: 'delete' | 'check'; target: RecordTarget; key: string; condition?: CompiledFilter };

export function executeTransaction(
  store: SqliteStore,
  catalog: EntityCatalog,
  body: unknown,
  now: number
): void {
  const request = parseBody(transactionRequest, body);
  const items = [
    ...(request.set ?? []).map((item) => ({ ...item, kind: 'set' as const })),
    ...(request.delete ?? []).map((item) => ({ ...item, kind: 'delete' as const })),
    ...(request.check ?? []).map((item) => ({ ...item, kind: 'check' as const }))
  ];
  if (items.length === 0) throw kvsErrors.badRequest('a transaction needs at least one operation');
  if (items.length > KVS_LIMITS.transactionMaxOperations) {
    throw kvsErrors.tooManyTransactionOperations(items.length, KVS_LIMITS.transactionMaxOperations);
  }
  const seen = new Set<string>();
  const operations: Operation[] = items.map((item) => {
    // transactions: "Each key can only be used once in a transaction."
    const id = identityKey(item.key, item.entityName);
    if (seen.has(id)) throw kvsErrors.keyDuplication(item.key);
    seen.add(id);
    const target = targetFor(catalog, item.entityName);
    const key = checkKey(item.key);
    const condition = conditionFor(target, item.conditions);
    if (item.kind === 'check' && !condition)
      throw kvsErrors.badRequest('check needs an entityName and conditions');
    if (item.kind !== 'set') return { kind: item.kind, target, key, condition };
    // Transactions take only the ttl of SetOptions; key policies belong to kvs.set.
    const write = prepareWrite(
      target,
      key,
      item.value,
      item.options?.ttl ? { ttl: item.options.ttl } : undefined,
      now
    );
    return { kind: 'set', target, key, condition, write };
  });

  store.transaction(() => {
    const failed = operations.filter(
      (operation) => operation.condition && !conditionHolds(store, operation, now)
    );
    if (failed.length > 0) {
      throw kvsErrors.conditionalCheckFailed(
        failed.map((operation) => ({
          operation: operation.kind,
          key: operation.key,
          ...(operation.target.kind === 'entity' ? { entityName: operation.target.definition.name } : {})
        }))
      );
    }
    for (const operation of operations) {
      if (operation.kind === 'set') applyWrite(store, operation.write, now);
      else if (operation.kind === 'delete') deleteRecord(store, operation.target, operation.key);
    }
  });
}

function conditionFor(
  target: RecordTarget,
  conditions: Parameters<typeof compileFilters>[0]
): CompiledFilter | undefined {
  if (conditions === undefined) return undefined;
  if (target.kind !== 'entity') throw kvsErrors.badRequest('conditions need an entityName');
  return compileFilters(conditions, target.definition);
}

/** An absent entity has no attributes: only NOT_EXISTS conditions can hold for it. */
function conditionHolds(store: SqliteStore, operation: Operation, now: number): boolean {
  if (!operation.condition) return true;
  const record = readRecord(store, operation.target, operation.key, now);
  const value = record ? (JSON.parse(record.json) as EntityValue) : undefined;
  return matchesFilter(operation.condition, value);
}
