/**
 * Forge's per-installation storage quotas (limits-kvs-ce, "Operation limits per installation"):
 * 1 000 requests per second, 4 000 read and 4 000 write units per minute, where a unit is a
 * request of up to 10 KB and larger requests count once per started 10 KB. A transaction is
 * one write of its total size (storage-reference/transactions, "Limitations").
 *
 * Where the docs are silent, the stricter reading:
 * - windows slide (a burst at the edge of a fixed window cannot use two budgets);
 * - a read is billed by the size of its answer (what it reads), a write by its request;
 * - each item of a batch is billed on its own, as the batch runs its items "in parallel"
 *   (entities-batch), while the batch is one request towards requests per second;
 * - a read is admitted while the minute's read budget is not used up and then billed in full
 *   (its size is known only after it ran), so one large read can overdraw the budget.
 */
export interface KvsQuotaLimits {
  requestsPerSecond: number;
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
  unitBytes: number;
}

export const KVS_QUOTAS: KvsQuotaLimits = {
  requestsPerSecond: 1000,
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
  unitBytes: 10 * 1024
};

export type QuotaKind = 'read' | 'write';

/** What a refused request exceeded, for the error's context and for tests. */
export type QuotaExceeded = 'requests-per-second' | 'read-units-per-minute' | 'write-units-per-minute';

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;

/** Units a payload of `bytes` costs: one per started 10 KB, at least one. */
export function unitsFor(bytes: number, unitBytes: number = KVS_QUOTAS.unitBytes): number {
  return Math.max(1, Math.ceil(bytes / unitBytes));
}

/** Bytes of a value as the SDK sends or receives it (JSON, UTF-8). */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** A sliding window: amounts recorded at times, summed over the last `spanMs`. */
class SlidingWindow {
  private entries: { at: number; amount: number }[] = [];
  /** Entries before `head` have left the window; the array is compacted now and then. */
  private head = 0;
  private total = 0;

  constructor(private readonly spanMs: number) {}

  used(now: number): number {
    this.prune(now);
    return this.total;
  }

  add(now: number, amount: number): void {
    this.prune(now);
    this.entries.push({ at: now, amount });
    this.total += amount;
  }

  private prune(now: number): void {
    for (let entry = this.entries[this.head]; entry && entry.at <= now - this.spanMs;) {
      this.total -= entry.amount;
      this.head += 1;
      entry = this.entries[this.head];
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

export interface QuotaUsage {
  requestsLastSecond: number;
  readUnitsLastMinute: number;
  writeUnitsLastMinute: number;
}

/** One installation's storage budget, on a clock the caller controls. */
export class KvsQuota {
  readonly limits: KvsQuotaLimits;
  private readonly requests = new SlidingWindow(SECOND_MS);
  private readonly units: Record<QuotaKind, SlidingWindow> = {
    read: new SlidingWindow(MINUTE_MS),
    write: new SlidingWindow(MINUTE_MS)
  };
  private peak: Record<QuotaKind, number> = { read: 0, write: 0 };

  constructor(
    private readonly clock: () => number,
    limits: Partial<KvsQuotaLimits> = {}
  ) {
    this.limits = { ...KVS_QUOTAS, ...limits };
  }

  /** Counts one request towards requests per second, or says it is one too many. */
  admitRequest(): QuotaExceeded | undefined {
    const now = this.clock();
    if (this.requests.used(now) >= this.limits.requestsPerSecond) return 'requests-per-second';
    this.requests.add(now, 1);
    return undefined;
  }

  /**
   * Whether `units` more fit in the minute's budget (a read's units are unknown until it
   * ran: pass 0 to ask only whether any budget is left).
   */
  fits(kind: QuotaKind, units: number): boolean {
    const used = this.units[kind].used(this.clock());
    const limit = kind === 'read' ? this.limits.readUnitsPerMinute : this.limits.writeUnitsPerMinute;
    return units === 0 ? used < limit : used + units <= limit;
  }

  charge(kind: QuotaKind, units: number): void {
    if (units <= 0) return;
    const now = this.clock();
    this.units[kind].add(now, units);
    this.peak[kind] = Math.max(this.peak[kind], this.units[kind].used(now));
  }

  /**
   * The most units of each kind used in any minute (sliding) since the host started or
   * `resetPeak`: what a test asserts a paced job stayed under.
   */
  peakUnitsPerMinute(): Record<QuotaKind, number> {
    return { ...this.peak };
  }

  resetPeak(): void {
    const now = this.clock();
    this.peak = { read: this.units.read.used(now), write: this.units.write.used(now) };
  }

  usage(): QuotaUsage {
    const now = this.clock();
    return {
      requestsLastSecond: this.requests.used(now),
      readUnitsLastMinute: this.units.read.used(now),
      writeUnitsLastMinute: this.units.write.used(now)
    };
  }

  unitsFor(bytes: number): number {
    return unitsFor(bytes, this.limits.unitBytes);
  }
}
