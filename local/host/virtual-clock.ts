/**
 * A discrete-event clock for the local host's platform calls. Every call waits, in
 * virtual time, the latency its kind has in the model; answers are delivered in the
 * order they would arrive, and only once the app has had every chance to start the
 * calls it can start now. So a call that needs an earlier answer starts when that
 * answer arrives — never folded into an unrelated call still in flight — and calls
 * started together overlap. The elapsed virtual time is the critical path.
 */
export type CallKind = 'kvs' | 'jira' | 'queue' | 'invoke';

/** The round trips along one causal chain of calls, in total and by kind. */
export interface ChainPath {
  depth: number;
  byKind: Record<CallKind, number>;
}

interface PendingCall {
  dueAt: number;
  seq: number;
  path: ChainPath;
  deliver: () => void;
}

/**
 * Idle event-loop turns with no new call before time may advance. The SDKs read a
 * response body across a few promise hops; three empty turns leave room for them (and
 * for a caller's own bookkeeping) before a later answer is delivered.
 */
const QUIET_TURNS = 3;

export const emptyPath = (): ChainPath => ({ depth: 0, byKind: { kvs: 0, jira: 0, queue: 0, invoke: 0 } });

export class VirtualClock {
  private nowMs = 0;
  private seq = 0;
  private pending: PendingCall[] = [];
  /** The deepest chain among the answers delivered at `nowMs`: what a call started now waits on. */
  private frontier: ChainPath = emptyPath();
  private startedSinceCheck = false;
  private ticking = false;

  get now(): number {
    return this.nowMs;
  }

  /** The causal chain that a call started now extends (the latest answers delivered). */
  get latest(): ChainPath {
    return this.frontier;
  }

  /**
   * Starts a call of `latencyMs` now; resolves when its answer arrives in virtual time,
   * with the chain it ends (one round trip deeper than the answers that caused it).
   */
  call(kind: CallKind, latencyMs: number): Promise<ChainPath> {
    const path: ChainPath = {
      depth: this.frontier.depth + 1,
      byKind: { ...this.frontier.byKind, [kind]: this.frontier.byKind[kind] + 1 }
    };
    return new Promise((resolve) => {
      this.seq += 1;
      this.pending.push({ dueAt: this.nowMs + latencyMs, seq: this.seq, path, deliver: () => resolve(path) });
      this.startedSinceCheck = true;
      this.schedule();
    });
  }

  /** Forgets the chain so far: the next call starts a new critical path (time runs on). */
  restartChain(): void {
    this.frontier = emptyPath();
  }

  private schedule(): void {
    if (this.ticking) return;
    this.ticking = true;
    setImmediate(() => this.tick(0));
  }

  private tick(idleTurns: number): void {
    if (this.startedSinceCheck) {
      this.startedSinceCheck = false;
      setImmediate(() => this.tick(0));
      return;
    }
    if (idleTurns < QUIET_TURNS) {
      setImmediate(() => this.tick(idleTurns + 1));
      return;
    }
    // Nothing more can start now: advance to the next answer and deliver every answer due then.
    const dueAt = Math.min(...this.pending.map((call) => call.dueAt));
    const due = this.pending.filter((call) => call.dueAt === dueAt).sort((a, b) => a.seq - b.seq);
    this.pending = this.pending.filter((call) => call.dueAt !== dueAt);
    this.nowMs = dueAt;
    // The code woken now continues from the answers just delivered: the deepest of them
    // (a `Promise.all` resumes with its slowest branch).
    this.frontier = due.reduce(
      (deepest, call) => (call.path.depth > deepest.depth ? call.path : deepest),
      emptyPath()
    );
    for (const call of due) call.deliver();
    this.ticking = false;
    if (this.pending.length > 0) this.schedule();
  }
}
