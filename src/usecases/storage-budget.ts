/**
 * How fast a rescore run may use storage. Forge gives an installation 4 000 read and
 * 4 000 write units a minute (a unit is a request's started 10 KB, at least one per
 * request or batch item); a run may use half, so people working while it runs are
 * never throttled. The half is shared by the sweep (a fixed reserve) and at most
 * `RUN_CHAINS` project chains running at once, each paced to its share.
 */
export const RUN_UNITS_PER_MINUTE = 2000;
export const UNIT_BYTES = 10 * 1024;
/** Project chains a run keeps going at once: the sweep starts another when one ends. */
export const RUN_CHAINS = 8;
/** What a sweep step reads and writes, six steps a minute, with room to spare. */
export const SWEEP_RESERVE_UNITS = 200;
/** Issues a chain's first page reads: small, as nothing is known yet of what a page costs. */
export const FIRST_PAGE_ISSUES = 20;
export const MIN_PAGE_ISSUES = 5;
/** Forge delays an event by at most 15 minutes. */
export const MAX_DELAY_SECONDS = 900;

export interface Units {
  read: number;
  write: number;
}

/** Units a request of `bytes` costs. */
export function unitsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}

/** Bytes of a value as storage sends or receives it (JSON, UTF-8). */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** One chain's share of the run's units a minute, read and write alike. */
export function chainShare(): number {
  return Math.floor((RUN_UNITS_PER_MINUTE - SWEEP_RESERVE_UNITS) / RUN_CHAINS);
}

/**
 * A chain spends a page's units, then waits `60 × units / rate` seconds before the next
 * page, so pages paced at `rate` a minute put at most `rate` plus one page in any
 * minute. Pacing at three quarters of the share, and keeping a page to a quarter of it
 * (`nextPageSize`), keeps a chain within its share.
 */
export function pageDelaySeconds(used: Units, share: number = chainShare()): number {
  const rate = (share * 3) / 4;
  const seconds = Math.ceil((60 * Math.max(used.read, used.write)) / rate);
  return Math.min(MAX_DELAY_SECONDS, seconds);
}

/**
 * Issues the next page may take so that it costs about a quarter of the share, assuming
 * issues cost what this page's did: never more than `maxIssues`, at most double the last
 * page (costs vary between pages), and at least `MIN_PAGE_ISSUES`.
 */
export function nextPageSize(
  issues: number,
  used: Units,
  maxIssues: number,
  share: number = chainShare()
): number {
  const target = share / 4;
  const heaviest = Math.max(used.read, used.write);
  const fitted = heaviest <= 0 || issues <= 0 ? maxIssues : Math.floor((issues * target) / heaviest);
  return Math.max(Math.min(MIN_PAGE_ISSUES, maxIssues), Math.min(maxIssues, Math.max(1, issues) * 2, fitted));
}
