import type { AccountConflict } from '../../../../src/domain/account-edit';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportReport } from '../../../../src/contract/views';
import { ApiError, invokeApi, toApiError } from '../../api';
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
  status: 'running' | 'failed' | 'done';
  /** Every data row of the file. */
  total: number;
  /** Rows answered so far: refused here, or sent and reported by the server. */
  done: number;
  created: number;
  duplicates: number;
  /** Refused here or by the server, by line once the run is over. */
  invalid: InvalidRow[];
  /** Lines whose account differs from the stored one: the stored values were kept. */
  accountConflicts: (AccountConflict & { line: number })[];
  error?: ApiError;
}

export interface CsvImport {
  file: LoadedFile | null;
  mapping: ColumnMapping;
  fixed: FixedValues;
  /** Every row mapped and checked with the shared schema (what will be sent or refused). */
  prepared: PreparedImport | null;
  run: ImportRun | null;
  load: (name: string, text: string) => void;
  setColumn: (field: keyof ColumnMapping, column: string) => void;
  setFixed: <K extends keyof FixedValues>(key: K, value: FixedValues[K]) => void;
  start: () => void;
  retry: () => void;
  reset: () => void;
}

function emptyMapping(): ColumnMapping {
  return autoMatch([]);
}

/**
 * The CSV import: parse, map columns (pre-filled from the headers), check every row
 * with the shared schema, then send the valid rows in chunks under Forge's payload
 * limits, one call after another, adding each call's report to a running total. Rows
 * refused here are not sent but are reported like the server's: none is dropped
 * silently. A failed call stops the run; retrying resumes at that chunk (imports are
 * idempotent, so a chunk that did land is reported as duplicates).
 */
export function useCsvImport(now: () => Date = () => new Date()): CsvImport {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(emptyMapping);
  const [fixed, setFixedValues] = useState<FixedValues>(DEFAULT_FIXED);
  const [run, setRun] = useState<ImportRun | null>(null);
  const chunks = useRef<ImportRowPayload[][]>([]);
  // The chunk a failed run stops at, where "Retry" resumes.
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
  const prepared = useMemo(
    () => (file ? prepareImport(file.csv.rows, mapping, fixed, clock.current()) : null),
    [file, mapping, fixed]
  );

  const load = useCallback((name: string, text: string) => {
    const csv = parseCsv(text);
    setFile({ name, csv });
    setMapping(autoMatch(csv.headers));
    setFixedValues(DEFAULT_FIXED);
    setRun(null);
  }, []);

  const sendFrom = useCallback(async (from: number, start: ImportRun) => {
    let state = start;
    for (let i = from; i < chunks.current.length; i++) {
      const rows = chunks.current[i] ?? [];
      let report: ImportReport;
      try {
        report = await invokeApi('project/importInsights', { rows });
      } catch (error) {
        if (alive.current) setRun({ ...state, status: 'failed', error: toApiError(error) });
        resumeAt.current = i;
        return;
      }
      state = {
        ...state,
        done: state.done + rows.length,
        created: state.created + report.created.length,
        duplicates: state.duplicates + report.duplicates.length,
        invalid: [
          ...state.invalid,
          ...report.invalid.map((r) => ({ line: r.line, message: r.message, fieldIssues: r.fieldIssues }))
        ],
        accountConflicts: [...state.accountConflicts, ...(report.accountConflicts ?? [])]
      };
      if (!alive.current) return;
      setRun(state);
    }
    setRun({ ...state, status: 'done', invalid: [...state.invalid].sort((a, b) => a.line - b.line) });
  }, []);

  const start = useCallback(() => {
    if (!file || !prepared) return;
    const split = chunkRows(prepared.valid);
    chunks.current = split.chunks;
    const refused = [...prepared.invalid, ...split.oversized];
    const initial: ImportRun = {
      status: 'running',
      total: file.csv.rows.length,
      done: refused.length,
      created: 0,
      duplicates: 0,
      invalid: refused,
      accountConflicts: []
    };
    setRun(initial);
    void sendFrom(0, initial);
  }, [file, prepared, sendFrom]);

  const retry = useCallback(() => {
    if (!run || run.status !== 'failed') return;
    const resumed: ImportRun = { ...run, status: 'running' };
    delete resumed.error;
    setRun(resumed);
    void sendFrom(resumeAt.current, resumed);
  }, [run, sendFrom]);

  const reset = useCallback(() => {
    setFile(null);
    setMapping(emptyMapping());
    setFixedValues(DEFAULT_FIXED);
    setRun(null);
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

  return { file, mapping, fixed, prepared, run, load, setColumn, setFixed, start, retry, reset };
}
