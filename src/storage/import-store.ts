import { kvs } from '@forge/kvs';
import type { ImportProgressView } from '../contract/views';
import { entityKey } from './entities';
import { guarded } from './kvs-failure';
import type { ChainCheckpoint } from './rescore-store';

/**
 * An import in storage: the rows accepted at upload, a chunk per upload call, and the
 * run that writes them as insights, a chunk per queue event. Both are bookkeeping: they
 * expire a week after their last write.
 */
const BOOKKEEPING_TTL = { ttl: { value: 7, unit: 'DAYS' } } as const;

/**
 * An accepted row: its line in the file, the insight id it gets, and the row as sent
 * (the run parses it again with the same schema, so it writes exactly what was checked).
 */
export interface StagedRow {
  line: number;
  id: string;
  row: { key?: string; insight: unknown };
}

/** The run's checkpoint: step n writes chunk n; the counts are what the page shows. */
export interface ImportRun extends ChainCheckpoint, Omit<ImportProgressView, 'status'> {
  projectId: string;
  accountId: string;
  /** Every insight of the import is created at this time: they share their search-term rows. */
  createdAt: string;
  /** The step under way and the rows it found new, saved before it writes any of them. */
  pending?: { chunk: number; fresh: string[] };
}

const runKey = (projectId: string, importId: string): string =>
  `import:${entityKey(projectId, 'project id')}:${entityKey(importId, 'import id')}`;
const chunkKey = (projectId: string, importId: string, chunk: number): string =>
  `${runKey(projectId, importId)}:rows:${chunk}`;

export async function saveStagedRows(
  projectId: string,
  importId: string,
  chunk: number,
  rows: readonly StagedRow[]
): Promise<void> {
  await guarded(() => kvs.set(chunkKey(projectId, importId, chunk), { rows }, BOOKKEEPING_TTL));
}

/** A chunk's accepted rows; none when the chunk was never uploaded (or had none). */
export async function getStagedRows(
  projectId: string,
  importId: string,
  chunk: number
): Promise<StagedRow[]> {
  const stored = await guarded(() => kvs.get<{ rows: StagedRow[] }>(chunkKey(projectId, importId, chunk)));
  return stored?.rows ?? [];
}

export async function getImportRun(projectId: string, importId: string): Promise<ImportRun | undefined> {
  return guarded(() => kvs.get<ImportRun>(runKey(projectId, importId)));
}

export async function saveImportRun(run: ImportRun): Promise<void> {
  await guarded(() => kvs.set(runKey(run.projectId, run.importId), run, BOOKKEEPING_TTL));
}
