import { LocalForge } from '../local/host/local-forge';
import { DEFAULT_LATENCY } from '../local/host/meter';
import type { JiraSeed } from '../local/jira/seed';
import * as app from '../src/index';

export interface OperationRow {
  name: string;
  scale: string;
  kvsCalls: number;
  kvsRoundTrips: number;
  jiraCalls: number;
  jiraRoundTrips: number;
  /** Time under the fixed latency model: Σ over sequential waves of the slowest call. */
  modelledMs: number;
  /** Round trips relative to the panel's floor (one invoke + one KVS read), where meaningful. */
  note?: string;
  /** Forge storage quota units billed: 10 KB each, per request or batch item (limits-kvs-ce). */
  kvsReadUnits: number;
  kvsWriteUnits: number;
}

/** A fresh local platform with the benchmark latency model; Jira checks off for speed. */
export function benchForge(seed?: JiraSeed): LocalForge {
  // With the app attached, queue events reach its consumer when a scenario drains them.
  // No randomly failing batch items: a row counts what the app needs, not retries of noise.
  return new LocalForge({ latency: DEFAULT_LATENCY, validateJira: false, flakyBatchItems: 'off', ...(seed ? { seed } : {}) }).useApp(app);
}

/** Runs `op` once with a reset meter and reads what it cost. Setup is not counted. */
export async function measure(forge: LocalForge, name: string, scale: string, op: () => Promise<unknown>, note?: string): Promise<OperationRow> {
  // Each operation starts with the installation's full storage quota, whatever setup used.
  forge.host.clock.advance(60_000);
  forge.host.meter.reset();
  await op();
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
  if (note) row.note = note;
  return row;
}
