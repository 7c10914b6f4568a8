import { LocalForge } from '../local/host/local-forge';
import { DEFAULT_LATENCY, scaledLatency } from '../local/host/meter';
import type { JiraSeed } from '../local/jira/seed';
import * as app from '../src/index';

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
  /** Set in a real-wait run: wall time, and the part of it spent inside the local engines. */
  wall?: { ms: number; engineMs: number };
  note?: string;
  /** Forge storage quota units billed: 10 KB each, per request or batch item (limits-kvs-ce). */
  kvsReadUnits: number;
  kvsWriteUnits: number;
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
  if (run.realWait) forge.host.meter.setMode('real');
  const started = performance.now();
  try {
    await op();
  } finally {
    forge.host.meter.setMode('virtual');
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
    kvsWriteUnits: s.units.write
  };
  if (run.realWait) row.wall = { ms: Math.round(wallMs), engineMs: Math.round(forge.host.emulatorMs) };
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
  ratio: number;
  ok: boolean;
}

/**
 * Compares a real-wait row with the virtual row of the same operation: wall time, less
 * the time the local engines took (Forge's own services work within the latency the
 * model charges), must stay within 20 % of the scaled model. A model that folds
 * dependent calls together, or leaves out the app's own CPU time, fails here.
 */
export function crossCheck(virtual: OperationRow, real: OperationRow, divisor: number): CrossCheck {
  const modelMs = (virtual.modelledMs - (virtual.queueWaitMs ?? 0)) / divisor;
  const wallMs = real.wall?.ms ?? 0;
  const engineMs = real.wall?.engineMs ?? 0;
  const ratio = modelMs > 0 ? (wallMs - engineMs) / modelMs : 0;
  return {
    name: virtual.note ? `${virtual.name} (${virtual.note})` : virtual.name,
    scale: virtual.scale,
    modelMs: Math.round(modelMs * 10) / 10,
    wallMs,
    engineMs,
    ratio: Math.round(ratio * 100) / 100,
    ok: ratio <= 1 + CROSS_CHECK_TOLERANCE
  };
}
