import type { SortValue } from './cursor';
import type { EntityValue } from './entity-values';
import { kvsErrors } from './kvs-errors';
import { KVS_LIMITS } from './kvs-limits';
import type { AttributeType, EntityDefinition, IndexDefinition } from './manifest-entities';
import type { RangeCondition } from './wire-format';

/**
 * How entity indexes map onto SQLite. Each declared index (plus the implicit `by-key` index every
 * entity has, custom-entities "Key index") gets one row per entity in `entity_index`:
 * `(entity, idx, partition, sort, key)` where `partition` is the JSON array of the partition
 * values and `sort` is the typed range value (REAL for numbers, TEXT for strings, 0/1 for
 * booleans, the key for `by-key`, and 0 for an index without range so it orders by key).
 * That table's primary key is the query order, so a partition scan with a range condition and
 * a cursor is one index range scan, whatever the partition's size.
 * An entity lacking any attribute an index uses has no row in that index (a sparse index, as
 * in the DynamoDB-style model; the docs do not say).
 */
export const BY_KEY = 'by-key';

export interface IndexEntry {
  idx: string;
  partition: string;
  sort: SortValue;
}

export interface ResolvedIndex {
  name: string;
  partition: string[];
  range?: string;
  /** The range attribute's type; `key` for the implicit key index. */
  rangeType?: AttributeType | 'key';
}

export function resolveIndex(definition: EntityDefinition, name: string): ResolvedIndex {
  if (name === BY_KEY) return { name, partition: [], rangeType: 'key' };
  const index = definition.indexes.find((candidate) => candidate.name === name);
  if (!index) throw kvsErrors.invalidEntityIndex(definition.name, name);
  return withRangeType(definition, index);
}

function withRangeType(definition: EntityDefinition, index: IndexDefinition): ResolvedIndex {
  return index.range === undefined
    ? { ...index }
    : { ...index, rangeType: definition.attributes[index.range] };
}

/** The index rows for one stored entity value. */
export function indexEntries(definition: EntityDefinition, key: string, value: EntityValue): IndexEntry[] {
  const entries: IndexEntry[] = [{ idx: BY_KEY, partition: '[]', sort: key }];
  for (const index of definition.indexes) {
    const attributes = [...index.partition, ...(index.range === undefined ? [] : [index.range])];
    if (attributes.some((attribute) => value[attribute] === undefined)) continue;
    const partitionValues = index.partition.map((attribute) => value[attribute]);
    const partitionBytes = partitionValues.reduce<number>((sum, v) => sum + byteSize(v), 0);
    if (partitionBytes > KVS_LIMITS.partitionValueMaxBytes) {
      throw kvsErrors.invalidEntityValue(
        `partition values of index ${index.name} exceed ${KVS_LIMITS.partitionValueMaxBytes} bytes`
      );
    }
    const rangeValue = index.range === undefined ? undefined : value[index.range];
    if (rangeValue !== undefined && byteSize(rangeValue) > KVS_LIMITS.rangeValueMaxBytes) {
      throw kvsErrors.invalidEntityValue(
        `range value of index ${index.name} exceeds ${KVS_LIMITS.rangeValueMaxBytes} bytes`
      );
    }
    entries.push({
      idx: index.name,
      partition: JSON.stringify(partitionValues),
      sort: rangeValue === undefined ? 0 : toSortValue(rangeValue)
    });
  }
  return entries;
}

/** The partition column value a query must match; its arity must be the index's. */
export function partitionFor(index: ResolvedIndex, partition: unknown[] | undefined): string {
  const values = partition ?? [];
  if (values.length !== index.partition.length) {
    throw kvsErrors.badRequest(
      `index ${index.name} needs ${index.partition.length} partition value(s), got ${values.length}`
    );
  }
  return JSON.stringify(values);
}

/** SQL over the `sort` column for a `where(...)` range condition. */
export function rangeClause(
  index: ResolvedIndex,
  range: RangeCondition | undefined
): { sql: string; params: SortValue[] } {
  if (!range) return { sql: '', params: [] };
  if (index.rangeType === undefined) throw kvsErrors.badRequest(`index ${index.name} has no range attribute`);
  const needed = range.condition === 'BETWEEN' ? 2 : 1;
  if (range.values.length < needed) throw kvsErrors.insufficientFilterValues(range.condition);
  const values = range.values.slice(0, needed).map((value) => rangeOperand(index, value));
  const [first, second] = values;
  if (first === undefined) throw kvsErrors.insufficientFilterValues(range.condition);
  switch (range.condition) {
    case 'EQUAL_TO':
      return { sql: ' AND i.sort = ?', params: [first] };
    case 'GREATER_THAN':
      return { sql: ' AND i.sort > ?', params: [first] };
    case 'GREATER_THAN_EQUAL_TO':
      return { sql: ' AND i.sort >= ?', params: [first] };
    case 'LESS_THAN':
      return { sql: ' AND i.sort < ?', params: [first] };
    case 'LESS_THAN_EQUAL_TO':
      return { sql: ' AND i.sort <= ?', params: [first] };
    case 'BETWEEN':
      return { sql: ' AND i.sort >= ? AND i.sort <= ?', params: [first, second ?? first] };
    case 'BEGINS_WITH':
      return beginsWith(index, first);
  }
}

function beginsWith(index: ResolvedIndex, prefix: SortValue): { sql: string; params: SortValue[] } {
  if (typeof prefix !== 'string')
    throw kvsErrors.badRequest(`beginsWith needs a string range attribute on index ${index.name}`);
  if (prefix === '') return { sql: '', params: [] };
  const upper = prefixUpperBound(prefix);
  // Bounded on both sides so SQLite scans only the prefix's slice of the index.
  return upper === undefined
    ? { sql: ' AND i.sort >= ?', params: [prefix] }
    : { sql: ' AND i.sort >= ? AND i.sort < ?', params: [prefix, upper] };
}

/**
 * The smallest string greater than every string starting with `prefix` in SQLite's BINARY
 * (UTF-8 byte = code point) order: the prefix with its last code point incremented.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop();
    const code = last?.codePointAt(0);
    if (code === undefined || code >= 0x10ffff) continue;
    const next = code + 1 === 0xd800 ? 0xe000 : code + 1;
    return codePoints.join('') + String.fromCodePoint(next);
  }
  return undefined;
}

function rangeOperand(index: ResolvedIndex, value: unknown): SortValue {
  const type = index.rangeType;
  const ok =
    type === 'key' || type === 'string'
      ? typeof value === 'string'
      : type === 'boolean'
        ? typeof value === 'boolean'
        : typeof value === 'number';
  if (!ok)
    throw kvsErrors.badRequest(`range values for index ${index.name} must be of type ${type ?? 'none'}`);
  return toSortValue(value);
}

/** Index values as SQLite stores them: better-sqlite3 binds no booleans, so they become 0/1. */
function toSortValue(value: unknown): SortValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw kvsErrors.invalidEntityValue('index attributes must be strings, numbers or booleans');
}

function byteSize(value: unknown): number {
  return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}
