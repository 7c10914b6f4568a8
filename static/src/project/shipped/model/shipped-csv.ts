import type { ShippedIssueView, ToldRequestView } from '../../../../../src/contract/views';
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
  'insight summaries',
  'requests told'
] as const;

/** The account cell when the backend masked identity for this user. */
export const HIDDEN_CELL = 'hidden';

/**
 * Recently done issues as CSV, one row per account each issue answered (so a CX lead
 * can sort and filter by customer), and one row with an empty account when only
 * anonymous feedback backed it. Masked accounts say `hidden` and leave ARR empty:
 * never the `0` the backend puts in their place. Formula-looking cells are defused as
 * in the library export (spreadsheet-cell.ts): the file is opened in Excel. The last
 * column lists the account's service requests the app already told (closing the loop),
 * so outreach can skip them; the no-account row lists requests told without an account.
 */
export function shippedToCsv(issues: readonly ShippedIssueView[]): string {
  const data = issues.flatMap((issue) => {
    const common = [issue.key, issue.summary, issue.doneAt ?? '', String(issue.score)];
    const evidence = [String(issue.insightCount), issue.insights.map((i) => i.summary).join('; ')];
    const keys = (told: readonly ToldRequestView[] | undefined): string =>
      (told ?? []).map((t) => t.requestKey).join('; ');
    if (issue.accounts.length === 0) return [[...common, '', '', ...evidence, keys(issue.otherTold)]];
    return issue.accounts.map((account) =>
      issue.identityHidden
        ? [...common, HIDDEN_CELL, '', ...evidence, keys(account.told)]
        : [...common, account.name, String(account.arr), ...evidence, keys(account.told)]
    );
  });
  return toSafeCsv(SHIPPED_COLUMNS, data);
}
