import type { KvsService, ServiceResponse } from '../host/services';
import { batchDelete, batchGet, batchSet } from './batch';
import { EntityCatalog } from './entity-catalog';
import { indexEntries } from './entity-index';
import type { EntityValue } from './entity-values';
import { checkKey } from './key-value-rules';
import { KvsError, kvsErrors } from './kvs-errors';
import type { EntityDefinition } from './manifest-entities';
import { queryEntities, queryKeyValues } from './queries';
import {
  ALL_METADATA,
  applyWrite,
  deleteRecord,
  prepareWrite,
  readRecord,
  recordBody,
  setResponseBody,
  type RecordTarget
} from './records';
import { SqliteStore, type Namespace } from './sqlite-store';
import { executeTransaction } from './transaction';
import {
  deleteRequest,
  entityDeleteRequest,
  entityGetRequest,
  entityQueryRequest,
  entitySetRequest,
  getRequest,
  parseBody,
  queryRequest,
  setRequest
} from './wire-format';

/**
 * The local Forge KVS and Custom Entity Store: answers every endpoint `@forge/kvs@1.6.5` calls
 * through `__forge_fetch__`, on SQLite (a file that survives restarts, or memory), enforcing
 * the documented limits and the manifest's entity schema.
 */
export interface KvsEngineOptions {
  /** SQLite file (WAL); undefined keeps everything in memory. */
  file?: string;
  entities: EntityDefinition[];
  /** Clock for timestamps and TTL expiry (epoch ms). */
  now?: () => number;
}

type Handler = (body: unknown, now: number) => ServiceResponse;

const NO_CONTENT: ServiceResponse = { status: 204 };

/** Endpoints that only read; every other one may write. */
const READ_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/get',
  '/api/v1/secret/get',
  '/api/v1/entity/get',
  '/api/v1/query',
  '/api/v1/entity/query',
  '/api/v1/batch/get'
]);

export class KvsEngine implements KvsService {
  private readonly store: SqliteStore;
  private readonly catalog: EntityCatalog;
  private readonly now: () => number;
  private readonly routes: Record<string, Handler>;
  /** Successful writes so far: a cursor issued before the latest one is no longer stable. */
  private writes = 0;

  constructor(options: KvsEngineOptions) {
    this.store = new SqliteStore(options.file);
    this.catalog = new EntityCatalog(options.entities);
    this.now = options.now ?? Date.now;
    this.syncIndexes();
    this.routes = {
      '/api/v1/get': (body, now) => this.get({ kind: 'kv', ns: 'kv' }, body, now),
      '/api/v1/set': (body, now) => this.set('kv', body, now),
      '/api/v1/delete': (body) => this.remove('kv', body),
      '/api/v1/query': (body, now) =>
        ok(queryKeyValues(this.store, parseBody(queryRequest, body), now, this.writes)),
      '/api/v1/secret/get': (body, now) => this.get({ kind: 'kv', ns: 'secret' }, body, now),
      '/api/v1/secret/set': (body, now) => this.set('secret', body, now),
      '/api/v1/secret/delete': (body) => this.remove('secret', body),
      '/api/v1/entity/get': (body, now) => this.entityGet(body, now),
      '/api/v1/entity/set': (body, now) => this.entitySet(body, now),
      '/api/v1/entity/delete': (body) => this.entityDelete(body),
      '/api/v1/entity/query': (body, now) => this.entityQuery(body, now),
      '/api/v1/batch/set': (body, now) => ok(batchSet(this.store, this.catalog, body, now)),
      '/api/v1/batch/get': (body, now) => ok(batchGet(this.store, this.catalog, body, now)),
      '/api/v1/batch/delete': (body, now) => ok(batchDelete(this.store, this.catalog, body, now)),
      '/api/v1/transaction': (body, now) => {
        executeTransaction(this.store, this.catalog, body, now);
        return NO_CONTENT;
      }
    };
  }

