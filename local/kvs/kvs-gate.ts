import type { KvsService, ServiceResponse } from '../host/services';
import { checkBatch } from './batch';
import { KvsError } from './kvs-errors';
import { jsonBytes, type KvsQuota, type QuotaExceeded, type QuotaKind } from './kvs-quota';
import { itemIdentity } from './targets';
import { Prng } from '../jira/prng';

/**
 * What Forge does in front of the store, per installation: it bills every request against the
 * storage quotas and refuses what exceeds them (429), and it runs a batch's items in parallel,
 * so some items of a batch can fail on their own, transiently, while the others succeed
 * (entities-batch: "will successfully complete as many as possible").
 *
 * Refusals: the quota pages and the error-handling pages disagree on the code
 * (transactions, "Limitations": TOO_MANY_REQUESTS; handling-errors-kvs, "Quota and limit
 * handling": 429 RATE_LIMIT_EXCEEDED). The gate answers 429 TOO_MANY_REQUESTS; the fault
 * injector's `throttle` answers 429 RATE_LIMIT_EXCEEDED; the app must handle both.
 */
export const QUOTA_ERROR_CODE = 'TOO_MANY_REQUESTS';
/** Docs silent on the code of a transient per-key failure; the platform's generic one. */
export const TRANSIENT_ERROR_CODE = 'INTERNAL_SERVER_ERROR';

export interface KvsGateOptions {
  quota: KvsQuota;
  /** Told the units each request was billed, for the meter. */
  onUnits?: (kind: QuotaKind, units: number) => void;
  /** Share of batch items that fail transiently (0..1), drawn from a seeded generator. */
  flakyBatchItems?: { rate: number; seed: number };
}

/** Per call: batch items whose key matches fail transiently (fault injection). */
export interface GateCall {
  failKeys?: RegExp;
}

type BatchVerb = 'get' | 'set' | 'delete';

const READS = new Set([
  '/api/v1/get',
  '/api/v1/secret/get',
  '/api/v1/entity/get',
  '/api/v1/query',
  '/api/v1/entity/query'
]);
const BATCHES: Record<string, BatchVerb> = {
  '/api/v1/batch/get': 'get',
  '/api/v1/batch/set': 'set',
  '/api/v1/batch/delete': 'delete'
};

interface BatchItem {
  key: unknown;
  entityName?: string;
}

interface BatchAnswer {
  successfulKeys: Record<string, unknown>[];
  failedKeys: Record<string, unknown>[];
}

export class KvsGate {
  private random: (() => number) | undefined;

  constructor(
    private readonly inner: KvsService,
    private readonly options: KvsGateOptions
  ) {
    const flaky = options.flakyBatchItems;
    this.random = flaky && flaky.rate > 0 ? seededRandom(flaky.seed) : undefined;
  }

  handle(path: string, body: unknown, call: GateCall = {}): ServiceResponse {
    const quota = this.options.quota;
    const exceeded = quota.admitRequest();
    if (exceeded) return refusal(exceeded);
    const verb = BATCHES[path];
    if (verb && Array.isArray(body)) return this.batch(path, verb, body as BatchItem[], call);
    const key = (body as { key?: unknown } | undefined)?.key;
    if (call.failKeys && typeof key === 'string' && call.failKeys.test(key)) return transientFailure();
    if (READS.has(path)) {
      if (!quota.fits('read', 0)) return refusal('read-units-per-minute');
      const answer = this.inner.handle(path, body);
      this.bill('read', quota.unitsFor(jsonBytes(answer.body)));
      return answer;
    }
    // Every other endpoint writes: set, delete (plain, secret, entity) and transactions,
    // each billed once by its request's size.
    const units = quota.unitsFor(jsonBytes(body));
    if (!quota.fits('write', units)) return refusal('write-units-per-minute');
    this.bill('write', units);
    return this.inner.handle(path, body);
  }

  private batch(path: string, verb: BatchVerb, items: BatchItem[], call: GateCall): ServiceResponse {
    try {
      checkBatch(verb, items);
    } catch (error) {
      if (error instanceof KvsError) return error.toResponse();
      throw error;
    }
    const quota = this.options.quota;
    const kind: QuotaKind = verb === 'get' ? 'read' : 'write';
    // A batch is one request ("multiple SET, GET, or DELETE operations in a single
    // request"), and quotas count requests by size rounded up to 10 KB: it is admitted or
    // refused whole, and billed once by its total size (a read, once its answer's size is known).
    const requestUnits = kind === 'write' ? quota.unitsFor(jsonBytes(items)) : 1;
    if (!quota.fits(kind, requestUnits)) {
      return refusal(kind === 'read' ? 'read-units-per-minute' : 'write-units-per-minute');
    }
    const forwarded: BatchItem[] = [];
    const failed: Record<string, unknown>[] = [];
    for (const item of items) {
      if (this.failsTransiently(item, call)) {
        failed.push(failedItem(item, TRANSIENT_ERROR_CODE, 'Transient failure; retry this key.'));
      } else forwarded.push(item);
    }
    if (forwarded.length === 0) return { status: 200, body: { successfulKeys: [], failedKeys: failed } };
    const answer = this.inner.handle(path, forwarded);
    if (answer.status !== 200) return answer;
    const result = answer.body as BatchAnswer;
    this.bill(kind, kind === 'read' ? Math.max(1, quota.unitsFor(jsonBytes(result))) : requestUnits);
    return { status: 200, body: { ...result, failedKeys: [...result.failedKeys, ...failed] } };
  }

  private failsTransiently(item: BatchItem, call: GateCall): boolean {
    if (call.failKeys?.test(String(item.key))) return true;
    const rate = this.options.flakyBatchItems?.rate ?? 0;
    return this.random !== undefined && this.random() < rate;
  }

  private bill(kind: QuotaKind, units: number): void {
    this.options.quota.charge(kind, units);
    this.options.onUnits?.(kind, units);
  }
}

function failedItem(item: BatchItem, code: string, message: string): Record<string, unknown> {
  return { ...itemIdentity(item.key, item.entityName), error: { code, message } };
}

function refusal(exceeded: QuotaExceeded): ServiceResponse {
  return {
    status: 429,
    body: {
      code: QUOTA_ERROR_CODE,
      message: `Storage quota exceeded (${exceeded}). Slow down and retry later.`,
      context: { limit: exceeded }
    }
  };
}

function transientFailure(): ServiceResponse {
  return {
    status: 500,
    body: { code: TRANSIENT_ERROR_CODE, message: 'Transient failure; retry the request.' }
  };
}

/** A seeded generator (the demo seed's), so a run can be replayed exactly. */
function seededRandom(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}
