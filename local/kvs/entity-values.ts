import { kvsErrors } from './kvs-errors';
import { KVS_LIMITS } from './kvs-limits';
import type { AttributeType, EntityDefinition } from './manifest-entities';

/**
 * Enforces the declared attribute types (custom-entities, "Values"): the Custom Entity Store
 * "strictly enforces attribute types", and an attribute the manifest does not declare is refused.
 */
export type EntityValue = Record<string, unknown>;

export function checkEntityValue(definition: EntityDefinition, value: unknown): EntityValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw kvsErrors.invalidEntityValue(`a ${definition.name} value must be an object`);
  }
  const record = value as EntityValue;
  for (const [attribute, attributeValue] of Object.entries(record)) {
    const type = definition.attributes[attribute];
    if (type === undefined) {
      throw kvsErrors.invalidEntityValue(
        `attribute "${attribute}" is not declared on entity ${definition.name}`
      );
    }
    const problem = typeProblem(type, attributeValue);
    if (problem)
      throw kvsErrors.invalidEntityValue(`attribute "${attribute}" is declared as ${type}: ${problem}`);
  }
  return record;
}

function typeProblem(type: AttributeType, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return 'not a string';
      return value.trim() === '' ? 'must contain at least one non-whitespace character' : undefined;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'not an integer';
      return value < KVS_LIMITS.int32Min || value > KVS_LIMITS.int32Max
        ? 'outside the 32-bit signed range'
        : undefined;
    case 'float':
      return typeof value === 'number' ? floatProblem(value) : 'not a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'not a boolean';
    case 'any':
      // `any` holds a string, integer, float, boolean, object or array; JSON null is none of those.
      return value === null ? 'null is not a supported value' : undefined;
  }
}

function floatProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'not a finite number';
  if (value === 0) return undefined;
  const magnitude = Math.abs(value);
  if (magnitude < KVS_LIMITS.floatMinMagnitude || magnitude >= KVS_LIMITS.floatMaxMagnitudeExclusive) {
    return 'must be 0 or have a magnitude between 1E-130 and 9.99…E+125';
  }
  return undefined;
}
