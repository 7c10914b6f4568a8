/**
 * Counts every call the app makes to a platform service (KVS, Jira) and models the
 * time they would take inside Forge.
 *
 * Round trips on the critical path are counted as "waves": a call that starts while
 * no other call is in flight opens a new wave; calls started while one is in flight
 * (Promise.all) join it. Modelled time is the sum over waves of the slowest call's
 * modelled latency. Both are deterministic, so benchmarks compare them across runs
 * on a noisy machine.
 */
export type CallKind = 'kvs' | 'jira' | 'queue' | 'invoke';

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

export interface MeterSnapshot {
  calls: Record<CallKind, number>;
  roundTrips: Record<CallKind, number>;
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

interface Wave {
  maxLatency: number;
  kinds: Set<CallKind>;
}

const zeroByKind = (): Record<CallKind, number> => ({ kvs: 0, jira: 0, queue: 0, invoke: 0 });

export class Meter {
  private calls = zeroByKind();
  private roundTrips = zeroByKind();
  private inFlight = 0;
  private waves: Wave[] = [];
  private byPath: Record<string, number> = {};
  private invokeMs = 0;
  private units: StorageUnits = { read: 0, write: 0 };

  constructor(private readonly latency: LatencyModel = DEFAULT_LATENCY) {}

  /** Records the start of a call; the returned function records its end. */
  start(kind: CallKind, label: string): () => void {
    this.calls[kind] += 1;
    this.byPath[`${kind} ${label}`] = (this.byPath[`${kind} ${label}`] ?? 0) + 1;
    const latency = this.latency[kind];
    let wave = this.waves[this.waves.length - 1];
    if (this.inFlight === 0 || wave === undefined) {
      wave = { maxLatency: 0, kinds: new Set() };
      this.waves.push(wave);
    }
    if (!wave.kinds.has(kind)) {
      wave.kinds.add(kind);
      this.roundTrips[kind] += 1;
    }
    wave.maxLatency = Math.max(wave.maxLatency, latency);
    this.inFlight += 1;
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.inFlight -= 1;
      }
    };
  }

  /**
   * Records a frontend `invoke`. It wraps the platform calls it causes, so it is not a
   * wave of its own: its latency is added once, and calls inside it form their own waves.
   */
  recordInvoke(label: string): void {
    this.calls.invoke += 1;
    this.roundTrips.invoke += 1;
    this.byPath[`invoke ${label}`] = (this.byPath[`invoke ${label}`] ?? 0) + 1;
    this.invokeMs += this.latency.invoke;
  }

  /** Records the storage quota units one KVS request was billed. */
  recordUnits(kind: keyof StorageUnits, units: number): void {
    this.units[kind] += units;
  }

  latencyOf(kind: CallKind): number {
    return this.latency[kind];
  }

  snapshot(): MeterSnapshot {
    return {
      calls: { ...this.calls },
      roundTrips: { ...this.roundTrips },
      waves: this.waves.length,
      modelledMs: this.invokeMs + this.waves.reduce((sum, w) => sum + w.maxLatency, 0),
      byPath: { ...this.byPath },
      units: { ...this.units }
    };
  }

  reset(): void {
    this.calls = zeroByKind();
    this.roundTrips = zeroByKind();
    this.waves = [];
    this.byPath = {};
    this.invokeMs = 0;
    this.units = { read: 0, write: 0 };
  }
}
