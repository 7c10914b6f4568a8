import type { EntityValue } from './entity-values';
import { kvsErrors } from './kvs-errors';
import type { EntityDefinition } from './manifest-entities';
import type { FilterItem, Filters } from './wire-format';

/**
 * Filter conditions (`Filter().and(...)` / `.or(...)`) as used by entity query filters and
 * transaction conditions. Comparisons only hold between values of the same JSON type; a
 * missing attribute satisfies only NOT_EXISTS (as in the DynamoDB-style condition model the
 * Custom Entity Store exposes; the docs do not spell this out).
 */
export interface CompiledFilter {
  operator: 'and' | 'or';
  items: FilterItem[];
}

// storage-api-query-complex: "each complex query can only have a maximum of 100 conditions".
const MAX_CONDITIONS = 100;

export function compileFilters(
  filters: Filters | undefined,
  definition: EntityDefinition
): CompiledFilter | undefined {
  if (!filters) return undefined;
  if (filters.and !== undefined && filters.or !== undefined) throw kvsErrors.filterOperatorsCombination();
  const operator = filters.and !== undefined ? 'and' : 'or';
  const items = filters.and ?? filters.or ?? [];
  if (items.length === 0) throw kvsErrors.emptyFilterOperator();
  if (items.length > MAX_CONDITIONS)
    throw kvsErrors.badRequest(`at most ${MAX_CONDITIONS} conditions are allowed`);
  for (const item of items) {
    // Docs are silent; refusing an undeclared attribute surfaces typos that would otherwise never match.
    if (definition.attributes[item.property] === undefined) {
      throw kvsErrors.badRequest(`attribute "${item.property}" is not declared on entity ${definition.name}`);
    }
    const needed = item.condition === 'BETWEEN' ? 2 : 1;
    if (item.values.length < needed) throw kvsErrors.insufficientFilterValues(item.condition);
  }
  return { operator, items };
}

/** Whether a stored value (undefined when the key is absent) satisfies the filter. */
export function matchesFilter(filter: CompiledFilter, value: EntityValue | undefined): boolean {
  const test = (item: FilterItem): boolean => holds(item, value?.[item.property]);
  return filter.operator === 'and' ? filter.items.every(test) : filter.items.some(test);
}

function holds(item: FilterItem, actual: unknown): boolean {
  if (actual === undefined) return item.condition === 'NOT_EXISTS';
  const [first, second] = item.values;
  switch (item.condition) {
    case 'EXISTS':
      return true;
    case 'NOT_EXISTS':
      return false;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return contains(actual, first) === true;
    case 'NOT_CONTAINS':
      return contains(actual, first) === false;
    case 'GREATER_THAN':
      return (compare(actual, first) ?? 0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (compare(actual, first) ?? -1) >= 0;
    case 'LESS_THAN':
      return (compare(actual, first) ?? 0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (compare(actual, first) ?? 1) <= 0;
    case 'BETWEEN':
      return (compare(actual, first) ?? -1) >= 0 && (compare(actual, second) ?? 1) <= 0;
  }
}

/** Substring for strings, membership for lists (an `any` attribute); undefined when it does not apply. */
function contains(actual: unknown, operand: unknown): boolean | undefined {
  if (typeof actual === 'string') return typeof operand === 'string' ? actual.includes(operand) : undefined;
  if (Array.isArray(actual)) return actual.some((element) => element === operand);
  return undefined;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}
