import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Custom entity definitions read from `manifest.yml` (`app.storage.entities`), the same
 * declaration Forge deploys, so the local store enforces the schema the app ships with.
 */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface IndexDefinition {
  name: string;
  /** Attributes matched exactly; empty when the index has no partition. */
  partition: string[];
  /** The one attribute queries order by and put range conditions on; absent orders by key. */
  range?: string;
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, AttributeType>;
  indexes: IndexDefinition[];
}

const attributeSchema = z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) });
// The docs write `range` as a one-item list; the manifest here writes a bare name. Both are accepted.
const rangeSchema = z.union([z.string(), z.array(z.string()).length(1)]);
const indexSchema = z.union([
  z.string(),
  z.object({ name: z.string(), partition: z.array(z.string()).optional(), range: rangeSchema.optional() })
]);
const entitySchema = z.object({
  name: z.string(),
  attributes: z.record(z.string(), attributeSchema),
  indexes: z.array(indexSchema).optional()
});
const manifestSchema = z.object({
  app: z.object({
    storage: z.object({ entities: z.array(entitySchema).optional() }).optional()
  })
});

export function loadEntityDefinitions(manifestPath: string): EntityDefinition[] {
  return parseEntityDefinitions(parse(readFileSync(manifestPath, 'utf8')));
}

/** Validates an already-parsed manifest document; throws on anything Forge would refuse to deploy. */
export function parseEntityDefinitions(document: unknown): EntityDefinition[] {
  const manifest = manifestSchema.parse(document);
  return (manifest.app.storage?.entities ?? []).map((entity) => {
    const attributes: Record<string, AttributeType> = {};
    for (const [name, spec] of Object.entries(entity.attributes)) attributes[name] = spec.type;
    const indexes = (entity.indexes ?? []).map((index) => normaliseIndex(index));
    for (const index of indexes) checkIndex(entity.name, index, attributes);
    return { name: entity.name, attributes, indexes };
  });
}

function normaliseIndex(index: z.infer<typeof indexSchema>): IndexDefinition {
  // A simple index `- foo` (custom-entities, "Custom indexes"): named after its attribute, ranges over it.
  if (typeof index === 'string') return { name: index, partition: [], range: index };
  const range = typeof index.range === 'string' ? index.range : index.range?.[0];
  return { name: index.name, partition: index.partition ?? [], ...(range === undefined ? {} : { range }) };
}

function checkIndex(entity: string, index: IndexDefinition, attributes: Record<string, AttributeType>): void {
  for (const attribute of [...index.partition, ...(index.range === undefined ? [] : [index.range])]) {
    const type = attributes[attribute];
    if (type === undefined)
      throw new Error(`Entity ${entity}: index ${index.name} uses undeclared attribute ${attribute}`);
    // custom-entities: range and partition "accept all data types (except for any)".
    if (type === 'any')
      throw new Error(`Entity ${entity}: index ${index.name} cannot use attribute ${attribute} of type any`);
  }
  if (index.name === 'by-key') throw new Error(`Entity ${entity}: index name by-key is reserved`);
}
