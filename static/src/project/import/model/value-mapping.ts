import {
  ENUM_IMPORT_FIELDS,
  LEAVE_EMPTY,
  MAX_MAPPED_VALUES,
  SKIP_ROW,
  type EnumImportField,
  type ImportValueMappings,
  type ValueChoice
} from '../../../../../src/domain/import-value-mappings';
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
import { normaliseHeader, type ColumnMapping } from './import-mapping';
import { IMPORT_PRESETS, type ImportPreset, type PresetId } from './import-presets';

export { ENUM_IMPORT_FIELDS, LEAVE_EMPTY, MAX_MAPPED_VALUES, SKIP_ROW };
export type { EnumImportField, ImportValueMappings, ValueChoice };

/** Each enumerated field's allowed values and their labels, for the pickers and the matching. */
export const ALLOWED: {
  readonly [F in EnumImportField]: { values: readonly string[]; labels: Readonly<Record<string, string>> };
} = {
  severity: { values: SEVERITIES, labels: SEVERITY_LABELS },
  sourceKind: { values: SOURCE_KINDS, labels: SOURCE_KIND_LABELS },
  accountSegment: { values: SEGMENTS, labels: SEGMENT_LABELS },
  sentiment: { values: SENTIMENTS, labels: SENTIMENT_LABELS },
  journeyStage: { values: JOURNEY_STAGES, labels: JOURNEY_STAGE_LABELS }
};

/** The form a cell's value is matched and saved under: trimmed, lower case, single spaces. */
export function normaliseValue(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function emptyValueMappings(): ImportValueMappings {
  return { severity: {}, sourceKind: {}, accountSegment: {}, sentiment: {}, journeyStage: {} };
}

/**
 * The allowed value a cell already is: the value itself in any case (`Sales_Call`), with
 * spaces or dashes (`mid-market`), or its label (`NPS verbatim`). Anything else is not
 * guessed at: it waits for the person to map it.
 */
export function vocabularyMatch(field: EnumImportField, cell: string): string | undefined {
  const squash = (s: string): string =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
  const wanted = squash(cell);
  const { values, labels } = ALLOWED[field];
  return values.find((v) => v === wanted) ?? values.find((v) => squash(labels[v] ?? '') === wanted);
}

/**
 * What a cell of an enumerated column becomes: the person's (or a preset's) choice for
 * its value, else the allowed value it already is, else undefined (unmapped: the row is
 * refused with the value quoted, never filled with a guess).
 */
export function resolveValue(
  field: EnumImportField,
  cell: string,
  mappings: ImportValueMappings
): ValueChoice | undefined {
  return mappings[field][normaliseValue(cell)] ?? vocabularyMatch(field, cell);
}

/** One distinct value of an enumerated column, as the "Map values" step lists it. */
export interface DistinctValue {
  /** The normalised value (the mapping's key). */
  value: string;
  /** The first spelling met in the file, for display. */
  shown: string;
  /** Rows holding it. */
  rows: number;
  /** The choice in force (undefined: unmapped). */
  choice: ValueChoice | undefined;
}

/** The enumerated fields mapped to a column, in the order the mapping step shows them. */
export function mappedEnumFields(mapping: ColumnMapping): EnumImportField[] {
  return ENUM_IMPORT_FIELDS.filter((f) => mapping[f] !== '');
}

/**
 * The distinct non-empty values of the column mapped to `field`, most frequent first
 * (then in file order), each with the choice in force.
 */
export function distinctValues(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  field: EnumImportField,
  mappings: ImportValueMappings
): DistinctValue[] {
  const column = mapping[field];
  if (column === '') return [];
  const found = new Map<string, { shown: string; rows: number }>();
  for (const row of rows) {
    const cell = restoreCell(row.cells[column] ?? '').trim();
    if (cell === '') continue;
    const value = normaliseValue(cell);
    const seen = found.get(value);
    if (seen) seen.rows += 1;
    else found.set(value, { shown: cell, rows: 1 });
  }
  return [...found.entries()]
    .map(([value, { shown, rows: count }]) => ({
      value,
      shown,
      rows: count,
      choice: resolveValue(field, shown, mappings)
    }))
    .sort((a, b) => b.rows - a.rows);
}

/** How many distinct values of the mapped enumerated columns nobody has mapped yet. */
export function unmappedCount(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  mappings: ImportValueMappings
): number {
  return mappedEnumFields(mapping).reduce(
    (n, field) => n + distinctValues(rows, mapping, field, mappings).filter((v) => !v.choice).length,
    0
  );
}

/** The mappings with one value's choice set, or cleared back to unmapped with undefined. */
export function setValueChoice(
  mappings: ImportValueMappings,
  field: EnumImportField,
  value: string,
  choice: ValueChoice | undefined
): ImportValueMappings {
  const next = { ...mappings[field] };
  if (choice === undefined) delete next[normaliseValue(value)];
  else next[normaliseValue(value)] = choice;
  return { ...mappings, [field]: next };
}

/** The mappings with a preset's choices laid over them (the preset wins where both map a value). */
export function applyPreset(mappings: ImportValueMappings, preset: ImportPreset): ImportValueMappings {
  const next = { ...mappings };
  for (const field of ENUM_IMPORT_FIELDS) next[field] = { ...mappings[field], ...preset.values[field] };
  return next;
}

/** `base` with `over`'s choices laid over it. */
export function mergeMappings(base: ImportValueMappings, over: ImportValueMappings): ImportValueMappings {
  const next = { ...base };
  for (const field of ENUM_IMPORT_FIELDS) next[field] = { ...base[field], ...over[field] };
  return next;
}

/**
 * The preset whose export the header row looks like: the one with the most of its
 * telltale headers present, needing at least two so a lone `Priority` decides nothing.
 */
export function detectPreset(headers: readonly string[]): PresetId | null {
  const present = new Set(headers.map(normaliseHeader));
  let best: { id: PresetId; hits: number } | null = null;
  for (const preset of IMPORT_PRESETS) {
    const hits = preset.telltales.filter((h) => present.has(h)).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { id: preset.id, hits };
  }
  return best?.id ?? null;
}

/** Only the choices for values this file holds, to keep what is saved small and relevant. */
export function choicesInFile(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  mappings: ImportValueMappings
): ImportValueMappings {
  const kept = emptyValueMappings();
  for (const field of mappedEnumFields(mapping)) {
    for (const v of distinctValues(rows, mapping, field, mappings)) {
      const explicit = mappings[field][v.value];
      if (explicit !== undefined) kept[field][v.value] = explicit;
    }
  }
  return kept;
}

/**
 * What to save for the project's next import: the saved choices with this import's
 * choices (for values in its file) laid over them. A field over the size cap keeps this
 * import's choices and drops the oldest saved ones.
 */
export function mappingsToSave(
  saved: ImportValueMappings,
  edits: ImportValueMappings,
  rows: readonly CsvRow[],
  mapping: ColumnMapping
): ImportValueMappings {
  const fresh = choicesInFile(rows, mapping, edits);
  const next = emptyValueMappings();
  for (const field of ENUM_IMPORT_FIELDS) {
    const older = Object.entries(saved[field]).filter(([value]) => !(value in fresh[field]));
    const newest = Object.entries(fresh[field]);
    const kept = [...older.slice(Math.max(0, older.length + newest.length - MAX_MAPPED_VALUES)), ...newest];
    next[field] = Object.fromEntries(kept.slice(-MAX_MAPPED_VALUES));
  }
  return next;
}
