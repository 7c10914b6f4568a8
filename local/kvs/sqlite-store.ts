import Database from 'better-sqlite3';
import type { SortValue } from './cursor';
import type { IndexEntry } from './entity-index';

/**
 * The SQLite layout under the engine: plain KV and secrets in `kv` (one namespace column),
 * entity values as JSON in `entity`, and one typed sort row per entity and index in
 * `entity_index` (see entity-index.ts). All statements are prepared once and reused.
 */
export type Namespace = 'kv' | 'secret';

export interface StoredRecord {
  key: string;
  json: string;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

export interface IndexedRecord extends StoredRecord {
  sort: SortValue;
}

export interface IndexScan {
  entity: string;
  idx: string;
  partition: string;
  /** Extra conditions over `i.sort` (from entity-index.ts rangeClause). */
  rangeSql: string;
  rangeParams: SortValue[];
  after?: { sort: SortValue; key: string };
  descending: boolean;
  now: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS kv (
    ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expire_at INTEGER,
    PRIMARY KEY (ns, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS entity (
    entity TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expire_at INTEGER,
    PRIMARY KEY (entity, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS entity_index (
    entity TEXT NOT NULL, idx TEXT NOT NULL, partition TEXT NOT NULL, sort NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (entity, idx, partition, sort, key)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS entity_index_rows ON entity_index (entity, key);
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

const LIVE = '(expire_at IS NULL OR expire_at > ?)';

export class SqliteStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file?: string) {
    this.db = new Database(file ?? ':memory:');
    // WAL keeps readers and the writer apart and makes a crash lose at most the last commit.
    if (file) this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  /** Runs `fn` atomically: everything it writes commits together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getMeta(name: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE name = ?').get(name);
    return isObject(row) && typeof row.value === 'string' ? row.value : undefined;
  }

  setMeta(name: string, value: string): void {
    this.stmt(
      'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value'
    ).run(name, value);
  }

  getKv(ns: Namespace, key: string, now: number): StoredRecord | undefined {
    const row = this.stmt(
      `SELECT key, value, created_at, updated_at, expire_at FROM kv WHERE ns = ? AND key = ? AND ${LIVE}`
    ).get(ns, key, now);
    return row === undefined ? undefined : toRecord(row);
  }

  putKv(ns: Namespace, record: StoredRecord): void {
    this.stmt(
      `INSERT INTO kv (ns, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(ns, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`
    ).run(ns, record.key, record.json, record.createdAt, record.updatedAt, record.expireAt);
  }

  deleteKv(ns: Namespace, key: string): void {
    this.stmt('DELETE FROM kv WHERE ns = ? AND key = ?').run(ns, key);
  }

  /** Live keys in key order, from `from` (inclusive) below `to` (exclusive), strictly after `after`. */
  scanKv(
    ns: Namespace,
    range: { from?: string; to?: string; after?: string },
    limit: number,
    now: number
  ): StoredRecord[] {
    const clauses: string[] = [];
    const params: (string | number)[] = [ns];
    const bound = (sql: string, value: string | undefined): void => {
      if (value === undefined) return;
      clauses.push(sql);
      params.push(value);
    };
    bound(' AND key >= ?', range.from);
    bound(' AND key < ?', range.to);
    bound(' AND key > ?', range.after);
    params.push(now, limit);
    const sql = `SELECT key, value, created_at, updated_at, expire_at FROM kv WHERE ns = ?${clauses.join('')} AND ${LIVE} ORDER BY key LIMIT ?`;
    return this.stmt(sql)
      .all(...params)
      .map(toRecord);
  }

  getEntity(entity: string, key: string, now: number): StoredRecord | undefined {
    const row = this.stmt(
      `SELECT key, value, created_at, updated_at, expire_at FROM entity WHERE entity = ? AND key = ? AND ${LIVE}`
    ).get(entity, key, now);
    return row === undefined ? undefined : toRecord(row);
  }

  putEntity(entity: string, record: StoredRecord, entries: IndexEntry[]): void {
    this.stmt(
      `INSERT INTO entity (entity, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(entity, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`
    ).run(entity, record.key, record.json, record.createdAt, record.updatedAt, record.expireAt);
    this.replaceIndexEntries(entity, record.key, entries);
  }

  replaceIndexEntries(entity: string, key: string, entries: IndexEntry[]): void {
    this.stmt('DELETE FROM entity_index WHERE entity = ? AND key = ?').run(entity, key);
    const insert = this.stmt(
      'INSERT INTO entity_index (entity, idx, partition, sort, key) VALUES (?, ?, ?, ?, ?)'
    );
    for (const entry of entries) insert.run(entity, entry.idx, entry.partition, entry.sort, key);
  }

  deleteEntity(entity: string, key: string): void {
    this.stmt('DELETE FROM entity WHERE entity = ? AND key = ?').run(entity, key);
    this.stmt('DELETE FROM entity_index WHERE entity = ? AND key = ?').run(entity, key);
  }

  /** Every stored entity row (expired ones included), for rebuilding indexes after a manifest change. */
  *allEntities(): IterableIterator<{ entity: string; key: string; json: string }> {
    for (const row of this.db.prepare('SELECT entity, key, value FROM entity').iterate()) {
      if (
        isObject(row) &&
        typeof row.entity === 'string' &&
        typeof row.key === 'string' &&
        typeof row.value === 'string'
      ) {
        yield { entity: row.entity, key: row.key, json: row.value };
      }
    }
  }

  clearIndexes(): void {
    this.db.exec('DELETE FROM entity_index');
  }

  /** Walks one index partition in order; the caller stops iterating when its page is full. */
  *scanIndex(scan: IndexScan): IterableIterator<IndexedRecord> {
    const direction = scan.descending ? 'DESC' : 'ASC';
    const after = scan.after ? ` AND (i.sort, i.key) ${scan.descending ? '<' : '>'} (?, ?)` : '';
    const sql = `
      SELECT i.sort AS sort, e.key AS key, e.value AS value, e.created_at AS created_at,
             e.updated_at AS updated_at, e.expire_at AS expire_at
      FROM entity_index i JOIN entity e ON e.entity = i.entity AND e.key = i.key
      WHERE i.entity = ? AND i.idx = ? AND i.partition = ?${scan.rangeSql}${after}
        AND (e.expire_at IS NULL OR e.expire_at > ?)
      ORDER BY i.sort ${direction}, i.key ${direction}`;
    const params = [
      scan.entity,
      scan.idx,
      scan.partition,
      ...scan.rangeParams,
      ...(scan.after ? [scan.after.sort, scan.after.key] : []),
      scan.now
    ];
    for (const row of this.stmt(sql).iterate(...params)) {
      const record = toRecord(row);
      const sort = isObject(row) ? row.sort : undefined;
      if (typeof sort !== 'string' && typeof sort !== 'number')
        throw new Error('Local KVS: corrupt index row');
      yield { ...record, sort };
    }
  }

  /** The query plan of a scan, so tests can pin that large partitions are served from the index. */
  explainScan(scan: IndexScan): string[] {
    const plan = this.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT i.key FROM entity_index i JOIN entity e ON e.entity = i.entity AND e.key = i.key
         WHERE i.entity = ? AND i.idx = ? AND i.partition = ?${scan.rangeSql} ORDER BY i.sort, i.key`
      )
      .all(scan.entity, scan.idx, scan.partition, ...scan.rangeParams);
    return plan.map((row) => (isObject(row) && typeof row.detail === 'string' ? row.detail : ''));
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toRecord(row: unknown): StoredRecord {
  if (
    !isObject(row) ||
    typeof row.key !== 'string' ||
    typeof row.value !== 'string' ||
    typeof row.created_at !== 'number' ||
    typeof row.updated_at !== 'number' ||
    (row.expire_at !== null && typeof row.expire_at !== 'number')
  ) {
    throw new Error('Local KVS: corrupt row');
  }
  return {
    key: row.key,
    json: row.value,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expireAt: row.expire_at
  };
}
