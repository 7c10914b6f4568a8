/**
 * Converts OpenAPI 3.0 schema objects to JSON Schema (draft-07) for ajv:
 * `nullable` becomes a `null` type, `#/components/schemas` references point into the
 * registered document, and `required` ignores properties that only travel the other
 * way (`readOnly` in requests, `writeOnly` in responses). `discriminator` is dropped:
 * it only names the property that `oneOf` already checks.
 *
 * One correction: `JsonNode` (entity property values) is documented as the getters of
 * Jackson's Java class, but Jira takes and returns any JSON there, so it accepts any.
 */
export type Direction = 'request' | 'response';
export type JsonSchema = { [key: string]: unknown };

export const DOCUMENT_ID = 'jira-openapi';
const COMPONENT_PREFIX = '#/components/schemas/';

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function skipsDirection(schema: unknown, direction: Direction): boolean {
  if (!isObject(schema)) return false;
  return direction === 'request' ? schema.readOnly === true : schema.writeOnly === true;
}

export function toJsonSchema(schema: unknown, direction: Direction): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, direction));
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'discriminator' || key === 'example' || key === 'xml') continue;
    if (key === '$ref' && value === `${COMPONENT_PREFIX}JsonNode`) {
      continue;
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_PREFIX)) {
      out.$ref = `${DOCUMENT_ID}${value}`;
    } else if (key === 'properties' && isObject(value)) {
      const properties: JsonSchema = {};
      for (const [name, property] of Object.entries(value))
        properties[name] = toJsonSchema(property, direction);
      out.properties = properties;
    } else {
      out[key] = toJsonSchema(value, direction);
    }
  }
  if (Array.isArray(schema.required) && isObject(schema.properties)) {
    const properties = schema.properties;
    out.required = (schema.required as unknown[]).filter(
      (name) => typeof name !== 'string' || !skipsDirection(properties[name], direction)
    );
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}
