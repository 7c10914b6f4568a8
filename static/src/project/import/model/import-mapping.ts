import type { Severity, SourceKind } from '../../../../../src/domain/vocabulary';

/** The insight fields a CSV column can feed, in the order the mapping step shows them. */
export const IMPORT_FIELDS = [
  'summary',
  'quote',
  'sourceKind',
  'sourceUrl',
  'accountName',
  'accountSegment',
  'arr',
  'severity',
  'sentiment',
  'journeyStage',
  'observedAt',
  'tags',
  'key'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  summary: 'Summary',
  quote: 'Quote',
  sourceKind: 'Source kind',
  sourceUrl: 'Source URL',
  accountName: 'Account name',
  accountSegment: 'Account segment',
  arr: 'ARR',
  severity: 'Severity',
  sentiment: 'Sentiment',
  journeyStage: 'Journey stage',
  observedAt: 'Observed at',
  tags: 'Tags',
  key: 'External id / key'
};

export const REQUIRED_FIELDS: ReadonlySet<ImportField> = new Set(['summary', 'observedAt']);

/** Header spellings each field answers to, compared without case, spaces or punctuation. */
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  summary: ['summary', 'title', 'subject', 'headline', 'insight'],
  quote: ['quote', 'verbatim', 'body', 'text', 'comment', 'description', 'feedback', 'message'],
  sourceKind: [
    'sourcekind',
    'source',
    'kind',
    'channel',
    'sourcetype',
    'type',
    'via',
    'requestchannel',
    'requesttype'
  ],
  sourceUrl: ['sourceurl', 'url', 'link', 'sourcelink', 'permalink'],
  accountName: [
    'account',
    'accountname',
    'company',
    'customer',
    'organization',
    'organisation',
    'org',
    'companyname'
  ],
  accountSegment: ['segment', 'accountsegment', 'tier', 'customersegment', 'plan', 'companyplan'],
  arr: ['arr', 'accountarr', 'annualrecurringrevenue', 'revenue'],
  severity: ['severity', 'priority', 'impact', 'urgency'],
  sentiment: ['sentiment', 'tone', 'mood'],
  journeyStage: ['journeystage', 'stage', 'journey', 'lifecyclestage'],
  observedAt: [
    'observedat',
    'observed',
    'observedon',
    'date',
    'createdat',
    'created',
    'timestamp',
    'submittedat'
  ],
  tags: ['tags', 'tag', 'labels', 'label', 'topics'],
  key: [
    'key',
    'externalid',
    'externalkey',
    'id',
    'ticketid',
    'ticketnumber',
    'sourceid',
    'importkey',
    'issuekey',
    'conversationid'
  ]
};

/** A column name for each field ('' = not in the file). */
export type ColumnMapping = Record<ImportField, string>;

/** Values used when the file has no column for them, or the cell is empty. */
export interface FixedValues {
  sourceKind: SourceKind;
  severity: Severity;
}

export const DEFAULT_FIXED: FixedValues = { sourceKind: 'other', severity: 'medium' };

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Pre-fills the mapping from the file's headers: each field takes the first unused
 * column whose name is one of its spellings (earlier spellings win, so `source url`
 * goes to Source URL and `source` to Source kind). Unmatched fields stay empty.
 */
export function autoMatch(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ''])) as ColumnMapping;
  const used = new Set<string>();
  // Exact spellings first across all fields, so `id` is not taken by a looser match.
  const ranks = Math.max(...IMPORT_FIELDS.map((f) => SYNONYMS[f].length));
  for (let rank = 0; rank < ranks; rank++) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== '') continue;
      const wanted = SYNONYMS[field][rank];
      if (wanted === undefined) continue;
      const column = headers.find((h) => !used.has(h) && normaliseHeader(h) === wanted);
      if (column !== undefined) {
        mapping[field] = column;
        used.add(column);
      }
    }
  }
  return mapping;
}
