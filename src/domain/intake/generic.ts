import { z } from 'zod';
import { SourceKindSchema } from '../vocabulary';
import { EXTERNAL_ID_MAX, type MappedItem } from './mapped-item';

/** A dotted path into an item: `id`, `ticket.org.name`, `labels.0`. */
const FieldPathSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+){0,7}$/, 'Use a dotted path such as ticket.org.name');

/**
 * Where a generic JSON source keeps each field of an insight. Values are taken as they
 * are: a severity must already be one of the app's (low, medium, high, critical), a date
 * ISO 8601; nothing is guessed, a value that does not fit refuses its item.
 */
export const GenericFieldPathsSchema = z.strictObject({
  externalId: FieldPathSchema,
  summary: FieldPathSchema,
  quote: FieldPathSchema.optional(),
  observedAt: FieldPathSchema.optional(),
  sourceUrl: FieldPathSchema.optional(),
  severity: FieldPathSchema.optional(),
  sentiment: FieldPathSchema.optional(),
  tags: FieldPathSchema.optional(),
  accountName: FieldPathSchema.optional(),
  accountKey: FieldPathSchema.optional(),
  sourceKind: SourceKindSchema.default('other')
});

export type GenericFieldPaths = z.output<typeof GenericFieldPathsSchema>;

/** The value at `path` in `value`, or undefined where the path leads nowhere. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const ExternalIdSchema = z.union([
  z.string().trim().min(1).max(EXTERNAL_ID_MAX),
  z.number().int().nonnegative().transform(String)
]);

/**
 * Reads an item through its source's paths. The external id must be present; every
 * other value is handed to the capture schema as found, so its messages name the field.
 */
export function mapGeneric(item: unknown, paths: GenericFieldPaths, receivedAt: Date): MappedItem {
  const externalId = ExternalIdSchema.parse(valueAt(item, paths.externalId));
  const insight: Record<string, unknown> = {
    summary: valueAt(item, paths.summary),
    sourceKind: paths.sourceKind,
    // A sender that dates nothing is taken to describe what it just saw.
    observedAt: paths.observedAt ? valueAt(item, paths.observedAt) : receivedAt.toISOString()
  };
  const optional = ['quote', 'sourceUrl', 'severity', 'sentiment', 'tags'] as const;
  for (const field of optional) {
    const path = paths[field];
    const found = path === undefined ? undefined : valueAt(item, path);
    if (found !== undefined && found !== null) insight[field] = found;
  }
  const name = paths.accountName ? valueAt(item, paths.accountName) : undefined;
  if (name !== undefined && name !== null) {
    const key = paths.accountKey ? valueAt(item, paths.accountKey) : undefined;
    // A numeric CRM id is a key like any other; anything else goes to the schema as is.
    insight.account = {
      name,
      ...(key !== undefined && key !== null ? { key: typeof key === 'number' ? String(key) : key } : {})
    };
  }
  return { externalId, insight, ...(paths.observedAt ? {} : { undated: true as const }) };
}
