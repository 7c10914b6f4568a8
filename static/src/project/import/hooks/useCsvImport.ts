import type { AccountConflict } from '../../../../../src/domain/account-edit';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportProgressView, ImportReport } from '../../../../../src/contract/views';
import { useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  invalidateContractKeys,
  setContractQueryData,
  toApiError,
  useContractMutation,
  useContractQuery
} from '../../../api';
import { SavedImportMappingsSchema } from '../../../../../src/domain/import-value-mappings';
import { presetById, type PresetId } from '../model/import-presets';
import {
  applyPreset,
  detectPreset,
  emptyValueMappings,
  mappingsToSave,
  mergeMappings,
  setValueChoice,
  type EnumImportField,
  type ImportValueMappings,
  type ValueChoice
} from '../model/value-mapping';
import { parseCsv, type CsvFile } from '../model/csv-file';
import { autoMatch, DEFAULT_FIXED, type ColumnMapping, type FixedValues } from '../model/import-mapping';
import {
  chunkRows,
  prepareImport,
  type ImportRowPayload,
  type InvalidRow,
  type PreparedImport
} from '../model/import-rows';

export interface LoadedFile {
  name: string;
  csv: CsvFile;
}

export interface ImportRun {
  /**
   * uploading: rows are sent and checked; running: the server writes them (polled);
   * failed: a call failed (retry resumes); done: every row is written or reported.
   */
  status: 'uploading' | 'running' | 'failed' | 'done';
  /** Every data row of the file. */
  total: number;
  /** Rows checked so far: refused here, or sent and answered by the server. */
  checked: number;
  /** Rows the server accepted, which its import run writes. */
  queued: number;
  /** Accepted rows the run has dealt with so far. */
  written: number;
  created: number;
  duplicates: number;
  /** Refused here or by the server, by line once the run is over. */
  invalid: InvalidRow[];
  /** Rows not sent because a value of theirs is mapped to "skip row". */
  skipped: number;
  /** Lines whose account differs from the stored one: the stored values were kept. */
  accountConflicts: (AccountConflict & { line: number })[];
  error?: ApiError;
}

/** Rows of the file that are finished: refused or already there at upload, or written since. */
export function rowsFinished(run: ImportRun): number {
  return run.status === 'uploading' || (run.status === 'failed' && run.checked < run.total)
    ? run.checked - run.queued
    : run.total - run.queued + run.written;
}

export interface CsvImport {
  file: LoadedFile | null;
  mapping: ColumnMapping;
  fixed: FixedValues;
  /** The support tool whose words are mapped (detected from the headers, or picked). */
  preset: PresetId | null;
  /** The value mappings in force: the preset's, the project's saved ones over them, this import's over both. */
  values: ImportValueMappings;
  /** Every row mapped and checked with the shared schema (what will be sent or refused). */
  prepared: PreparedImport | null;
  run: ImportRun | null;
  load: (name: string, text: string) => void;
  setColumn: (field: keyof ColumnMapping, column: string) => void;
  setFixed: <K extends keyof FixedValues>(key: K, value: FixedValues[K]) => void;
  setPreset: (preset: PresetId | null) => void;
  /** Maps one value of an enumerated column (undefined: back to unmapped). */
  setValue: (field: EnumImportField, value: string, choice: ValueChoice | undefined) => void;
  /** The mappings could not be saved for the next import (the import itself goes on). */
  saveFailed: boolean;
  start: () => void;
  retry: () => void;
  reset: () => void;
}

function emptyMapping(): ColumnMapping {
  return autoMatch([]);
}

/** How often the page asks how far the server's import run has come. */
export const POLL_MS = 2000;

/** An id for one import of a file: the server keys the import's storage by project and this. */
function newImportId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The server's run being followed: the upload's reports it started from, and its id. */
interface Followed {
  base: ImportRun;
  importId: string;
}

/**
 * The CSV import: parse, map columns (pre-filled from the headers), check every row
 * with the shared schema, then upload the valid rows in chunks under Forge's payload
 * limits, one call after another; the server checks each row again, reports the ones it
 * refuses or already has, and keeps the rest. Once every chunk is up, the server writes
 * them in the background at a pace its storage quota allows, and the page polls its
 * progress until it is done. Rows refused here are not sent but are reported like the
 * server's: none is dropped silently. A failed call stops the run; retrying resumes at
 * that chunk (uploading a chunk again replaces it), or resumes polling. The polling is a
 * query with a `refetchInterval` that stops once the run is done or a poll failed.
 */
