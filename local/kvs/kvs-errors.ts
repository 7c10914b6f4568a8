import type { ServiceResponse } from '../host/services';

/**
 * A refusal the local KVS answers with, in the platform's error body shape `{code, message}`
 * (handling-errors-kvs / handling-errors-customentities). The SDK turns it into a
 * `ForgeKvsAPIError` carrying `code`, `message` and `context`.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context?: Record<string, unknown>
  ) {
    super(message);
    this.name = 'KvsError';
  }

  toResponse(): ServiceResponse {
    return {
      status: this.status,
      body: { code: this.code, message: this.message, ...(this.context ? { context: this.context } : {}) }
    };
  }
}

/**
 * Every refusal in one place, so the codes can be reviewed against the docs together.
 * "docs" = the documented code and (400) status; "silent" = the docs give no code, the choice is
 * ours and matches what a real installation is reported to answer where such a report exists.
 */
export const kvsErrors = {
  // The SDK itself only recognises this code (storage-api.js handleKeyNotFound); the docs say NOT_FOUND.
  keyNotFound: () => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),
  // docs
  emptyKey: () => new KvsError(400, 'EMPTY_KEY', 'Key cannot be empty.'),
  invalidKey: () =>
    new KvsError(
      400,
      'INVALID_KEY',
      'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/'
    ),
  keyTooLong: (max: number) =>
    new KvsError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${max} characters.`),
  maxSize: (bytes: number, max: number) =>
    new KvsError(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.', {
      bytes,
      limit: max
    }),
  maxDepth: (max: number) =>
    new KvsError(
      400,
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${max}) limit.`
    ),
  entityTypeTooShort: () =>
    new KvsError(400, 'ENTITY_TYPE_TOO_SHORT', 'The provided entity name needs to be at least 3 characters.'),
  entityTypeTooLarge: () =>
    new KvsError(
      400,
      'ENTITY_TYPE_TOO_LARGE',
      'The provided entity name has exceeded the maximum 60 characters.'
    ),
  invalidEntityType: (name: string) =>
    new KvsError(
      400,
      'INVALID_ENTITY_TYPE',
      `The entity name "${name}" does not match the entity name rules.`
    ),
  invalidEntityValue: (detail: string) =>
    new KvsError(
      400,
      'INVALID_ENTITY_VALUE',
      `Entity values must match one of the types defined in Custom Entities: ${detail}`
    ),
  invalidEntityIndex: (entity: string, index: string) =>
    new KvsError(
      400,
      'INVALID_ENTITY_INDEX',
      `The custom entity index "${index}" is not defined for entity "${entity}".`
    ),
  pageLimit: (min: number, max: number) =>
    new KvsError(
      400,
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      `The page limit must be set between ${min} and ${max}.`
    ),
  emptyFilterOperator: () =>
    new KvsError(400, 'EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.'),
  filterOperatorsCombination: () =>
    new KvsError(
      400,
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.'
    ),
  insufficientFilterValues: (condition: string) =>
    new KvsError(
      400,
      'INSUFFICIENT_FILTER_VALUES',
      `The specified condition ${condition} needs more values.`
    ),
  // silent: reported answer of a real installation for an undeclared entity.
  schemaNotFound: (name: string) =>
    new KvsError(404, 'SCHEMA_NOT_FOUND', `The schema provided does not exist: ${name}`),
  // silent: reported answer of a real installation for keyPolicy FAIL_IF_EXISTS on an existing key.
  keyConflict: () =>
    new KvsError(409, 'KEY_CONFLICT', 'Provided key already exists and cannot be overwritten'),
  // silent: reported answer of a real installation when a transaction condition does not hold (nothing is written).
  conditionalCheckFailed: (failed: { key: string; entityName?: string; operation: string }[]) =>
    new KvsError(
      400,
      'CONDITIONAL_CHECK_FAILED',
      'Request failed due to conditional check specified or optimistic locking',
      {
        failedConditions: failed
      }
    ),
  // silent: reported answer of a real installation for 26 operations in one transaction.
  tooManyTransactionOperations: (count: number, max: number) =>
    new KvsError(
      422,
      'UNPROCESSABLE_ENTITY',
      'Request cannot be processed due to one or more semantic errors',
      {
        operations: count,
        limit: max
      }
    ),
  // silent: reported answer of a real installation for a batchSet of 26 items; used for every batch verb.
  tooManyBatchItems: (verb: string, count: number, max: number) =>
    new KvsError(
      400,
      'TOO_MANY_BATCH_ENTITIES',
      `Number of entities to ${verb} was ${count}, but you can only ${verb} a maximum of ${max} entities at a time.`
    ),
  // silent: reported answer of a real installation for the same key twice in one transaction; reused for batches.
  keyDuplication: (key: string) =>
    new KvsError(400, 'KEY_DUPLICATION_ERROR', `Duplicate key found in request: ${key}`),
  // silent: reported answer of a real installation for ttl {value: 0}.
  invalidTtl: (detail: string) => new KvsError(400, 'INVALID_TTL', detail),
  // silent: a malformed request; the SDK's own tests use this code and message for it.
  badRequest: (detail: string) =>
    new KvsError(400, 'BAD_REQUEST', `Provided request body is invalid: ${detail}`),
  // silent: a cursor that this engine did not issue for this query.
  invalidCursor: () =>
    new KvsError(400, 'INVALID_CURSOR', 'The provided cursor is not valid for this query.'),
  unknownPath: (path: string) => new KvsError(404, 'NOT_FOUND', `Unknown KVS endpoint ${path}`)
} as const;
