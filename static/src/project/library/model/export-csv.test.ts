import { insightView } from '../../../test/fixtures';
import { insightsToCsv } from './export-csv';

it('writes the library as CSV, quoting where needed and defusing formulas', () => {
  const csv = insightsToCsv([
    insightView(),
    insightView({
      id: 'ins-2',
      summary: '=HYPERLINK("http://evil")',
      quote: 'Line one\nline "two"',
      sourceUrl: undefined,
      account: undefined,
      accountKey: undefined,
      journeyStage: undefined,
      tags: [],
      status: 'dismissed'
    })
  ]);
  expect(csv).toBe(
    [
      'id,summary,quote,source kind,source URL,account,segment,ARR,severity,sentiment,journey stage,observed at,status,tags',
      'ins-1,Export to CSV times out,We lose an hour every Monday.,ticket,https://support.example.com/t/42,Acme,enterprise,240000,high,negative,usage,2025-05-01T00:00:00.000Z,new,"export, csv"',
      `ins-2,"'=HYPERLINK(""http://evil"")","Line one\nline ""two""",ticket,,,,,high,negative,,2025-05-01T00:00:00.000Z,dismissed,`
    ].join('\r\n')
  );
});

it('leaves ARR empty when it is hidden from the user', () => {
  const csv = insightsToCsv([insightView({ identityHidden: true })]);
  expect(csv.split('\r\n')[1]).toContain(',Acme,enterprise,,high,');
});
