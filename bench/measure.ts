import { LocalForge } from '../local/host/local-forge';
import { DEFAULT_LATENCY, scaledLatency } from '../local/host/meter';
import type { JiraSeed } from '../local/jira/seed';
import * as app from '../src/index';
import { runQueueWaitMs } from '../local/host/run-queue';

/**
 * How a scenario runs: on the meter's virtual clock (counts and modelled time), or once
 * more with every call and invoke really waiting the latency model divided by
 * `realWait`, to check the model against wall time.
 */
export interface BenchRun {
  realWait?: number;
}

export const VIRTUAL_RUN: BenchRun = {};

export interface OperationRow {
  name: string;
  scale: string;
  kvsCalls: number;
  kvsRoundTrips: number;
  jiraCalls: number;
  jiraRoundTrips: number;
  /** Time under the fixed latency model: the critical path of platform calls, plus invokes. */
  modelledMs: number;
  /** Part of `modelledMs` that is the queues' logical delays and backoff (never really waited). */
  queueWaitMs?: number;
  /**
   * Set in a real-wait run: wall time, the part of it spent answering calls in the local
   * host, and the part spent waiting for a CPU (the machine's load).
   */
  wall?: { ms: number; engineMs: number; runQueueMs: number };
  note?: string;
  /** Forge storage quota units billed: 10 KB each, per request or batch item (limits-kvs-ce). */
  kvsReadUnits: number;
  kvsWriteUnits: number;
  /** KVS calls that write (set, delete, batch writes, transactions). */
  kvsWriteCalls: number;
  /** The most units billed in any sliding minute of the quota clock while the row ran. */
  peakReadUnitsPerMinute: number;
  peakWriteUnitsPerMinute: number;
  /** The row's own floor under the latency model, and what it is made of. */
  floorMs?: number;
  floor?: string;
  /** modelled ÷ floor. */
  ratio?: number;
  /** What the product needs of this row, and whether the counts meet it (never wall time). */
  target?: string;
  met?: boolean;
  /** Facts a scenario checked besides the meter (a page's length, rows lost…). */
  facts?: Record<string, number | boolean>;
}

/** The fewest platform round trips an operation can need, as counts of each kind. */
export interface FloorParts {
  invoke?: number;
  jira?: number;
  kvs?: number;
  queue?: number;
}

/** A row's target: its text, its floor, and the count-based test of it. */
export interface Target {
  text: string;
  floor: FloorParts;
  /** Undefined for a row kept only for comparison. */
  met: (row: OperationRow) => boolean | undefined;
}

const KVS_READ_PATHS = new Set([
  '/api/v1/get',
  '/api/v1/secret/get',
  '/api/v1/entity/get',
  '/api/v1/query',
  '/api/v1/entity/query',
  '/api/v1/batch/get'
]);

/** The floor's time under the benchmark model, and a text such as "invoke + 1 Jira + 2 KVS". */
export function floorOf(parts: FloorParts): { ms: number; text: string } {
  const order: [keyof FloorParts, string][] = [
    ['invoke', 'invoke'],
    ['jira', 'Jira'],
    ['kvs', 'KVS'],
    ['queue', 'queue']
  ];
  let ms = 0;
  const words: string[] = [];
  for (const [kind, label] of order) {
    const n = parts[kind] ?? 0;
    if (n === 0) continue;
    ms += n * DEFAULT_LATENCY[kind];
    words.push(kind === 'invoke' && n === 1 ? label : `${n} ${label}`);
  }
  return { ms, text: `${words.join(' + ')} = ${ms} ms` };
}

/** Adds the floor, the ratio and the target's verdict to a measured row. */
export function judge(row: OperationRow, target: Target): OperationRow {
  const floor = floorOf(target.floor);
  const verdict = target.met(row);
  return {
    ...row,
    floorMs: floor.ms,
    floor: floor.text,
    ratio: floor.ms > 0 ? Math.round((row.modelledMs / floor.ms) * 100) / 100 : 0,
    target: target.text,
    ...(verdict === undefined ? {} : { met: verdict })
  };
}

/** The largest sum of `amount` over any 60 s window of the times given. */
function peakPerMinute(unsorted: readonly { at: number; amount: number }[]): number {
  const entries = [...unsorted].sort((a, b) => a.at - b.at);
  let peak = 0;
  let sum = 0;
  let tail = 0;
  for (const entry of entries) {
    sum += entry.amount;
    while (entries[tail]!.at <= entry.at - 60_000) {
      sum -= entries[tail]!.amount;
      tail += 1;
    }
    peak = Math.max(peak, sum);
  }
  return peak;
}

