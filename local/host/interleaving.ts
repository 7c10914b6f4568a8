import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceResponse } from './services';

/**
 * Deterministic interleavings for concurrency tests. A test arms a hold on the next
 * invocation; the host stops that invocation at the hold point (every storage call it
 * makes from there waits) until the test releases it, so another invocation can run to
 * completion in between: exactly the race optimistic transactions must survive.
 *
 * - `commit`: before the invocation's first KVS transaction, i.e. after the reads that
 *   transaction was computed from.
 * - `afterFirstRead`: before the first storage call it starts once its first read of a
 *   custom entity has answered, e.g. between a use case's own read of a link and the
 *   reads of the change it then applies. (Plain key reads, such as settings read in
 *   parallel, do not count: the point is the first read of evidence.)
 */
export type HoldPoint = { at: 'commit' } | { at: 'afterFirstRead' };

export interface Hold {
  /** Resolves once the held invocation is waiting at the hold point. */
  readonly reached: Promise<void>;
  /** Whether the held invocation got to the hold point (false if it ended before). */
  readonly wasReached: () => boolean;
  /** Lets the held invocation go on. */
  release(): void;
}

/** Transactions the KVS answered, and how many it refused because a condition failed. */
export interface TransactionStats {
  transactions: number;
  conflicts: number;
}

interface Trace {
  /** An entity read of this invocation has answered. */
  readEvidence: boolean;
  hold?: ArmedHold;
}

interface ArmedHold {
  point: HoldPoint;
  reached: boolean;
  signalReached: () => void;
  released: Promise<void>;
}

const TRANSACTION_PATH = '/api/v1/transaction';

export class Interleaving {
  private readonly traces = new AsyncLocalStorage<Trace>();
  private armed: ArmedHold | undefined;
  readonly stats: TransactionStats = { transactions: 0, conflicts: 0 };

  /** Holds the next invocation (resolver call or trigger run) at `point`. */
  holdNextInvocation(point: HoldPoint): Hold {
    let signalReached = (): void => undefined;
    let release = (): void => undefined;
    const reached = new Promise<void>((resolve) => {
      signalReached = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold: ArmedHold = { point, reached: false, signalReached, released };
    this.armed = hold;
    return { reached, wasReached: () => hold.reached, release };
  }

  /** Runs one invocation, with the armed hold if there is one. */
  enter<T>(fn: () => Promise<T>): Promise<T> {
    const hold = this.armed;
    this.armed = undefined;
    return this.traces.run(hold ? { readEvidence: false, hold } : { readEvidence: false }, fn);
  }

  /** Called before each storage call: waits while the invocation is held. */
  async beforeStorageCall(path: string): Promise<void> {
    const hold = this.traces.getStore()?.hold;
    if (!hold) return;
    const atPoint =
      hold.point.at === 'commit' ? path === TRANSACTION_PATH : this.traces.getStore()?.readEvidence === true;
    if (!atPoint && !hold.reached) return;
    if (!hold.reached) {
      hold.reached = true;
      hold.signalReached();
    }
    await hold.released;
  }

  /** Called with each storage answer: notes entity reads, counts transactions and refused conditions. */
  observe(path: string, body: unknown, answer: ServiceResponse): void {
    const trace = this.traces.getStore();
    if (trace && answer.status < 300 && isEntityRead(path, body)) trace.readEvidence = true;
    if (path !== TRANSACTION_PATH) return;
    this.stats.transactions += 1;
    const code = (answer.body as { code?: unknown } | undefined)?.code;
    if (code === 'CONDITIONAL_CHECK_FAILED') this.stats.conflicts += 1;
  }
}

function isEntityRead(path: string, body: unknown): boolean {
  if (path === '/api/v1/entity/get' || path === '/api/v1/entity/query') return true;
  if (path !== '/api/v1/batch/get' || !Array.isArray(body)) return false;
  return body.some((item) => typeof (item as { entityName?: unknown }).entityName === 'string');
}
