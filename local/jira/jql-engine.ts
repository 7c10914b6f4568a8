import {
  JqlError,
  type JqlClause,
  type JqlExpression,
  type JqlOperand,
  type JqlOperator,
  type JqlQuery
} from './jql-parser';

/**
 * Evaluates parsed JQL against records of any shape through a registry of fields.
 * Fields are looked up by (case-insensitive) name at compile time, so a site can add
 * custom fields or entity-property aliases (`customerImpact > 10`,
 * `ORDER BY customerImpact DESC`) by registering them, without touching the grammar.
 */
export type JqlValue = string | number;

/** A single operand term: a literal or a function call (`currentUser()`). */
export type JqlTerm = Extract<JqlOperand, { kind: 'value' } | { kind: 'function' }>;

export interface JqlContext {
  /** The searching user, for `currentUser()`; undefined for the app. */
  accountId?: string;
}

export interface JqlField<R> {
  /** The field's name as Jira shows it in messages. */
  name: string;
  operators: readonly JqlOperator[];
  /** The record's values for this field; an empty list means EMPTY. */
  values: (record: R) => readonly JqlValue[];
  /** The values an operand term stands for; throws JqlError if it names nothing. */
  resolve: (term: JqlTerm, context: JqlContext) => JqlValue[];
  /** Sort key for ORDER BY; absent means the field cannot be sorted by. */
  sortKey?: (record: R) => JqlValue | undefined;
}

export interface CompiledJql<R> {
  /** Whether the query restricts the search (Jira refuses unbounded searches). */
  bounded: boolean;
  matches(record: R): boolean;
  /** Orders by the ORDER BY items, then by `fallback` for a stable order. */
  compare(a: R, b: R): number;
}

type Predicate<R> = (record: R) => boolean;

const EQUALITY: readonly JqlOperator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
export const EQUALITY_OPERATORS = EQUALITY;
export const ORDERED_OPERATORS: readonly JqlOperator[] = [...EQUALITY, '>', '>=', '<', '<='];
export const TEXT_OPERATORS: readonly JqlOperator[] = ['~', '!~', 'is', 'is not'];

function normalise(value: JqlValue): JqlValue {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function compareValues(a: JqlValue, b: JqlValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

/** Loose text matching: every word of the query must start some word of the text. */
function textMatches(haystack: string, query: string): boolean {
  const words = haystack
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const terms = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}*?]+/u)
    .filter(Boolean);
  if (terms.length === 0) return false;
  return terms.every((term) => {
    const stem = term.replace(/[*?]+$/u, '');
    return stem.length > 0 && words.some((word) => word.startsWith(stem));
  });
}

export class JqlEngine<R> {
  private readonly fields = new Map<string, JqlField<R>>();

  constructor(private readonly fallback: (a: R, b: R) => number) {}

  /** Registers a field under one or more names (`issuekey`, `key`, `id`…). */
  register(names: readonly string[], field: JqlField<R>): this {
    for (const name of names) this.fields.set(name.toLowerCase(), field);
    return this;
  }

  compile(query: JqlQuery, context: JqlContext): CompiledJql<R> {
    const matches = query.where ? this.compileExpression(query.where, context) : () => true;
    const order = query.orderBy.map((item) => {
      const field = this.field(item.field);
      const sortKey = field.sortKey;
      if (!sortKey) throw new JqlError(`Field '${item.field}' does not support sorting.`);
      return { sortKey, sign: item.direction === 'desc' ? -1 : 1 };
    });
    // Sort keys are computed once per record, not once per comparison (dates parse).
    const keyCache = new Map<R, (JqlValue | undefined)[]>();
    const keysOf = (record: R): (JqlValue | undefined)[] => {
      let keys = keyCache.get(record);
      if (!keys) {
        keys = order.map(({ sortKey }) => sortKey(record));
        keyCache.set(record, keys);
      }
      return keys;
    };
    return {
      bounded: query.where !== undefined,
      matches,
      compare: (a, b) => {
        const x = keysOf(a);
        const y = keysOf(b);
        for (const [index, { sign }] of order.entries()) {
          const p = x[index];
          const q = y[index];
          // EMPTY sorts last in both directions, so unscored issues never lead a ranking.
          if (p === undefined || q === undefined) {
            if (p === q) continue;
            return p === undefined ? 1 : -1;
          }
          const c = compareValues(p, q);
          if (c !== 0) return c * sign;
        }
        return this.fallback(a, b);
      }
    };
  }

