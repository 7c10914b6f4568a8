import { MAX_IMPORT_ROWS } from '../../../../../src/contract/payloads';
import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { FieldIssue } from '../../../../../src/domain/errors';
import { InsightInputSchema, validateObservedAt } from '../../../../../src/domain/insight';
import { toFieldIssues } from '../../../../../src/domain/parse';
import { AppError } from '../../../../../src/domain/errors';
import {
  JOURNEY_STAGES,
  SEGMENTS,
  SENTIMENTS,
  SEVERITIES,
  SOURCE_KINDS
} from '../../../../../src/domain/vocabulary';
import {
  JOURNEY_STAGE_LABELS,
  SEGMENT_LABELS,
  SENTIMENT_LABELS,
  SEVERITY_LABELS,
  SOURCE_KIND_LABELS
} from '../../../shared/labels';
import type { CsvRow } from './csv-file';
import { restoreCell } from '../../model/spreadsheet-cell';
import type { ColumnMapping, FixedValues } from './import-mapping';

export type ImportRowPayload = PayloadOf<'project/importInsights'>['rows'][number];

/** A row refused before or by the server, as the report lists it. */
export interface InvalidRow {
  line: number;
  message: string;
  fieldIssues: FieldIssue[];
}

/** Matches the contract's `key` rule, which would otherwise fail a whole chunk. */
const KEY_MAX = 200;

/**
 * A vocabulary value from a cell: the value itself in any case (`Sales_Call`), with
 * spaces or dashes (`sales call`, `mid-market`), or its label (`NPS verbatim`). An
 * unknown word is passed through so the schema reports it with the allowed values.
 */
function vocabulary<T extends string>(
  cell: string,
  values: readonly T[],
  labels: Readonly<Record<T, string>>
): string {
  const wanted = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const byValue = values.find((v) => v === wanted);
  if (byValue !== undefined) return byValue;
  const byLabel = values.find((v) => labels[v].toLowerCase().replace(/[\s-]+/g, '_') === wanted);
  return byLabel ?? cell.trim();
}

/**
 * The insight a CSV row describes under a column mapping, shaped like the capture
 * payload (empty cells are left out so the schema's defaults apply). ARR accepts
 * `1,200,000` and `$240000`; anything else becomes NaN so the schema reports it.
 */
export function toImportRow(row: CsvRow, mapping: ColumnMapping, fixed: FixedValues): ImportRowPayload {
  const cell = (field: keyof ColumnMapping): string =>
    mapping[field] === '' ? '' : restoreCell(row.cells[mapping[field]] ?? '');
  const present = (field: keyof ColumnMapping): boolean => cell(field).trim() !== '';

  const insight: Record<string, unknown> = {
    summary: cell('summary'),
    sourceKind: present('sourceKind')
      ? vocabulary(cell('sourceKind'), SOURCE_KINDS, SOURCE_KIND_LABELS)
      : fixed.sourceKind,
    severity: present('severity')
      ? vocabulary(cell('severity'), SEVERITIES, SEVERITY_LABELS)
      : fixed.severity,
    observedAt: cell('observedAt').trim()
  };
  if (present('quote')) insight.quote = cell('quote');
  if (present('sourceUrl')) insight.sourceUrl = cell('sourceUrl').trim();
  if (present('sentiment')) insight.sentiment = vocabulary(cell('sentiment'), SENTIMENTS, SENTIMENT_LABELS);
  if (present('journeyStage'))
    insight.journeyStage = vocabulary(cell('journeyStage'), JOURNEY_STAGES, JOURNEY_STAGE_LABELS);
  if (present('tags'))
    insight.tags = cell('tags')
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter((t) => t !== '');
  if (present('accountName') || present('accountSegment') || present('arr')) {
    const arr = cell('arr').replace(/[$,\s_]/g, '');
    insight.account = {
      name: cell('accountName'),
      ...(present('accountSegment')
        ? { segment: vocabulary(cell('accountSegment'), SEGMENTS, SEGMENT_LABELS) }
        : {}),
      ...(arr === '' ? {} : { arr: Number(arr) })
    };
  }
  const key = cell('key').trim();
  return { line: row.line, ...(key === '' ? {} : { key }), insight };
}

/**
 * Why the server would refuse a row, checked with the same schema it uses
 * (`InsightInputSchema`, then the "not in the future" rule); null when the row is fine.
 */
export function rowProblem(row: ImportRowPayload, now: Date): InvalidRow | null {
  if (row.key !== undefined && row.key.length > KEY_MAX) {
    const message = `External id must be at most ${KEY_MAX} characters`;
    return { line: row.line, message, fieldIssues: [{ path: 'key', message }] };
  }
  const parsed = InsightInputSchema.safeParse(row.insight);
  if (!parsed.success) {
    const fieldIssues = toFieldIssues(parsed.error.issues);
    return { line: row.line, message: describeIssues(fieldIssues), fieldIssues };
  }
  try {
    validateObservedAt(parsed.data.observedAt, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { line: row.line, message: describeIssues(error.fieldIssues), fieldIssues: error.fieldIssues };
  }
  return null;
}

/** `summary: Summary is required; sourceUrl: Only http:// and https:// links are allowed`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
}

export interface PreparedImport {
  /** Rows that pass the shared schema, in file order: these are sent. */
  valid: ImportRowPayload[];
  /** Rows refused on this side: not sent, but reported with the server's. */
  invalid: InvalidRow[];
}

export function prepareImport(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  fixed: FixedValues,
  now: Date
): PreparedImport {
  const valid: ImportRowPayload[] = [];
  const invalid: InvalidRow[] = [];
  for (const row of rows) {
    const payload = toImportRow(row, mapping, fixed);
    const problem = rowProblem(payload, now);
    if (problem) invalid.push(problem);
    else valid.push(payload);
  }
  return { valid, invalid };
}

/** Forge caps an invoke payload at 500 KB; stay well under it with the envelope. */
export const MAX_CHUNK_BYTES = 400_000;

/** UTF-8 length of the value's JSON, as the bridge sends it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
const bytesOf = jsonBytes;

export interface Chunking {
  chunks: ImportRowPayload[][];
  /** Rows too large to send even alone (cannot happen for rows the schema accepts). */
  oversized: InvalidRow[];
}

/**
 * Splits rows into import calls of at most `maxRows` rows and `maxBytes` of JSON each,
 * keeping file order. Greedy: a chunk closes when the next row would break either cap.
 */
export function chunkRows(
  rows: readonly ImportRowPayload[],
  maxRows: number = MAX_IMPORT_ROWS,
  maxBytes: number = MAX_CHUNK_BYTES
): Chunking {
  const envelope = bytesOf({ rows: [] });
  const chunks: ImportRowPayload[][] = [];
  const oversized: InvalidRow[] = [];
  let current: ImportRowPayload[] = [];
  let size = envelope;
  for (const row of rows) {
    const rowBytes = bytesOf(row) + 1; // and its comma
    if (envelope + rowBytes > maxBytes) {
      const message = 'Row is too large to import';
      oversized.push({ line: row.line, message, fieldIssues: [{ path: '', message }] });
      continue;
    }
    if (current.length >= maxRows || size + rowBytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = envelope;
    }
    current.push(row);
    size += rowBytes;
  }
  if (current.length > 0) chunks.push(current);
  return { chunks, oversized };
}
