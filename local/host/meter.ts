import { emptyPath, VirtualClock, type CallKind, type ChainPath } from './virtual-clock';

/**
 * Counts every call the app makes to a platform service (KVS, Jira, queues) and models
 * the time they would take inside Forge.
 *
 * Time is the critical path. In the default (virtual) mode each call waits its modelled
 * latency on a discrete-event clock: a call that depends on an earlier answer starts
 * when that answer arrives, calls started together overlap, and one unrelated call in
 * flight never hides another chain's round trips. A call's round-trip depth is one more
 * than the depth of the latest answer its chain awaited; the snapshot reports the round
 * trips, by kind, along the chain that finished last. Both are deterministic, so
 * benchmarks compare them across runs on a noisy machine.
 *
 * In real mode (sandbox, and the benchmark's cross-check) calls really sleep their
 * latency; counts are kept, and wall time is what to read.
 */
export type { CallKind } from './virtual-clock';

export interface LatencyModel {
  kvs: number;
  jira: number;
  /** Pushing events to a Forge async queue. */
  queue: number;
  invoke: number;
}

/** The fixed model used by every benchmark: mid-range of the figures in DESIGN.md. */
export const DEFAULT_LATENCY: LatencyModel = { kvs: 20, jira: 150, queue: 30, invoke: 200 };
export const ZERO_LATENCY: LatencyModel = { kvs: 0, jira: 0, queue: 0, invoke: 0 };

/** The model scaled down (e.g. ÷10) for a run that really waits it. */
export function scaledLatency(model: LatencyModel, divisor: number): LatencyModel {
  return {
    kvs: model.kvs / divisor,
    jira: model.jira / divisor,
    queue: model.queue / divisor,
    invoke: model.invoke / divisor
  };
}

export type MeterMode = 'virtual' | 'real';

export interface MeterSnapshot {
  calls: Record<CallKind, number>;
  /** Round trips along the critical path, by kind (invokes: every frontend invoke). */
  roundTrips: Record<CallKind, number>;
  /** Depth of the critical path in platform round trips (invokes excluded). */
  waves: number;
  modelledMs: number;
  byPath: Record<string, number>;
  /** Storage quota units billed (10 KB each, rounded up per request or batch item). */
  units: StorageUnits;
}

export interface StorageUnits {
  read: number;
  write: number;
}

const zeroByKind = (): Record<CallKind, number> => ({ kvs: 0, jira: 0, queue: 0, invoke: 0 });

export class Meter {
  private calls = zeroByKind();
  private invokes = 0;
  private byPath: Record<string, number> = {};
  private invokeMs = 0;
  private units: StorageUnits = { read: 0, write: 0 };
  private readonly clock = new VirtualClock();
  private startedAt = 0;
  /** The chain of the answer delivered last, and when (virtual ms). */
  private last: { at: number; path: ChainPath } = { at: 0, path: emptyPath() };

  constructor(
    private readonly latency: LatencyModel = DEFAULT_LATENCY,
    private mode: MeterMode = 'virtual'
  ) {}

  /** Switches between waiting on the virtual clock and really sleeping (e.g. after seeding). */
  /** Whether calls really sleep (the sandbox, the bench's cross-check). */
  get real(): boolean {
    return this.mode === 'real';
  }

  setMode(mode: MeterMode): void {
    this.mode = mode;
  }

  /**
   * Records a platform call and resolves when its answer is due: on the virtual clock,
   * or after really sleeping its latency in real mode.
   */
  async call(kind: CallKind, label: string): Promise<void> {
    this.calls[kind] += 1;
    this.byPath[`${kind} ${label}`] = (this.byPath[`${kind} ${label}`] ?? 0) + 1;
    if (this.mode === 'real') {
      await sleep(this.latency[kind]);
      return;
    }
    const path = await this.clock.call(kind, this.latency[kind]);
    // The answer delivered last ends the critical path; at one instant, the deeper chain does.
    if (this.clock.now > this.last.at || path.depth >= this.last.path.depth) {
      this.last = { at: this.clock.now, path };
    }
  }

  /**
   * Records a frontend `invoke`. It wraps the platform calls it causes: its latency is
   * added once (really waited in real mode), and the calls inside it form the path.
   */
  async recordInvoke(label: string): Promise<void> {
    this.invokes += 1;
    this.calls.invoke += 1;
    this.byPath[`invoke ${label}`] = (this.byPath[`invoke ${label}`] ?? 0) + 1;
    this.invokeMs += this.latency.invoke;
    if (this.mode === 'real') await sleep(this.latency.invoke);
  }

  /** Records the storage quota units one KVS request was billed. */
  recordUnits(kind: keyof StorageUnits, units: number): void {
    this.units[kind] += units;
  }

  latencyOf(kind: CallKind): number {
    return this.latency[kind];
  }

  snapshot(): MeterSnapshot {
    const path = this.last.path;
    return {
      calls: { ...this.calls },
      roundTrips: { ...path.byKind, invoke: this.invokes },
      waves: path.depth,
      modelledMs: this.invokeMs + (this.clock.now - this.startedAt),
      byPath: { ...this.byPath },
      units: { ...this.units }
    };
  }

  reset(): void {
    this.calls = zeroByKind();
    this.invokes = 0;
    this.byPath = {};
    this.invokeMs = 0;
    this.units = { read: 0, write: 0 };
    this.startedAt = this.clock.now;
    this.clock.restartChain();
    this.last = { at: this.clock.now, path: emptyPath() };
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
