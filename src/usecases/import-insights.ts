import { AppError, ValidationError } from '../domain/errors';
import { describeRefusedRow } from '../domain/import-row-message';
import { keyedId } from './keyed-id';
import { installationSecret } from '../storage/installation-secret';
import { InsightInputSchema, type Insight } from '../domain/insight';
import { parseWith } from '../domain/parse';
import { getInsights } from '../storage/insight-store';
import {
  getImportRun,
  saveImportRun,
  saveStagedRows,
  type ImportRun,
  type StagedRow
} from '../storage/import-store';
import type { ImportProgressView, ImportReport } from '../contract/views';
import type { Actor, Env } from './actor';
import { newInsight, type InsightInput } from './prepare-capture';
import { firstStepDelaySeconds } from './import-pacing';
import { queueImportStep } from './import-run';

export interface ImportRow {
  line: number;
  key?: string;
  insight: unknown;
}

/**
 * An imported row's id derives from the project and the row's source key (or, without
 * one, its content), keyed with the installation's secret: importing the same file twice
 * finds the first import's insights and creates nothing (the write of a new row is
 * conditioned on its id being absent), yet nobody can compute an insight's id from a
 * ticket key to reach it through another endpoint.
 */
export function importedInsightId(
  secret: string,
  projectId: string,
  row: { key?: string },
  input: InsightInput
): string {
  return `imp-${keyedId(secret, { projectId, ...(row.key !== undefined ? { key: row.key } : { content: input }) })}`;
}

/**
 * Uploads one chunk of an import (the page sends a file in chunks under Forge's payload
 * limit). Every row is validated here, on its own: an invalid row is reported with its
 * line and reason and never stored; a row already in the library, or repeated in the
 * chunk, is reported as a duplicate; the rest are stored in one write as the chunk's
 * queued rows, which the import's run turns into insights once every chunk is up
 * (`startImport`). Sending a chunk again replaces it.
 */
export async function importInsights(
  actor: Actor,
  env: Env,
  projectId: string,
  payload: { importId: string; chunk: number; rows: readonly ImportRow[] }
): Promise<ImportReport> {
  const secret = await installationSecret();
  const report: ImportReport = { queued: [], duplicates: [], invalid: [] };
  const accepted: StagedRow[] = [];
  const seen = new Set<string>();
  const now = env.now();
  for (const row of payload.rows) {
    try {
      const input = parseWith(InsightInputSchema, row.insight, `row ${row.line}`);
      const id = importedInsightId(secret, projectId, row, input);
      if (seen.has(id)) {
        report.duplicates.push({ line: row.line, insightId: id });
        continue;
      }
      // Also rejects observation dates in the future.
      newInsight(input, projectId, actor, { now: () => now, newId: () => id });
      seen.add(id);
      accepted.push({
        line: row.line,
        id,
        row: row.key !== undefined ? { insight: row.insight, key: row.key } : { insight: row.insight }
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.invalid.push({
        line: row.line,
        message: describeRefusedRow(row.line, error, row.insight),
        fieldIssues: error.fieldIssues
      });
    }
  }
  const existing =
    accepted.length > 0 ? await getInsights(accepted.map((r) => r.id)) : new Map<string, Insight>();
  const fresh = accepted.filter((r) => !existing.has(r.id));
  for (const r of accepted) {
    (existing.has(r.id) ? report.duplicates : report.queued).push({ line: r.line, insightId: r.id });
  }
  report.duplicates.sort((a, b) => a.line - b.line);
  await saveStagedRows(projectId, payload.importId, payload.chunk, fresh);
  return report;
}

/**
 * Starts writing an uploaded import: a chain of queue events, one chunk each, paced to
 * half of the installation's storage write quota so the people using the app meanwhile
 * are not throttled. Starting an import that already started answers its progress.
 */
export async function startImport(
  actor: Actor,
  env: Env,
  projectId: string,
  payload: { importId: string; chunks: number; total: number }
): Promise<ImportProgressView> {
  const stored = await getImportRun(projectId, payload.importId);
  if (stored) {
    if (stored.accountId !== actor.accountId)
      throw new ValidationError('This import was started by someone else.');
    return progressOf(stored);
  }
  const now = env.now().toISOString();
  const run: ImportRun = {
    importId: payload.importId,
    projectId,
    accountId: actor.accountId,
    createdAt: now,
    chunks: payload.chunks,
    chunksDone: 0,
    total: payload.total,
    done: 0,
    created: 0,
    duplicates: 0,
    failed: [],
    failedCount: 0,
    steps: 0,
    nextQueued: false,
    finished: false,
    updatedAt: now
  };
  await saveImportRun(run);
  await queueImportStep(run, 0, firstStepDelaySeconds(payload.total));
  await saveImportRun({ ...run, nextQueued: true });
  return progressOf(run);
}

/** An import's progress, as the project page polls it; none for an unknown import. */
export async function importProgress(
  projectId: string,
  importId: string
): Promise<ImportProgressView | null> {
  const run = await getImportRun(projectId, importId);
  return run ? progressOf(run) : null;
}

export function progressOf(run: ImportRun): ImportProgressView {
  const view: ImportProgressView = {
    importId: run.importId,
    status: run.finished ? 'done' : 'running',
    chunks: run.chunks,
    chunksDone: run.chunksDone,
    total: run.total,
    done: run.done,
    created: run.created,
    duplicates: run.duplicates,
    failed: run.failed,
    failedCount: run.failedCount
  };
  if (run.accountConflicts && run.accountConflicts.length > 0) view.accountConflicts = run.accountConflicts;
  return view;
}
