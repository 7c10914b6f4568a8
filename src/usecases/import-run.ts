import { AppError } from '../domain/errors';
import { describeRefusedRow } from '../domain/import-row-message';
import { InsightInputSchema } from '../domain/insight';
import { parseWith } from '../domain/parse';
import { getInsights } from '../storage/insight-store';
import { getImportRun, getStagedRows, saveImportRun, type ImportRun } from '../storage/import-store';
import { runChainStep } from './checkpointed-step';
import { pushEvents } from '../sync/sync-queue';
import type { Env } from './actor';
import { startAccountRescore } from './account-rescore';
import { delayAfter, writeUnitsOf } from './import-pacing';
import { writeImportedRows, type RowToWrite } from './import-write';
import { retryOnConflict } from './retry-on-conflict';

/** Failed rows and account conflicts a run keeps with their reasons; beyond, it counts them. */
export const MAX_IMPORT_FAILURES = 100;

/** Queues step `step` of an import's run: its events run one at a time. */
export async function queueImportStep(run: ImportRun, step: number, delayInSeconds: number): Promise<void> {
  await pushEvents([
    {
      body: { kind: 'import', projectId: run.projectId, importId: run.importId, step },
      concurrencyKey: `import-${run.importId}`,
      ...(delayInSeconds > 0 ? { delayInSeconds } : {})
    }
  ]);
}

/**
 * Step `step` of an import's run writes chunk `step` and records progress, then queues
 * the next step after a delay that keeps the run's writes at its pace. However often
 * Forge delivers an event, its step runs once (see runChainStep); a step that failed
 * half way runs again and finishes what its first attempt started.
 */
export async function continueImport(
  event: { projectId: string; importId: string; step: number },
  env: Env
): Promise<void> {
  const run = await getImportRun(event.projectId, event.importId);
  // Expired, or never started: nothing to write.
  if (!run) return;
  let delay = 0;
  await runChainStep({
    step: event.step,
    checkpoint: run,
    now: env.now(),
    save: saveImportRun,
    work: async (checkpoint) => {
      const result = await writeChunk(checkpoint, env);
      delay = delayAfter(result.units);
      return { checkpoint: result.run, more: result.run.chunksDone < result.run.chunks };
    },
    queueNext: (step) => queueImportStep(run, step, delay)
  });
}

async function writeChunk(run: ImportRun, env: Env): Promise<{ run: ImportRun; units: number }> {
  const chunk = run.chunksDone;
  const staged = await getStagedRows(run.projectId, run.importId, chunk);
  const createdAt = new Date(run.createdAt);
  const failed: ImportRun['failed'] = [];
  const rows: RowToWrite[] = [];
  for (const { line, id, row } of staged) {
    try {
      rows.push({ line, id, input: parseWith(InsightInputSchema, row.insight, `row ${line}`) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ line, message: describeRefusedRow(line, error, row.insight) });
    }
  }
  let units = 0;
  // A row whose insight exists was created by an earlier import or an earlier chunk of
  // this one; a step run again learns which rows it had found new from its checkpoint.
  const existing = await getInsights(rows.map((r) => r.id));
  const resumed = run.pending?.chunk === chunk ? new Set(run.pending.fresh) : undefined;
  const fresh = rows.filter((r) => (resumed ? resumed.has(r.id) : !existing.has(r.id)));
  if (!resumed) {
    const pending = { chunk, fresh: fresh.map((r) => r.id) };
    await saveImportRun({ ...run, pending });
    units += writeUnitsOf({ ...run, pending });
  }
  const toWrite = fresh.filter((r) => !existing.has(r.id));
  const written =
    toWrite.length > 0
      ? await retryOnConflict(() =>
          writeImportedRows({ accountId: run.accountId }, run.projectId, createdAt, toWrite)
        )
      : { accountConflicts: [], filledExisting: [], units: 0 };
  units += written.units;
  for (const key of written.filledExisting) await startAccountRescore(key, run.projectId, env);

  const conflicts = [...(run.accountConflicts ?? []), ...written.accountConflicts];
  const next: ImportRun = {
    ...run,
    chunksDone: chunk + 1,
    done: run.done + staged.length,
    created: run.created + fresh.length,
    duplicates: run.duplicates + rows.length - fresh.length,
    failed: [...run.failed, ...failed].slice(0, MAX_IMPORT_FAILURES),
    failedCount: run.failedCount + failed.length
  };
  delete next.pending;
  if (conflicts.length > 0) next.accountConflicts = conflicts.slice(0, MAX_IMPORT_FAILURES);
  // The checkpoint's own write, and the one that marks the next step queued.
  units += 2 * writeUnitsOf(next);
  return { run: next, units };
}
