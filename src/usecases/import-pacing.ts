/**
 * How fast an import writes. Forge gives an installation 4 000 write units (10 KB each)
 * a minute (limits-kvs-ce); an import uses at most half, so the people using the app
 * while it runs keep the other half. It aims below that half: its unit counts are
 * estimates from the JSON it sends, and a step's writes land together.
 */
export const WRITE_UNITS_PER_MINUTE = 4000;
export const IMPORT_UNITS_PER_MINUTE = 1500;
const UNIT_BYTES = 10 * 1024;
/** Forge delays an event by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;
/** What storing an uploaded row costs, about: a long-quote row is near 1.3 KB. */
const STAGED_UNITS_PER_ROW = 0.15;

/** The write units of one request carrying `value`: one per started 10 KB. */
export function writeUnitsOf(value: unknown): number {
  return Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(value), 'utf8') / UNIT_BYTES));
}

/** How long to wait after writing `units` before the next step, to keep the pace. */
export function delayAfter(units: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.ceil((units * 60) / IMPORT_UNITS_PER_MINUTE));
}

/** The first step waits for the upload's own writes, as if it had been a step. */
export function firstStepDelaySeconds(rows: number): number {
  return delayAfter(rows * STAGED_UNITS_PER_ROW);
}