/** A fresh local platform with the benchmark latency model; Jira checks off for speed. */
export function benchForge(seed?: JiraSeed, run: BenchRun = VIRTUAL_RUN): LocalForge {
  // With the app attached, queue events reach its consumer when a scenario drains them.
  // A real-wait run sets up on the virtual clock too; `measure` waits for real.
  const latency = run.realWait ? scaledLatency(DEFAULT_LATENCY, run.realWait) : DEFAULT_LATENCY;
  // No randomly failing batch items: a row counts what the app needs, not retries of noise.
  return new LocalForge({
    latency,
    validateJira: false,
    flakyBatchItems: 'off',
    ...(seed ? { seed } : {})
  }).useApp(app);
}

/** Runs `op` once with a reset meter and reads what it cost. Setup is not counted. */
export async function measure(
  forge: LocalForge,
  run: BenchRun,
  name: string,
  scale: string,
  op: () => Promise<unknown>,
  note?: string
): Promise<OperationRow> {
  // Each operation starts with the installation's full storage quota, whatever setup used.
  forge.host.clock.advance(60_000);
  forge.host.meter.reset();
  forge.host.emulatorMs = 0;
  forge.host.emulatorRunQueueMs = 0;
  if (run.realWait) forge.host.meter.setMode('real');
  // Every unit the quota bills, with the quota clock's time: the peak minute of a long job.
  const billed: Record<'read' | 'write', { at: number; amount: number }[]> = { read: [], write: [] };
  const quota = forge.host.kvsQuota;
  const charge = quota.charge.bind(quota);
  quota.charge = (kind, units) => {
    billed[kind].push({ at: forge.host.quotaClock.now(), amount: units });
    charge(kind, units);
  };
  const started = performance.now();
  const queuedBefore = runQueueWaitMs();
  try {
    await op();
  } finally {
    forge.host.meter.setMode('virtual');
    quota.charge = charge;
  }
  const wallMs = performance.now() - started;
  const s = forge.host.meter.snapshot();
  const row: OperationRow = {
    name,
    scale,
    kvsCalls: s.calls.kvs,
    kvsRoundTrips: s.roundTrips.kvs,
    jiraCalls: s.calls.jira,
    jiraRoundTrips: s.roundTrips.jira,
    // Includes the invoke from the browser, which is on every operation's critical path.
    modelledMs: s.modelledMs,
    kvsReadUnits: s.units.read,
    kvsWriteUnits: s.units.write,
    kvsWriteCalls: Object.entries(s.byPath)
      .filter(([label]) => label.startsWith('kvs ') && !KVS_READ_PATHS.has(label.slice(4)))
      .reduce((sum, [, n]) => sum + n, 0),
    peakReadUnitsPerMinute: peakPerMinute(billed.read),
    peakWriteUnitsPerMinute: peakPerMinute(billed.write)
  };
  if (run.realWait) {
    const queuedAfter = runQueueWaitMs();
    // The wait inside the host's own answers is already part of its time.
    const runQueueMs =
      queuedBefore === undefined || queuedAfter === undefined
        ? 0
        : queuedAfter - queuedBefore - forge.host.emulatorRunQueueMs;
    row.wall = {
      ms: Math.round(wallMs),
      engineMs: Math.round(forge.host.emulatorMs),
      runQueueMs: Math.round(runQueueMs)
    };
  }
  if (note) row.note = note;
  return row;
}

/** Wall time may exceed the scaled model by at most this much. */
export const CROSS_CHECK_TOLERANCE = 0.2;

export interface CrossCheck {
  name: string;
  scale: string;
  /** The virtual run's modelled time (queue backoff excluded), divided as the real run waited. */
  modelMs: number;
  wallMs: number;
  /** Wall time inside the local KVS engine and Jira: what Forge's services do within their latency. */
  engineMs: number;
  /** Wall time spent runnable but waiting for a CPU: the shared machine's load. */
  runQueueMs: number;
  ratio: number;
  ok: boolean;
}

/**
 * Compares a real-wait row with the virtual row of the same operation: wall time, less
 * the time the local host took to answer calls (Forge's own services work within the
 * latency the model charges) and less the time the process waited for a CPU outside
 * those answers (the shared machine's load, Linux only), must stay within 20 % of the
 * scaled model. A model that folds dependent calls together, or leaves out the app's
 * own CPU time, fails here.
 */
export function crossCheck(virtual: OperationRow, real: OperationRow, divisor: number): CrossCheck {
  const modelMs = (virtual.modelledMs - (virtual.queueWaitMs ?? 0)) / divisor;
  const wallMs = real.wall?.ms ?? 0;
  const engineMs = real.wall?.engineMs ?? 0;
  const runQueueMs = real.wall?.runQueueMs ?? 0;
  const ratio = modelMs > 0 ? (wallMs - engineMs - runQueueMs) / modelMs : 0;
  return {
    name: virtual.note ? `${virtual.name} (${virtual.note})` : virtual.name,
    scale: virtual.scale,
    modelMs: Math.round(modelMs * 10) / 10,
    wallMs,
    engineMs,
    runQueueMs,
    ratio: Math.round(ratio * 100) / 100,
    ok: ratio <= 1 + CROSS_CHECK_TOLERANCE
  };
}
