import { z } from 'zod';
import { kvsErrors } from './kvs-errors';

/**
 * Request bodies exactly as `@forge/kvs@1.6.5` sends them (out/storage-api.js, out/kvs.js,
 * out/entity-query.js, out/query.js, out/utils/transaction-request-builder.js). Unknown fields
 * are tolerated, as a server would, but the fields the SDK sends are checked.
 */
const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataFieldName = z.infer<typeof metadataField>;

const getOptions = z.object({ metadataFields: z.array(metadataField).optional() }).optional();
const ttl = z.object({ value: z.number(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
export type TtlOption = z.infer<typeof ttl>;

export const setOptionsSchema = z
  .object({
    ttl: ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(metadataField).optional()
  })
  .optional();
export type SetOptions = z.infer<typeof setOptionsSchema>;

const key = z.string();
const entityName = z.string();

export const getRequest = z.object({ key, options: getOptions });
// `value` is required: JSON drops `undefined`, so a missing value is a client bug worth refusing.
export const setRequest = z.object({
  key,
  value: z.unknown().refine((v) => v !== undefined, 'value is required'),
  options: setOptionsSchema
});
export const deleteRequest = z.object({ key });
export const entityGetRequest = getRequest.extend({ entityName });
export const entitySetRequest = setRequest.extend({ entityName });
export const entityDeleteRequest = deleteRequest.extend({ entityName });

export const conditionName = z.enum([
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'EQUAL_TO',
  'EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'NOT_EXISTS'
]);
export type ConditionName = z.infer<typeof conditionName>;

export const filterItem = z.object({
  property: z.string(),
  condition: conditionName,
  values: z.array(z.unknown())
});
export type FilterItem = z.infer<typeof filterItem>;
export const filters = z.object({ and: z.array(filterItem).optional(), or: z.array(filterItem).optional() });
export type Filters = z.infer<typeof filters>;

export const rangeCondition = z.object({
  condition: z.enum([
    'BEGINS_WITH',
    'BETWEEN',
    'EQUAL_TO',
    'GREATER_THAN',
    'GREATER_THAN_EQUAL_TO',
    'LESS_THAN',
    'LESS_THAN_EQUAL_TO'
  ]),
  values: z.array(z.unknown())
});
export type RangeCondition = z.infer<typeof rangeCondition>;

export const queryRequest = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z
    .array(z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) }))
    .optional(),
  options: getOptions
});

export const entityQueryRequest = z.object({
  entityName,
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: rangeCondition.optional(),
  filters: filters.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().optional(),
  // getMany() sends `options.metadataFields`; the request type also declares a top-level field.
  metadataFields: z.array(metadataField).optional(),
  options: getOptions
});
export type EntityQueryRequest = z.infer<typeof entityQueryRequest>;

export const batchSetRequest = z.array(
  z.object({
    key: z.unknown(),
    entityName: entityName.optional(),
    value: z.unknown(),
    options: setOptionsSchema
  })
);
export const batchGetRequest = z.array(
  z.object({ key: z.unknown(), entityName: entityName.optional(), options: getOptions })
);
export const batchDeleteRequest = z.array(z.object({ key: z.unknown(), entityName: entityName.optional() }));

const transactionItem = z.object({ key, entityName: entityName.optional(), conditions: filters.optional() });
export const transactionRequest = z.object({
  set: z.array(transactionItem.extend({ value: z.unknown(), options: setOptionsSchema })).optional(),
  delete: z.array(transactionItem).optional(),
  check: z.array(transactionItem.extend({ conditions: filters })).optional()
});
export type TransactionRequest = z.infer<typeof transactionRequest>;

/** Parses a body against a schema, refusing it with the platform's BAD_REQUEST on mismatch. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw kvsErrors.badRequest(
      issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid body'
    );
  }
  return result.data;
}
