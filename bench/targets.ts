import type { BrowserTiming } from './browser-timing';
import type { BundleRow } from './bundles';
import type { IntakeCost } from './intake-cost';
import type { OperationRow, Target } from './measure';
import { IMPORT_UNITS_PER_MINUTE } from '../src/usecases/import-pacing';

/**
 * The product's cost targets, one per kind of row. Each is judged from counts (round
 * trips, units, facts a scenario checked), never from wall time.
 */
const fact = (row: OperationRow, name: string): number | boolean | undefined => row.facts?.[name];

export const PANEL_READ: Target = {
  text: '1 KVS round trip, 0 Jira',
  floor: { invoke: 1, kvs: 1 },
  met: (r) => r.kvsRoundTrips <= 1 && r.jiraCalls === 0
};

export const PANEL_NEXT_PAGE: Target = {
  text: '≤ 2 KVS round trips, 0 Jira, flat',
  floor: { invoke: 1, kvs: 1 },
  met: (r) => r.kvsRoundTrips <= 2 && r.jiraCalls === 0
};

/** Link, unlink, edit and capture-and-link on a story under an epic. */
export const EVIDENCE_WRITE: Target = {
  text: '≤ 1 Jira + ≤ 2 KVS round trips, ≤ 20 read units, flat',
  floor: { invoke: 1, jira: 1, kvs: 2 },
  met: (r) => r.jiraRoundTrips <= 1 && r.kvsRoundTrips <= 2 && r.kvsReadUnits <= 20
};

export const SUBTASK_LINK: Target = {
  text: '1 Jira round trip',
  floor: { invoke: 1, jira: 1, kvs: 2 },
  met: (r) => r.jiraRoundTrips <= 1
};

export const RANKED_PAGE: Target = {
  text: 'full page of 50, ≤ 10 read units, flat',
  floor: { invoke: 1, kvs: 1, jira: 1 },
  met: (r) => fact(r, 'items') === 50 && r.kvsReadUnits <= 10
};

export const LIBRARY_SEARCH: Target = {
  text: 'finds the match, ≤ 3 round trips',
  floor: { invoke: 1, kvs: 1 },
  met: (r) => fact(r, 'found') === true && r.kvsRoundTrips + r.jiraRoundTrips <= 3
};

/** Half of Forge's 4 000 units a minute (limits-kvs-ce), read and write alike. */
export const HALF_QUOTA_UNITS = 2000;

const withinHalfQuota = (r: OperationRow): boolean =>
  r.peakReadUnitsPerMinute <= HALF_QUOTA_UNITS && r.peakWriteUnitsPerMinute <= HALF_QUOTA_UNITS;

export const ACCOUNT_RESCORE: Target = {
  text: 'every affected issue rescored, no event lost',
  floor: { invoke: 1, kvs: 2, queue: 1 },
  met: (r) => fact(r, 'rescored') === fact(r, 'affected') && fact(r, 'failedEvents') === 0
};

export const FAN_OUT_JOB: Target = {
  text: 'nothing half-visible at the end, no event lost',
  floor: { invoke: 1, kvs: 2, queue: 1 },
  met: (r) => fact(r, 'consistent') === true && fact(r, 'failedEvents') === 0
};

export const DAILY_REFRESH: Target = {
  text: '≤ half of 4 000 read / write units in any minute',
  floor: { invoke: 1, kvs: 2, jira: 1 },
  met: (r) => withinHalfQuota(r) && fact(r, 'failedEvents') === 0
};

export const CSV_IMPORT: Target = {
  text: '0 lost rows, ≤ 1.1 write calls per row, progress per call',
  floor: { invoke: 1, kvs: 1 },
  met: (r) =>
    fact(r, 'lostRows') === 0 &&
    r.kvsWriteCalls <= 1.1 * Number(fact(r, 'rows')) &&
    fact(r, 'progress') === true
};

/** Rows kept for comparison: measured and printed, with no target of their own. */
export const NO_TARGET = (floor: Target['floor']): Target => ({ text: '—', floor, met: () => undefined });

/** A target on a row that is not an operation: what it says, and whether the row meets it. */
export interface RowTarget<R> {
  text: string;
  met: (row: R) => boolean | undefined;
}

/** Gzip KiB each Custom UI entry may make the browser download before it can render. */
const BUNDLE_KIB: Readonly<Record<string, number>> = { panel: 120, project: 180, admin: 80 };

export function bundleTarget(entry: string): RowTarget<BundleRow> {
  const kib = BUNDLE_KIB[entry];
  if (kib === undefined) return { text: '—', met: () => undefined };
  return { text: `≤ ${kib} KiB gzip`, met: (r) => r.gzipBytes <= kib * 1024 };
}

/**
 * Time to first evidence in headless Chromium, as a ratio to the floor page measured in
 * the same run (so the machine's speed cancels out): the panel may take half as long
 * again as one invoke with no framework at all. The floor row itself is not judged.
 */
export const FIRST_EVIDENCE: RowTarget<BrowserTiming> = {
  text: '≤ 1.5 × floor',
  met: (r) => (r.isFloor ? undefined : r.ratioToFloor <= 1.5)
};

/** Intake, like the CSV import: at most 1.1 storage write calls per new insight. */
export const INTAKE_WRITES_PER_NEW: RowTarget<IntakeCost> = {
  text: '≤ 1.1 write calls per new insight',
  met: (r) => r.writeCallsPerNewInsight <= 1.1
};

/** A redelivered item whose insight holds its content costs no write at all. */
export const INTAKE_WRITES_PER_DUPLICATE: RowTarget<IntakeCost> = {
  text: '0 write calls per duplicate',
  met: (r) => r.writeCallsPerDuplicate === 0
};

/**
 * New insights a minute that the write quota allows: intake writes at the import's pace,
 * IMPORT_UNITS_PER_MINUTE (1 500) of Forge's 4 000 write units a minute, so a sustained
 * minute holds 1 500 ÷ (write units per new insight). A run shorter than a minute is a
 * burst and may show more; what is judged is that no minute went over half the quota
 * and no delivery was answered 503.
 */
export function intakeQuotaRate(r: IntakeCost): number {
  return Math.floor(IMPORT_UNITS_PER_MINUTE / r.writeUnitsPerNewInsight);
}

export const INTAKE_RATE: RowTarget<IntakeCost> = {
  text: `≤ ${HALF_QUOTA_UNITS} write units in any minute, no 503`,
  met: (r) => r.peakWriteUnitsInAMinute <= HALF_QUOTA_UNITS && r.busyAnswers === 0
};
