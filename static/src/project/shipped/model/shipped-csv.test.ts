import { shippedIssue } from '../../../test/fixtures';
import { shippedToCsv } from './shipped-csv';

const HEADER = 'issue key,issue summary,done,score,account,ARR,insights,insight summaries,requests told';

it('writes one row per issue and account, and one with no account for anonymous-only work', () => {
  const csv = shippedToCsv([
    shippedIssue(),
    shippedIssue({
      issueId: '10004',
      key: 'DEMO-4',
      summary: '=cmd|calc',
      doneAt: undefined,
      score: 2,
      insightCount: 1,
      accounts: [],
      insights: [
        { insightId: 'ins-3', summary: 'Anonymous survey answer', sourceKind: 'survey', sourceUrl: null }
      ]
    })
  ]);
  const evidence = '2,Export to CSV times out; We export by hand every Monday';
  expect(csv.split('\r\n')).toEqual([
    HEADER,
    `DEMO-3,Scheduled CSV export,2025-06-12T09:00:00.000Z,18.5,Acme,240000,${evidence},`,
    `DEMO-3,Scheduled CSV export,2025-06-12T09:00:00.000Z,18.5,Globex,1200000,${evidence},`,
    // A formula-looking summary is defused for Excel.
    `DEMO-4,"'=cmd|calc",,2,,,1,Anonymous survey answer,`
  ]);
});

it('writes "hidden" and no ARR for accounts masked by the privacy settings, never 0', () => {
  const csv = shippedToCsv([
    shippedIssue({
      identityHidden: true,
      accounts: [
        { key: 'account-1', name: 'Hidden account', arr: 0 },
        { key: 'account-2', name: 'Hidden account', arr: 0 }
      ]
    })
  ]);
  const rows = csv.split('\r\n').slice(1);
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(row).toContain(',18.5,hidden,,2,');
  expect(csv).not.toContain('Hidden account');
});

it('lists the service requests already told, per account and for the no-account row', () => {
  const told = (requestKey: string) => [{ requestKey, toldAt: '2025-06-12T10:00:00.000Z' }];
  const csv = shippedToCsv([
    shippedIssue({
      accounts: [
        { key: 'acme', name: 'Acme', arr: 240_000, told: told('HELP-4') },
        { key: 'globex', name: 'Globex', arr: 1_200_000 }
      ]
    }),
    shippedIssue({ issueId: '10004', key: 'DEMO-4', accounts: [], otherTold: told('HELP-9') })
  ]);
  const rows = csv.split('\r\n').slice(1);
  expect(rows.map((row) => row.split(',').at(-1))).toEqual(['HELP-4', '', 'HELP-9']);
});
