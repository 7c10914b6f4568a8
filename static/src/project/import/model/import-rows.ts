import { MAX_IMPORT_ROWS } from '../../../../../src/contract/payloads';
import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { FieldIssue } from '../../../../../src/domain/errors';
import { InsightInputSchema, validateObservedAt } from '../../../../../src/domain/insight';
import { toFieldIssues } from '../../../../../src/domain/parse';
import { AppError } from '../../../../../src/domain/errors';
import { importedObservedAt } from '../../../../../src/domain/import-dates';
import { describeRowProblem, isVocabularyIssue } from '../../../../../src/domain/import-row-message';
import type { CsvRow } from './csv-file';
import { restoreCell } from '../../model/spreadsheet-cell';
import { IMPORT_FIELD_LABELS, type ColumnMapping, type FixedValues } from './import-mapping';
import {
  emptyValueMappings,
  LEAVE_EMPTY,
  mappedEnumFields,
  resolveValue,
  SKIP_ROW,
  type EnumImportField,
  type ImportValueMappings
} from './value-mapping';

export type ImportRowPayload = PayloadOf<'project/importInsights'>['rows'][number];

/** A row refused before or by the server, as the report lists it. */
export interface InvalidRow {
  line: number;
  message: string;
  fieldIssues: FieldIssue[];
}

/** Matches the contract's `key` rule, which would otherwise fail a whole chunk. */
const KEY_MAX = 200;

function cellOf(row: CsvRow, mapping: ColumnMapping, field: keyof ColumnMapping): string {
  return mapping[field] === '' ? '' : restoreCell(row.cells[mapping[field]] ?? '');
}

/**
 * The insight a CSV row describes under a column mapping, shaped like the capture
 * payload (empty cells are left out so the schema's defaults apply). An enumerated
 * cell takes its mapped value (see value-mapping); one mapped to "leave empty" counts
 * as empty, and an unmapped one is sent as it is so the row is refused quoting it. ARR
 * accepts `1,200,000` and `$240000`; anything else becomes NaN so the schema reports it.
 */
export function toImportRow(
  row: CsvRow,
  mapping: ColumnMapping,
  fixed: FixedValues,
  values: ImportValueMappings = emptyValueMappings()
): ImportRowPayload {
  const cell = (field: keyof ColumnMapping): string => cellOf(row, mapping, field);
  const present = (field: keyof ColumnMapping): boolean => cell(field).trim() !== '';
  const mapped = (field: EnumImportField): string | undefined => {
    if (!present(field)) return undefined;
    const choice = resolveValue(field, cell(field), values);
    if (choice === undefined) return cell(field).trim();
    return choice === LEAVE_EMPTY || choice === SKIP_ROW ? undefined : choice;
  };

  const sentiment = mapped('sentiment');
  const journeyStage = mapped('journeyStage');
  const segment = mapped('accountSegment');
  const insight: Record<string, unknown> = {
    summary: cell('summary'),
    sourceKind: mapped('sourceKind') ?? fixed.sourceKind,
    severity: mapped('severity') ?? fixed.severity,
    observedAt: importedObservedAt(cell('observedAt'))
  };
  if (present('quote')) insight.quote = cell('quote');
  if (present('sourceUrl')) insight.sourceUrl = cell('sourceUrl').trim();
  if (sentiment !== undefined) insight.sentiment = sentiment;
  if (journeyStage !== undefined) insight.journeyStage = journeyStage;
  if (present('tags'))
    insight.tags = cell('tags')
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter((t) => t !== '');
  if (present('accountName') || present('accountSegment') || present('arr')) {
    const arr = cell('arr').replace(/[$,\s_]/g, '');
    insight.account = {
      name: cell('accountName'),
      ...(segment !== undefined ? { segment } : {}),
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
    const fieldIssues = [{ path: 'key', message: `Must be at most ${KEY_MAX} characters` }];
    return { line: row.line, message: describeRowProblem(row.line, fieldIssues, row.insight), fieldIssues };
  }
  const parsed = InsightInputSchema.safeParse(row.insight);
  if (!parsed.success) return problemOf(row, toFieldIssues(parsed.error.issues));
  try {
    validateObservedAt(parsed.data.observedAt, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return problemOf(row, error.fieldIssues);
  }
  return null;
}

/** A refused row in words; a value outside a vocabulary points at the "Map values" step. */
function problemOf(row: ImportRowPayload, fieldIssues: FieldIssue[]): InvalidRow {
  const unmapped = fieldIssues.some((i) => isVocabularyIssue(i, row.insight));
  const message = `${describeRowProblem(row.line, fieldIssues, row.insight)}${unmapped ? ' — map it above' : ''}`;
  return { line: row.line, message, fieldIssues };
}

/**
 * The enumerated value that makes a row skipped (a value mapped to "skip row"), as the
 * report words it; null when the row is kept.
 */
export function skipReason(row: CsvRow, mapping: ColumnMapping, values: ImportValueMappings): string | null {
  for (const field of mappedEnumFields(mapping)) {
    const cell = cellOf(row, mapping, field).trim();
    if (cell !== '' && resolveValue(field, cell, values) === SKIP_ROW)
      return `Row ${row.line}: skipped, ${IMPORT_FIELD_LABELS[field].toLowerCase()} “${cell}” is set to skip the row`;
  }
  return null;
}

export interface PreparedImport {
  /** Rows that pass the shared schema, in file order: these are sent. */
  valid: ImportRowPayload[];
  /** Rows refused on this side: not sent, but reported with the server's. */
  invalid: InvalidRow[];
  /** Rows whose value is mapped to "skip row": not sent, and counted apart from the invalid. */
  skipped: InvalidRow[];
}

export function prepareImport(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  fixed: FixedValues,
  now: Date,
  values: ImportValueMappings = emptyValueMappings()
): PreparedImport {
  const valid: ImportRowPayload[] = [];
  const invalid: InvalidRow[] = [];
  const skipped: InvalidRow[] = [];
  for (const row of rows) {
    const skip = skipReason(row, mapping, values);
    if (skip !== null) {
      skipped.push({ line: row.line, message: skip, fieldIssues: [] });
      continue;
    }
    const payload = toImportRow(row, mapping, fixed, values);
    const problem = rowProblem(payload, now);
    if (problem) invalid.push(problem);
    else valid.push(payload);
  }
  return { valid, invalid, skipped };
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
      const message = `Row ${row.line}: too large to import`;
      oversized.push({
        line: row.line,
        message,
        fieldIssues: [{ path: '', message: 'Too large to import' }]
      });
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
