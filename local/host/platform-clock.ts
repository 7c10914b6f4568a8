import type { CallKind, LatencyModel } from './meter';

/**
 * The time the platform's quotas see. Tests run far faster than Forge, so wall time would
 * throttle correct code; instead the clock advances by the modelled latency of each wave of
 * calls (a call that starts while others are in flight joins their wave, as on the meter),
 * once per invoke, and by whatever the queues wait (delays and retry backoff). A test can
 * also move it explicitly. In the sandbox, where a person pauses between clicks, real time
 * passes on top (see ForgeHostOptions.clock).
 */
export interface PlatformClock {
  now(): number;
  /** Records the start of a call; the returned function records its end. */
  start(kind: CallKind): () => void;
  invoke(): void;
  advance(ms: number): void;
}

export class ModelledClock implements PlatformClock {
  private elapsed = 0;
  private inFlight = 0;
  private waveLatency = 0;

  /** `waited` is time spent elsewhere on the logical timeline (the queues' clock). */
  constructor(
    private readonly latency: LatencyModel,
    private readonly waited: () => number = () => 0
  ) {}

  now(): number {
    return this.elapsed + this.waited();
  }

  start(kind: CallKind): () => void {
    const latency = this.latency[kind];
    if (this.inFlight === 0) {
      this.waveLatency = latency;
      this.elapsed += latency;
    } else if (latency > this.waveLatency) {
      this.elapsed += latency - this.waveLatency;
      this.waveLatency = latency;
    }
    this.inFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
    };
  }

  invoke(): void {
    this.elapsed += this.latency.invoke;
  }

  advance(ms: number): void {
    this.elapsed += Math.max(0, ms);
  }
}
