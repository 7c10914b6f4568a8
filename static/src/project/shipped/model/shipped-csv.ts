import type { ShippedIssueView } from '../../../../../src/contract/views';
import { toSafeCsv } from '../../model/safe-csv';

/** The shipped export's columns: one row per issue and account, ready for a mail merge. */
export const SHIPPED_COLUMNS = [
  'issue key',
  'issue summary',
  'done',
  'score',
  'account',
  'ARR',
  'insights',
  'insight summaries'
] as const;

/** The account cell when the backend masked identity for this user. */
export const HIDDEN_CELL = 'hidden';

/**
 * Recently done issues as CSV, one row per account each issue answered (so a CX lead
 * can sort and filter by customer), and one row with an empty account when only
 * anonymous feedback backed it. Masked accounts say `hidden` and leave ARR empty:
 * never the `0` the backend puts in their place. Formula-looking cells are defused as
 * in the library export (spreadsheet-cell.ts): the file is opened in Excel.
 */
export function shippedToCsv(issues: readonly ShippedIssueView[]): string {
  const data = issues.flatMap((issue) => {
    const common = [issue.key, issue.summary, issue.doneAt ?? '', String(issue.score)];
    const evidence = [String(issue.insightCount), issue.insights.map((i) => i.summary).join('; ')];
    if (issue.accounts.length === 0) return [[...common, '', '', ...evidence]];
    return issue.accounts.map((account) =>
      issue.identityHidden
        ? [...common, HIDDEN_CELL, '', ...evidence]
        : [...common, account.name, String(account.arr), ...evidence]
    );
  });
  return toSafeCsv(SHIPPED_COLUMNS, data);
}