export function useCsvImport(now: () => Date = () => new Date(), pollMs: number = POLL_MS): CsvImport {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(emptyMapping);
  const [fixed, setFixedValues] = useState<FixedValues>(DEFAULT_FIXED);
  const [preset, setPresetState] = useState<PresetId | null>(null);
  // This import's own choices; the preset's and the saved ones sit under them.
  const [edits, setEdits] = useState<ImportValueMappings>(emptyValueMappings);
  const savedMappings = useContractQuery('project/getImportMappings', {}, { staleTime: Infinity });
  const saved = savedMappings.data ?? null;
  const { mutateAsync: uploadChunk } = useContractMutation('project/importInsights');
  const { mutateAsync: startRun } = useContractMutation('project/startImport');
  const saveMappings = useContractMutation('project/saveImportMappings', {
    invalidates: ['project/getImportMappings']
  });
  // The run while its rows are uploaded (and a failure to start it); then `followed`.
  const [run, setRun] = useState<ImportRun | null>(null);
  const [followed, setFollowed] = useState<Followed | null>(null);
  const client = useQueryClient();
  const chunks = useRef<ImportRowPayload[][]>([]);
  const importId = useRef('');
  // What the upload reported, before any of the run's progress (a retry follows from it).
  const uploaded = useRef<ImportRun | null>(null);
  // The chunk a failed upload stops at, where "Retry" resumes (past the last: the run was started).
  const resumeAt = useRef(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // Read when the file or mapping changes (it dates the "not in the future" check), not a dependency.
  const clock = useRef(now);
  clock.current = now;
  const values = useMemo(() => {
    const base = preset ? applyPreset(emptyValueMappings(), presetById(preset)) : emptyValueMappings();
    return mergeMappings(mergeMappings(base, saved?.values ?? emptyValueMappings()), edits);
  }, [preset, saved, edits]);
  const prepared = useMemo(
    () => (file ? prepareImport(file.csv.rows, mapping, fixed, clock.current(), values) : null),
    [file, mapping, fixed, values]
  );

  const savedPreset = saved?.preset ?? null;
  const load = useCallback(
    (name: string, text: string) => {
      const csv = parseCsv(text);
      setFile({ name, csv });
      setMapping(autoMatch(csv.headers));
      setFixedValues(DEFAULT_FIXED);
      setPresetState(detectPreset(csv.headers) ?? savedPreset);
      setEdits(emptyValueMappings());
      setRun(null);
      setFollowed(null);
    },
    [savedPreset]
  );

  /** Starts the server's run on the uploaded rows (`base`), then follows its progress. */
  const follow = useCallback(
    async (base: ImportRun) => {
      uploaded.current = base;
      const id = importId.current;
      let started: ImportProgressView;
      try {
        started = await startRun({
          importId: id,
          chunks: chunks.current.length,
          total: base.queued
        });
      } catch (error) {
        if (alive.current) setRun({ ...base, status: 'failed', error: toApiError(error) });
        return;
      }
      if (!alive.current) return;
      // The start answers the run's first progress: the first poll waits a full interval.
      setContractQueryData(client, 'project/importProgress', { importId: id }, started);
      setFollowed({ base, importId: id });
    },
    [client, startRun]
  );

  const progress = useContractQuery(
    'project/importProgress',
    { importId: followed?.importId ?? '' },
    {
      enabled: followed !== null,
      staleTime: Infinity,
      // A failed poll stops the run; "Retry" polls again.
      retry: false,
      refetchInterval: (query) =>
        query.state.status === 'error' || query.state.data?.status === 'done' ? false : pollMs
    }
  );
  const shown = followed
    ? followedRun(
        followed.base,
        progress.data,
        progress.isError && !progress.isFetching ? progress.error : null
      )
    : run;

  const done = shown?.status === 'done';
  useEffect(() => {
    // The imported insights are in the library now.
    if (done) invalidateContractKeys(client, ['project/listInsights']);
  }, [client, done]);

  const sendFrom = useCallback(
    async (from: number, start: ImportRun) => {
      let state = start;
      for (let i = from; i < chunks.current.length; i++) {
        const rows = chunks.current[i] ?? [];
        let report: ImportReport;
        try {
          report = await uploadChunk({ importId: importId.current, chunk: i, rows });
        } catch (error) {
          if (alive.current) setRun({ ...state, status: 'failed', error: toApiError(error) });
          resumeAt.current = i;
          return;
        }
        state = {
          ...state,
          checked: state.checked + rows.length,
          queued: state.queued + report.queued.length,
          duplicates: state.duplicates + report.duplicates.length,
          invalid: [
            ...state.invalid,
            ...report.invalid.map((r) => ({ line: r.line, message: r.message, fieldIssues: r.fieldIssues }))
          ]
        };
        if (!alive.current) return;
        setRun(state);
      }
      resumeAt.current = chunks.current.length;
      await follow(state);
    },
    [follow, uploadChunk]
  );

  const { mutate: save } = saveMappings;
  /** Keeps this import's value choices for the project's next one. */
  const remember = useCallback(() => {
    if (!file) return;
    const next = SavedImportMappingsSchema.safeParse({
      preset,
      values: mappingsToSave(saved?.values ?? emptyValueMappings(), edits, file.csv.rows, mapping)
    });
    // The pickers only offer allowed values; a file value over the length cap is not kept.
    if (next.success) save({ mappings: next.data });
  }, [file, preset, saved, edits, mapping, save]);

  const start = useCallback(() => {
    if (!file || !prepared) return;
    const split = chunkRows(prepared.valid);
    chunks.current = split.chunks;
    importId.current = newImportId();
    resumeAt.current = 0;
    const refused = [...prepared.invalid, ...split.oversized];
    const initial: ImportRun = {
      status: 'uploading',
      total: file.csv.rows.length,
      checked: refused.length + prepared.skipped.length,
      queued: 0,
      written: 0,
      created: 0,
      duplicates: 0,
      invalid: refused,
      skipped: prepared.skipped.length,
      accountConflicts: []
    };
    setFollowed(null);
    setRun(initial);
    remember();
    void sendFrom(0, initial);
  }, [file, prepared, sendFrom, remember]);

  const { refetch } = progress;
  const retry = useCallback(() => {
    if (!shown || shown.status !== 'failed') return;
    if (followed) {
      void refetch();
      return;
    }
    const uploading = resumeAt.current < chunks.current.length;
    const resumed: ImportRun = { ...(uploading ? shown : (uploaded.current ?? shown)), status: 'uploading' };
    delete resumed.error;
    setRun({ ...shown, status: uploading ? 'uploading' : 'running' });
    void (uploading ? sendFrom(resumeAt.current, resumed) : follow(resumed));
  }, [shown, followed, refetch, sendFrom, follow]);
  const reset = useCallback(() => {
    setFile(null);
    setMapping(emptyMapping());
    setFixedValues(DEFAULT_FIXED);
    setPresetState(null);
    setEdits(emptyValueMappings());
    setRun(null);
    setFollowed(null);
    chunks.current = [];
  }, []);

  const setColumn = useCallback(
    (field: keyof ColumnMapping, column: string) => setMapping((m) => ({ ...m, [field]: column })),
    []
  );
  const setFixed = useCallback(
    <K extends keyof FixedValues>(key: K, value: FixedValues[K]) =>
      setFixedValues((f) => ({ ...f, [key]: value })),
    []
  );

  const setPreset = useCallback((next: PresetId | null) => setPresetState(next), []);
  const setValue = useCallback(
    (field: EnumImportField, value: string, choice: ValueChoice | undefined) =>
      setEdits((e) => setValueChoice(e, field, value, choice)),
    []
  );

  return {
    file,
    mapping,
    fixed,
    preset,
    values,
    prepared,
    run: shown,
    load,
    setColumn,
    setFixed,
    setPreset,
    setValue,
    saveFailed: saveMappings.isError,
    start,
    retry,
    reset
  };
}

/** The followed run as the latest poll (or its failure) shows it. */
function followedRun(
  base: ImportRun,
  progress: ImportProgressView | null | undefined,
  error: ApiError | null
): ImportRun {
  const state = withProgress(base, progress ?? null);
  return error ? { ...state, status: 'failed', error } : state;
}

/**
 * The upload's reports with the server's progress: rows it wrote, found already there
 * (an earlier chunk of the file, or another import meanwhile) or could not write.
 */
function withProgress(base: ImportRun, progress: ImportProgressView | null): ImportRun {
  if (!progress) return { ...base, status: 'running' };
  const done = progress.status === 'done';
  const failed = progress.failed.map((f) => ({ line: f.line, message: f.message, fieldIssues: [] }));
  const invalid = [...base.invalid, ...failed];
  return {
    ...base,
    status: done ? 'done' : 'running',
    written: progress.done,
    created: progress.created,
    duplicates: base.duplicates + progress.duplicates,
    invalid: done ? invalid.sort((a, b) => a.line - b.line) : invalid,
    accountConflicts: progress.accountConflicts ?? []
  };
}
