import { z } from 'zod';
import {
  JourneyStageSchema,
  SegmentSchema,
  SentimentSchema,
  SeveritySchema,
  SourceKindSchema
} from './vocabulary';

/**
 * How a project's imports turn the values of enumerated columns (a support tool's
 * `urgent`, `chat`, `Pro plan`) into the app's vocabularies. Saved per project so the
 * next export of the same tool imports without mapping again.
 */

/** The import fields with a closed vocabulary, in the order the import shows them. */
export const ENUM_IMPORT_FIELDS = [
  'sourceKind',
  'accountSegment',
  'severity',
  'sentiment',
  'journeyStage'
] as const;
export type EnumImportField = (typeof ENUM_IMPORT_FIELDS)[number];

/** The cell counts as empty: the field takes its default. */
export const LEAVE_EMPTY = ':empty';
/** The row is not imported. */
export const SKIP_ROW = ':skip';

/**
 * At most this many saved values per field, and this long each: an export's enumerations
 * are short, and a project's mappings stay one small storage value (well under 100 KB).
 */
export const MAX_MAPPED_VALUES = 100;
export const MAX_MAPPED_VALUE_LENGTH = 100;

const NoValueSchema = z.enum([LEAVE_EMPTY, SKIP_ROW]);

function choiceSchema<S extends z.ZodType<string>>(allowed: S) {
  return z.union([allowed, NoValueSchema]);
}

function fieldMap<S extends z.ZodType<string>>(choice: S) {
  return z
    .record(z.string().trim().min(1).max(MAX_MAPPED_VALUE_LENGTH), choice)
    .refine((m) => Object.keys(m).length <= MAX_MAPPED_VALUES, {
      message: `At most ${MAX_MAPPED_VALUES} values per field`
    });
}

/** A file value (normalised: trimmed, lower case) → the allowed value, or leave empty, or skip the row. */
export const ImportValueMappingsSchema = z.strictObject({
  sourceKind: fieldMap(choiceSchema(SourceKindSchema)),
  accountSegment: fieldMap(choiceSchema(SegmentSchema)),
  severity: fieldMap(choiceSchema(SeveritySchema)),
  sentiment: fieldMap(choiceSchema(SentimentSchema)),
  journeyStage: fieldMap(choiceSchema(JourneyStageSchema))
});

/** What a value maps to: an allowed value of its field, LEAVE_EMPTY or SKIP_ROW. */
export type ValueChoice = string;

/** Per field, file value → choice. Typed loosely for the UI's generic editing; the schema checks each field. */
export type ImportValueMappings = Record<EnumImportField, Record<string, ValueChoice>>;

/** Saved mappings of one project, with the preset last used. */
export const SavedImportMappingsSchema = z.strictObject({
  preset: z.enum(['zendesk', 'intercom', 'jsm']).nullable(),
  values: ImportValueMappingsSchema
});
export type SavedImportMappings = z.output<typeof SavedImportMappingsSchema>;