  handle(path: string, body: unknown): ServiceResponse {
    const route = this.routes[path];
    try {
      if (!route) throw kvsErrors.unknownPath(path);
      const answer = route(body, this.now());
      if (!READ_PATHS.has(path) && answer.status < 300) this.writes += 1;
      return answer;
    } catch (error) {
      if (error instanceof KvsError) return error.toResponse();
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 500,
        body: { code: 'INTERNAL_SERVER_ERROR', message: `Local KVS failure: ${message}` }
      };
    }
  }

  close(): void {
    this.store.close();
  }

  /** For tests and benchmarks: the SQLite plan for an index scan (proves it is index-served). */
  explainIndexScan(entityName: string, indexName: string, partition: unknown[]): string[] {
    return this.store.explainScan({
      entity: entityName,
      idx: indexName,
      partition: JSON.stringify(partition),
      rangeSql: ' AND i.sort > ?',
      rangeParams: [0],
      descending: false,
      now: this.now()
    });
  }

  private get(target: RecordTarget, body: unknown, now: number): ServiceResponse {
    const request = parseBody(getRequest, body);
    const record = readRecord(this.store, target, checkKey(request.key), now);
    if (!record) throw kvsErrors.keyNotFound();
    // All metadata is sent; the SDK keeps only the fields the caller asked for.
    return ok(recordBody(record, ALL_METADATA));
  }

  private set(ns: Namespace, body: unknown, now: number): ServiceResponse {
    const request = parseBody(setRequest, body);
    const write = prepareWrite({ kind: 'kv', ns }, request.key, request.value, request.options, now);
    return setResponse(
      setResponseBody(
        this.store.transaction(() => applyWrite(this.store, write, now)),
        request.options
      )
    );
  }

  /** kvs-api delete: "this succeeds whether the key exists or not". */
  private remove(ns: Namespace, body: unknown): ServiceResponse {
    deleteRecord(this.store, { kind: 'kv', ns }, checkKey(parseBody(deleteRequest, body).key));
    return NO_CONTENT;
  }

  private entityGet(body: unknown, now: number): ServiceResponse {
    const request = parseBody(entityGetRequest, body);
    return this.get({ kind: 'entity', definition: this.catalog.resolve(request.entityName) }, request, now);
  }

  private entitySet(body: unknown, now: number): ServiceResponse {
    const request = parseBody(entitySetRequest, body);
    const target: RecordTarget = { kind: 'entity', definition: this.catalog.resolve(request.entityName) };
    const write = prepareWrite(target, request.key, request.value, request.options, now);
    return setResponse(
      setResponseBody(
        this.store.transaction(() => applyWrite(this.store, write, now)),
        request.options
      )
    );
  }

  private entityDelete(body: unknown): ServiceResponse {
    const request = parseBody(entityDeleteRequest, body);
    deleteRecord(
      this.store,
      { kind: 'entity', definition: this.catalog.resolve(request.entityName) },
      checkKey(request.key)
    );
    return NO_CONTENT;
  }

  private entityQuery(body: unknown, now: number): ServiceResponse {
    const request = parseBody(entityQueryRequest, body);
    return ok(queryEntities(this.store, this.catalog.resolve(request.entityName), request, now, this.writes));
  }

  /**
   * Rebuilds the index table when the declared entities differ from the ones the file was
   * indexed with, as `forge deploy` re-indexes after a manifest change.
   */
  private syncIndexes(): void {
    const fingerprint = JSON.stringify(this.catalog.definitions);
    if (this.store.getMeta('entities') === fingerprint) return;
    this.store.transaction(() => {
      this.store.clearIndexes();
      for (const row of [...this.store.allEntities()]) {
        const definition = this.catalog.definitions.find((candidate) => candidate.name === row.entity);
        if (!definition) continue;
        this.store.replaceIndexEntries(row.entity, row.key, safeEntries(definition, row.key, row.json));
      }
      this.store.setMeta('entities', fingerprint);
    });
  }
}

function ok(body: unknown): ServiceResponse {
  return { status: 200, body };
}

/** With a body the SDK reads it; without one (no returnValue, or no PREVIOUS) it resolves undefined. */
function setResponse(body: Record<string, unknown> | undefined): ServiceResponse {
  return body === undefined ? NO_CONTENT : ok(body);
}

/** A row written under an older schema that no longer fits keeps only its key index. */
function safeEntries(
  definition: EntityDefinition,
  key: string,
  json: string
): ReturnType<typeof indexEntries> {
  try {
    return indexEntries(definition, key, JSON.parse(json) as EntityValue);
  } catch {
    return [{ idx: 'by-key', partition: '[]', sort: key }];
  }
}
