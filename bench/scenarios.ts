import { SEVERITIES } from '../src/domain/vocabulary';
import { scoreEvidence, type ScoringItem } from '../src/domain/scoring/score';
import { DEFAULT_SCORING_SETTINGS } from '../src/domain/scoring/settings';
import { ENTITY } from '../src/storage/entities';
import type { ImpactRecord } from '../src/storage/records';
import type { LocalForge } from '../local/host/local-forge';
import { benchForge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import {
  benchSeed,
  call,
  captureMany,
  insightInput,
  linkAll,
  LINK_NOTE,
  panelHandler,
  panelSite,
  projectHandler,
  realisticCards
} from './fixtures';

/** Panel first paint for an issue with `n` linked insights: the floor is 1 KVS read. */
export async function panelRead(n: number, run: BenchRun = VIRTUAL_RUN): Promise<OperationRow[]> {
  const { seed, childIds, projectId } = benchSeed(1);
  const forge = benchForge(seed, run);
  try {
    const issueId = childIds[0]!;
    await linkAll(forge, projectId, issueId, await captureMany(forge, projectId, n));
    const site = panelSite(projectId, issueId);
    const rows = [
      await measure(forge, run, 'panel read (getEvidence)', `${n} insights`, () =>
        call(forge, panelHandler, site, 'panel/getEvidence', {})
      )
    ];
    if (n > 20)
      rows.push(
        await measure(forge, run, 'panel next page (listCards)', `${n} insights`, () =>
          call(forge, panelHandler, site, 'panel/listCards', {})
        )
      );
    return rows;
  } finally {
    forge.stop();
  }
}

/** An epic over 50 stories with 2 insights each: reading it, and a link under it. */
export async function epicRollUp(run: BenchRun = VIRTUAL_RUN): Promise<OperationRow[]> {
  const { seed, epicId, childIds, projectId } = benchSeed(50);
  const forge = benchForge(seed, run);
  try {
    const ids = await captureMany(forge, projectId, 101);
    for (const [i, childId] of childIds.entries())
      await linkAll(forge, projectId, childId, ids.slice(i * 2, i * 2 + 2));
    return [
      await measure(forge, run, 'epic panel read (roll-up stored)', '50 children', () =>
        call(forge, panelHandler, panelSite(projectId, epicId), 'panel/getEvidence', {})
      ),
      await measure(forge, run, 'link under epic (rescore story + epic)', '50 children', () =>
        call(forge, panelHandler, panelSite(projectId, childIds[0]!), 'panel/link', {
          insightIds: [ids[100]!],
          note: LINK_NOTE
        })
      )
    ];
  } finally {
    forge.stop();
  }
}

/** Writes `n` scored impacts straight into the engine (setup, not measured). */
function seedImpacts(forge: LocalForge, projectId: string, issueIds: readonly string[]): void {
  for (let i = 0; i < issueIds.length; i += 25) {
    const items = issueIds.slice(i, i + 25).map((issueId, j) => {
      const score = (((i + j) * 7919) % 100000) / 100 + 0.01;
      const value: Omit<ImpactRecord, 'readModel'> & { readModel: object } = {
        issueId,
        projectId,
        score,
        accounts: 1 + ((i + j) % 9),
        arr: 1000 * ((i + j) % 500),
        insightCount: 1 + ((i + j) % 20),
        lastEvidenceAt: '2026-11-01T00:00:00.000Z',
        formulaVersion: 1,
        settingsHash: 'bench',
        // A read model with one realistic evidence card (quote, note, tags): the row size
        // of a typical issue; 100 000 of them stay within the machine's memory and time.
        readModel: { issueId, cards: realisticCards(issueId, 1), totalCards: 1 },
        version: 1,
        updatedAt: '2026-11-01T00:00:00.000Z'
      };
      return { entityName: ENTITY.impact, key: issueId, value };
    });
    const answer = forge.kvs.handle('/api/v1/batch/set', items);
    if (answer.status >= 300) throw new Error(`seeding impacts failed: ${JSON.stringify(answer.body)}`);
  }
}

/** A ranked page of 50 for a project with `n` scored issues: must not grow with n. */
export async function rankedPage(n: number, run: BenchRun = VIRTUAL_RUN): Promise<OperationRow> {
  const { seed, projectId } = benchSeed(0, n);
  const forge = benchForge(seed, run);
  try {
    const ids = seed.issues
      .filter((i) => i.projectId === projectId)
      .map((i) => i.id)
      .slice(0, n);
    seedImpacts(forge, projectId, ids);
    return await measure(forge, run, 'ranked page of 50', `${n} issues`, () =>
      call(forge, projectHandler, { module: 'projectPage', projectId }, 'project/rankedIssues', { limit: 50 })
    );
  } finally {
    forge.stop();
  }
}

/** Linking 1 and 25 insights to a story under an epic. */
export async function linking(run: BenchRun = VIRTUAL_RUN): Promise<OperationRow[]> {
  const { seed, childIds, projectId } = benchSeed(2);
  const forge = benchForge(seed, run);
  try {
    const ids = await captureMany(forge, projectId, 26);
    const site = panelSite(projectId, childIds[0]!);
    return [
      await measure(forge, run, 'link 1 insight', 'story under epic', () =>
        call(forge, panelHandler, site, 'panel/link', { insightIds: [ids[0]!], note: LINK_NOTE })
      ),
      await measure(forge, run, 'link 25 insights at once', 'story under epic', () =>
        call(forge, panelHandler, panelSite(projectId, childIds[1]!), 'panel/link', {
          insightIds: ids.slice(1, 26),
          note: LINK_NOTE
        })
      ),
      await measure(forge, run, 'capture and link', 'story under epic', () =>
        call(forge, panelHandler, site, 'panel/captureAndLink', {
          insight: { ...insightInput(7), sourceKind: 'interview', observedAt: '2026-11-20' },
          note: LINK_NOTE
        })
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

/**
 * CSV import as the project page sends a file: uploaded through `project/importInsights`
 * in chunks of 100 rows, started, and written by its queued run (drained here, delays
 * and all): storage calls per row and rows per second under the latency model.
 */
export async function importThroughput(
  rows: number,
  run: BenchRun = VIRTUAL_RUN
): Promise<OperationRow & { rowsPerSecond: number; kvsCallsPerRow: number }> {
  const { seed, projectId } = benchSeed(0);
  const forge = benchForge(seed, run);
  try {
    const all = Array.from({ length: rows }, (_, i) => ({
      line: i + 2,
      key: `ticket-${i}`,
      insight: { ...insightInput(i), observedAt: '2026-11-01' }
    }));
    let imported = 0;
    let stopped: string | undefined;
    const site = { module: 'projectPage' as const, projectId };
    const importId = 'bench-import';
    const row = await measure(forge, run, 'CSV import (chunks of 100 rows)', `${rows} rows`, async () => {
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
      const progress = (await call(forge, projectHandler, site, 'project/importProgress', { importId })) as {
        done: number;
      };
      imported = progress.done;
    });
    const done = Math.max(1, imported);
    return {
      ...row,
      ...(stopped ? { note: `stopped after ${imported} rows: ${stopped}` } : {}),
      rowsPerSecond: Math.round((done / row.modelledMs) * 1000),
      kvsCallsPerRow: Math.round((row.kvsCalls / done) * 100) / 100
    };
  } finally {
    forge.stop();
  }
}
