import Papa from 'papaparse';
import type { InsightView } from '../../../../src/contract/views';

/** The library export's columns, in order; the import step recognises every one of them. */
export const EXPORT_COLUMNS = [
  'id',
  'summary',
  'quote',
  'source kind',
  'source URL',
  'account',
  'segment',
  'ARR',
  'severity',
  'sentiment',
  'journey stage',
  'observed at',
  'status',
  'tags'
] as const;

/**
 * The insights as CSV text. Cells that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`) are prefixed with `'` (papaparse's `escapeFormulae`): customer text is
 * untrusted, and the file will be opened in Excel. ARR is left empty when it is masked
 * for this user; the importer strips the `'` again.
 */
export function insightsToCsv(insights: readonly InsightView[]): string {
  const data = insights.map((i) => [
    i.id,
    i.summary,
    i.quote,
    i.sourceKind,
    i.sourceUrl ?? '',
    i.account?.name ?? '',
    i.account?.segment ?? '',
    i.account && !i.identityHidden ? String(i.account.arr) : '',
    i.severity,
    i.sentiment,
    i.journeyStage ?? '',
    i.observedAt,
    i.status,
    i.tags.join(', ')
  ]);
  return Papa.unparse({ fields: [...EXPORT_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
}
