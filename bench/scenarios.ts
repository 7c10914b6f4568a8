import { SEVERITIES } from '../src/domain/vocabulary';
import { scoreEvidence, type ScoringItem } from '../src/domain/scoring/score';
import { DEFAULT_SCORING_SETTINGS } from '../src/domain/scoring/settings';
import { benchForge, judge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import { CSV_IMPORT, PANEL_READ } from './targets';
import {
  benchSeed,
  call,
  captureMany,
  insightInput,
  linkAll,
  panelHandler,
  panelSite,
  projectHandler,
  realisticQuote
} from './fixtures';

/** An epic over 50 stories with 2 insights each: reading its roll-up. */
export async function epicRollUp(run: BenchRun = VIRTUAL_RUN): Promise<OperationRow[]> {
  const { seed, epicId, childIds, projectId } = benchSeed(50);
  const forge = benchForge(seed, run);
  try {
    const ids = await captureMany(forge, projectId, 101);
    for (const [i, childId] of childIds.entries())
      await linkAll(forge, projectId, childId, ids.slice(i * 2, i * 2 + 2));
    // The panel asks what the user may do on every load, which remembers their access to
    // the issue: the evidence read that follows is the one measured.
    await call(forge, panelHandler, panelSite(projectId, epicId), 'panel/getAccess', {});
    return [
      judge(
        await measure(forge, run, 'epic panel read (roll-up stored)', '50 children', () =>
          call(forge, panelHandler, panelSite(projectId, epicId), 'panel/getEvidence', {})
        ),
        PANEL_READ
      )
    ];
  } finally {
    forge.stop();
  }
}

/** CPU time of scoring n insights on one issue (median of 5), no I/O. */
export function scoringCpu(n: number): { name: string; scale: string; cpuMs: number } {
  const items: ScoringItem[] = Array.from({ length: n }, (_, i) => ({
    insightId: `i${i}`,
    accountKey: `acct-${i % 2000}`,
    accountName: `Account ${i % 2000}`,
    segment: 'mid_market',
    arr: 1000 * (i % 300),
    severity: SEVERITIES[i % 4]!,
    observedAt: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString()
  }));
  const now = new Date(Date.UTC(2026, 10, 24));
  const runs: number[] = [];
  for (let r = 0; r < 5; r += 1) {
    const start = process.cpuUsage();
    scoreEvidence(items, DEFAULT_SCORING_SETTINGS, now);
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  return { name: 'score one issue (CPU)', scale: `${n} insights`, cpuMs: Math.round(runs[2]! * 10) / 10 };
}

/** A quote of exactly 1 000 characters, as long support tickets carry. */
function longQuote(i: number): string {
  let quote = realisticQuote(i);
  while (quote.length < 1000) quote = `${quote} ${realisticQuote(i + quote.length)}`;
  return quote.slice(0, 1000);
}

/**
 * CSV import as the project page sends a file: uploaded through `project/importInsights`
 * in chunks of 100 rows, started, and written by its queued run (drained here, delays
 * and all): rows lost, storage write calls per row and rows per second under the model.
 */
export async function importThroughput(
  rows: number,
  run: BenchRun = VIRTUAL_RUN
): Promise<OperationRow & { rowsPerSecond: number; kvsCallsPerRow: number; writeCallsPerRow: number }> {
  const { seed, projectId } = benchSeed(0);
  const forge = benchForge(seed, run);
  try {
    const all = Array.from({ length: rows }, (_, i) => ({
      line: i + 2,
      key: `ticket-${i}`,
      insight: { ...insightInput(i), quote: longQuote(i), observedAt: '2026-11-01' }
    }));
    let created = 0;
    let answers = 0;
    let stopped: string | undefined;
    const site = { module: 'projectPage' as const, projectId };
    const importId = 'bench-import';
    const row = await measure(
      forge,
      run,
      'CSV import (chunks of 100 rows, 1 000-char quotes)',
      `${rows.toLocaleString('en-US')} rows`,
      async () => {
        let chunk = 0;
        let queued = 0;
        for (let i = 0; i < all.length; i += 100, chunk += 1) {
          try {
            const report = (await call(forge, projectHandler, site, 'project/importInsights', {
              importId,
              chunk,
              rows: all.slice(i, i + 100)
            })) as { queued: unknown[] };
            queued += report.queued.length;
            answers += 1;
          } catch (error) {
            // A finding, not a crash: say where the import stopped and why.
            stopped = error instanceof Error ? error.message : String(error);
            return;
          }
        }
        await call(forge, projectHandler, site, 'project/startImport', {
          importId,
          chunks: chunk,
          total: queued
        });
        await forge.drainQueues();
        const progress = (await call(forge, projectHandler, site, 'project/importProgress', {
          importId
        })) as {
          created: number;
          duplicates: number;
        };
        created = progress.created + progress.duplicates;
      }
    );
    const done = Math.max(1, created);
    const rowsPerSecond = Math.round((done / row.modelledMs) * 1000);
    const writeCallsPerRow = Math.round((row.kvsWriteCalls / rows) * 100) / 100;
    return {
      ...judge(
        {
          ...row,
          note: stopped
            ? `stopped after ${created} rows: ${stopped}`
            : `${rowsPerSecond} rows/s modelled, ${writeCallsPerRow} write calls per row`,
          facts: { rows, lostRows: rows - created, progress: answers === Math.ceil(rows / 100) }
        },
        CSV_IMPORT
      ),
      rowsPerSecond,
      kvsCallsPerRow: Math.round((row.kvsCalls / done) * 100) / 100,
      writeCallsPerRow
    };
  } finally {
    forge.stop();
  }
}
