import type { InsightView } from '../../../../../src/contract/views';
import { toSafeCsv } from '../../model/safe-csv';

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
 * The insights as CSV text. Every cell a spreadsheet could run as a formula is defused
 * with a leading `'` (see spreadsheet-cell.ts): customer text is untrusted, and the
 * file will be opened in Excel. ARR is left empty when it is masked for this user; the
 * importer removes exactly the `'` the export added.
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
  return toSafeCsv(EXPORT_COLUMNS, data);
}
