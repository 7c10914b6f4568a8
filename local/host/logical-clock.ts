/**
 * The local platform's time: queue delays, retry backoff, rate-limit windows and
 * invocation timeouts all run on it, so a test can pass minutes in a microsecond and
 * see exactly what Forge would do at each boundary. Nothing advances it but the host
 * (when the queues have nothing due yet) and tests (`advance`).
 */
export class LogicalClock {
  private ms = 0;
  private timers: { at: number; fire: () => void }[] = [];

  now(): number {
    return this.ms;
  }

  /** Moves time forward, firing every timer that falls due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.ms + Math.max(0, ms));
  }

  advanceTo(at: number): void {
    if (at <= this.ms) return;
    this.ms = at;
    const due = this.timers.filter((t) => t.at <= at);
    this.timers = this.timers.filter((t) => t.at > at);
    for (const timer of due) timer.fire();
  }

  /** Resolves once the clock has moved `ms` past now; `cancel` forgets the timer. */
  after(ms: number): { promise: Promise<void>; cancel: () => void } {
    let timer: { at: number; fire: () => void } | undefined;
    const promise = new Promise<void>((resolve) => {
      timer = { at: this.ms + ms, fire: resolve };
      this.timers.push(timer);
    });
    return {
      promise,
      cancel: () => {
        this.timers = this.timers.filter((t) => t !== timer);
      }
    };
  }
}
