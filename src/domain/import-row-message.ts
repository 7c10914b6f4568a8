import type { AppError, FieldIssue } from './errors';
import { JOURNEY_STAGES, SEGMENTS, SENTIMENTS, SEVERITIES, SOURCE_KINDS } from './vocabulary';

/**
 * The words a person importing a spreadsheet knows a field by, keyed by the dotted path
 * the schema reports. A path not listed (a tag's index) is named by its first part.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  summary: 'summary',
  quote: 'quote',
  sourceKind: 'source kind',
  sourceUrl: 'source URL',
  account: 'account',
  'account.name': 'account name',
  'account.key': 'account key',
  'account.segment': 'account segment',
  'account.arr': 'ARR',
  severity: 'severity',
  sentiment: 'sentiment',
  journeyStage: 'journey stage',
  observedAt: 'observed at',
  tags: 'tags',
  key: 'external id'
};

/** The closed vocabularies by the path they sit at in an imported row's insight. */
const VOCABULARY_AT: Readonly<Record<string, readonly string[]>> = {
  sourceKind: SOURCE_KINDS,
  severity: SEVERITIES,
  sentiment: SENTIMENTS,
  journeyStage: JOURNEY_STAGES,
  'account.segment': SEGMENTS
};

/** The word for a field at a dotted path (`tags.3` → `tags`). */
export function fieldWord(path: string): string {
  return FIELD_WORDS[path] ?? FIELD_WORDS[path.split('.')[0] ?? ''] ?? path;
}

function valueAt(input: unknown, path: string): unknown {
  let at: unknown = input;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** True when the issue is a value outside its field's vocabulary. */
export function isVocabularyIssue(issue: FieldIssue, insight: unknown): boolean {
  const allowed = VOCABULARY_AT[issue.path];
  const given = valueAt(insight, issue.path);
  return allowed !== undefined && typeof given === 'string' && !allowed.includes(given);
}

/** Enumerated values are short; a long one is a wrongly mapped column, shown cut. */
const QUOTED_MAX = 60;

function quoted(value: string): string {
  return value.length > QUOTED_MAX ? `${value.slice(0, QUOTED_MAX)}…` : value;
}

/**
 * One problem in words: `severity “urgent” is not one of low, medium, high, critical`
 * for a value outside a vocabulary (quoting the value the file holds), else the field's
 * name and the schema's own message (`observed at: Must be an ISO date …`).
 */
export function describeIssue(issue: FieldIssue, insight: unknown): string {
  if (isVocabularyIssue(issue, insight)) {
    const allowed = VOCABULARY_AT[issue.path] ?? [];
    return `${fieldWord(issue.path)} “${quoted(String(valueAt(insight, issue.path)))}” is not one of ${allowed.join(', ')}`;
  }
  return issue.path === '' ? issue.message : `${fieldWord(issue.path)}: ${issue.message}`;
}

/**
 * Why an imported row was refused, for the person who exported the file:
 * `Row 4: severity “urgent” is not one of low, medium, high, critical`. `line` is the
 * row's line in the file, which is its row number in a spreadsheet (the header is row 1).
 */
export function describeRowProblem(line: number, issues: readonly FieldIssue[], insight: unknown): string {
  const parts = issues.length > 0 ? issues.map((i) => describeIssue(i, insight)) : ['the row is not valid'];
  return `Row ${line}: ${parts.join('; ')}`;
}

/**
 * A row the import refused, as the page shows it: the schema's issues in words, or the
 * error's own message when it names no field.
 */
export function describeRefusedRow(line: number, error: AppError, insight: unknown): string {
  return error.fieldIssues.length > 0
    ? describeRowProblem(line, error.fieldIssues, insight)
    : `Row ${line}: ${error.message}`;
}