  private field(name: string): JqlField<R> {
    const field = this.fields.get(name.toLowerCase());
    if (!field)
      throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
    return field;
  }

  private compileExpression(expression: JqlExpression, context: JqlContext): Predicate<R> {
    switch (expression.kind) {
      case 'and': {
        const items = expression.items.map((item) => this.compileExpression(item, context));
        return (record) => items.every((item) => item(record));
      }
      case 'or': {
        const items = expression.items.map((item) => this.compileExpression(item, context));
        return (record) => items.some((item) => item(record));
      }
      case 'not': {
        const item = this.compileExpression(expression.item, context);
        return (record) => !item(record);
      }
      case 'clause':
        return this.compileClause(expression, context);
    }
  }

  private compileClause(clause: JqlClause, context: JqlContext): Predicate<R> {
    const field = this.field(clause.field);
    const { operator, operand } = clause;
    if (!field.operators.includes(operator)) {
      throw new JqlError(
        `The operator '${operator.toUpperCase()}' is not supported by the '${clause.field}' field.`
      );
    }
    const has = (record: R): boolean => field.values(record).length > 0;
    if (operator === 'is' || operator === 'is not') {
      if (operand.kind !== 'empty') {
        throw new JqlError(`The operator '${operator.toUpperCase()}' only supports 'EMPTY' or 'NULL'.`);
      }
      return operator === 'is' ? (record) => !has(record) : has;
    }
    if (operand.kind === 'empty') {
      if (operator === '=') return (record) => !has(record);
      if (operator === '!=') return has;
      throw new JqlError(`The operator '${operator}' does not support the use of EMPTY.`);
    }

    if (operator === '~' || operator === '!~') {
      if (operand.kind !== 'value')
        throw new JqlError(`The operator '${operator}' only supports text values.`);
      const text = (record: R): string => field.values(record).join(' ');
      return operator === '~'
        ? (record) => textMatches(text(record), operand.text)
        : (record) => has(record) && !textMatches(text(record), operand.text);
    }

    const terms = operand.kind === 'list' ? operand.items : [operand];
    const matchEmpty = terms.some((term) => term.kind === 'empty');
    const wanted: JqlValue[] = [];
    for (const term of terms) {
      if (term.kind === 'list') throw new JqlError(`Lists cannot be nested in JQL.`);
      if (term.kind !== 'empty') wanted.push(...field.resolve(term, context));
    }
    if (operand.kind === 'list' && (operator === '=' || operator === '!=')) {
      throw new JqlError(
        `The operator '${operator}' does not support the use of lists; use 'IN' or 'NOT IN'.`
      );
    }

    if (operator === '=' || operator === 'in') {
      const set = new Set(wanted.map(normalise));
      return (record) => {
        const values = field.values(record);
        return values.length === 0 ? matchEmpty : values.some((value) => set.has(normalise(value)));
      };
    }
    if (operator === '!=' || operator === 'not in') {
      const set = new Set(wanted.map(normalise));
      // As in Jira, a negated match never returns issues whose field is EMPTY.
      return (record) => {
        const values = field.values(record);
        return values.length > 0 && !matchEmpty && values.every((value) => !set.has(normalise(value)));
      };
    }
    const bound = wanted[0];
    if (bound === undefined || wanted.length !== 1) {
      throw new JqlError(
        `The operator '${operator}' needs exactly one value for the '${clause.field}' field.`
      );
    }
    const test = comparator(operator, bound);
    return (record) => field.values(record).some(test);
  }
}

function comparator(operator: JqlOperator, bound: JqlValue): (value: JqlValue) => boolean {
  switch (operator) {
    case '>':
      return (value) => compareValues(value, bound) > 0;
    case '>=':
      return (value) => compareValues(value, bound) >= 0;
    case '<':
      return (value) => compareValues(value, bound) < 0;
    default:
      return (value) => compareValues(value, bound) <= 0;
  }
}
