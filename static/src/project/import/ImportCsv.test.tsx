import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { ImportProgressView, ImportReport } from '../../../../src/contract/views';
import { fail, ok, onResolver, payloadsOf, resetBridge } from '../../test/forge-bridge';
import { chooseOption } from '../../test/select';
import { ImportCsv } from './ImportCsv';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

type ImportPayload = PayloadOf<'project/importInsights'>;
const POLL = 1;

const FILE = [
  'Ticket ID,Title,Body,Customer,Created At,Link,Priority',
  'T-1,Export times out,"It fails\nevery Monday",Acme,2025-05-01,https://support.example.com/1,high',
  'T-2,,No summary here,Globex,2025-05-02,,low',
  'T-3,Bad link,Body,Initech,2025-05-03,javascript:alert(1),medium',
  'T-4,Fine,Body,,2025-05-04,,critical'
].join('\n');

/**
 * The server: queues each row the first time its key is seen, refuses a summary
 * "Refused"; a started import writes `perPoll` rows per progress poll.
 */
function server(perPoll = 1000): void {
  const seen = new Set<string>();
  let queued = 0;
  let done = 0;
  onResolver('project/importInsights', (p) => {
    const report: ImportReport = { queued: [], duplicates: [], invalid: [] };
    for (const row of p.rows) {
      const summary = (row.insight as { summary: string }).summary;
      if (summary === 'Refused') {
        report.invalid.push({
          line: row.line,
          message: 'Invalid row',
          fieldIssues: [{ path: 'account.key', message: 'Must contain at least one letter or digit' }]
        });
      } else if (seen.has(row.key ?? summary))
        report.duplicates.push({ line: row.line, insightId: `i-${row.line}` });
      else {
        seen.add(row.key ?? summary);
        report.queued.push({ line: row.line, insightId: `i-${row.line}` });
      }
    }
    return ok(report);
  });
  onResolver('project/startImport', (p) => {
    queued = p.total;
    done = 0;
    return ok(progress(p.importId, queued, done));
  });
  onResolver('project/importProgress', (p) => {
    done = Math.min(queued, done + perPoll);
    return ok(progress(p.importId, queued, done));
  });
}

function progress(importId: string, total: number, done: number, extra: Partial<ImportProgressView> = {}) {
  return {
    importId,
    status: done === total ? ('done' as const) : ('running' as const),
    chunks: 1,
    chunksDone: done === total ? 1 : 0,
    total,
    done,
    created: done,
    duplicates: 0,
    failed: [],
    failedCount: 0,
    ...extra
  };
}

function paste(text: string): void {
  fireEvent.change(screen.getByTestId('import-paste'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('import-paste-submit'));
}

beforeEach(() => {
  resetBridge();
  server();
});

it('pre-fills the column mapping from the header names, and lets a column be changed', async () => {
  render(<ImportCsv pollMs={POLL} />);
  paste(FILE);
  await screen.findByTestId('column-mapping');
  const column = (field: string): string | null =>
    screen.getByTestId(`map-${field}`).getAttribute('data-column');
  expect(column('key')).toBe('Ticket ID');
  expect(column('summary')).toBe('Title');
  expect(column('quote')).toBe('Body');
  expect(column('accountName')).toBe('Customer');
  expect(column('observedAt')).toBe('Created At');
  expect(column('sourceUrl')).toBe('Link');
  expect(column('severity')).toBe('Priority');
  expect(column('sourceKind')).toBe('');
  expect(screen.getByTestId('import-file-summary')).toHaveTextContent('4 rows');

  await chooseOption('Quote', '— Not in the file —');
  expect(column('quote')).toBe('');
});

it('previews the first rows, each checked with the shared schema, with its file line and reason', async () => {
  render(<ImportCsv pollMs={POLL} />);
  paste(FILE);
  const rows = await screen.findAllByTestId('preview-row');
  expect(rows.map((r) => [r.getAttribute('data-line'), r.getAttribute('data-valid')])).toEqual([
    ['2', 'true'],
    ['4', 'false'],
    ['5', 'false'],
    ['6', 'true']
  ]);
  expect(within(rows[1] as HTMLElement).getByTestId('preview-check')).toHaveTextContent(
    'summary: Summary is required'
  );
  expect(within(rows[2] as HTMLElement).getByTestId('preview-check')).toHaveTextContent(
    'sourceUrl: Only http:// and https:// links are allowed'
  );
  expect(rows[0]).toHaveTextContent('Export times out');
  expect(rows[0]).toHaveTextContent('Acme');
  expect(screen.getByTestId('preview-summary')).toHaveTextContent('2 of 4 rows ready to import · 2 invalid');

  // A fixed source kind applies to every row when the file has no such column.
  await chooseOption('Source kind of every row', 'Survey');
  fireEvent.click(screen.getByTestId('import-start'));
  await screen.findByTestId('import-report');
  const sent = payloadsOf('project/importInsights') as ImportPayload[];
  expect(sent[0]?.rows.map((r) => (r.insight as { sourceKind: string }).sourceKind)).toEqual([
    'survey',
    'survey'
  ]);
});

it('sends 250 rows in 3 sequential calls and reports every refused line, its own and the server’s', async () => {
  const lines = ['summary,observed at,account'];
  for (let i = 1; i <= 250; i++) {
    const summary = i === 7 ? '' : i === 120 ? 'Refused' : `Insight ${i}`;
    lines.push(`${summary},${i === 200 ? 'yesterday' : '2025-05-01'},Acme ${i}`);
  }
  render(<ImportCsv pollMs={POLL} />);
  paste(lines.join('\n'));
  fireEvent.click(await screen.findByTestId('import-start'));
  const report = await screen.findByTestId('import-report');

  const calls = payloadsOf('project/importInsights') as ImportPayload[];
  expect(calls.map((c) => c.rows.length)).toEqual([100, 100, 48]);
  // File lines, in order, without the two refused before sending (lines 8 and 201).
  const sentLines = calls.flatMap((c) => c.rows.map((r) => r.line));
  expect(sentLines[0]).toBe(2);
  expect(sentLines).not.toContain(8);
  expect(sentLines).not.toContain(201);
  expect(sentLines).toHaveLength(248);

  expect(screen.getByTestId('import-created')).toHaveTextContent('247');
  expect(screen.getByTestId('import-duplicates')).toHaveTextContent('0');
  expect(screen.getByTestId('import-invalid')).toHaveTextContent('3');
  expect(screen.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '250');
  const invalid = within(report).getAllByTestId('import-invalid-row');
  expect(invalid.map((r) => r.textContent)).toEqual([
    '8summary: Summary is required',
    '121account.key: Must contain at least one letter or digit',
    expect.stringMatching(/^201observedAt: Must be an ISO date/)
  ]);
});

it('reports everything as duplicates when the same file is imported again', async () => {
  render(<ImportCsv pollMs={POLL} />);
  paste(FILE);
  fireEvent.click(await screen.findByTestId('import-start'));
  await screen.findByTestId('import-report');
  expect(screen.getByTestId('import-created')).toHaveTextContent('2');
  fireEvent.click(screen.getByTestId('import-another'));
  paste(FILE);
  fireEvent.click(await screen.findByTestId('import-start'));
  await screen.findByTestId('import-report');
  expect(screen.getByTestId('import-created')).toHaveTextContent('0');
  expect(screen.getByTestId('import-duplicates')).toHaveTextContent('2');
  expect(screen.getAllByTestId('import-invalid-row').map((r) => r.getAttribute('data-line'))).toEqual([
    '4',
    '5'
  ]);
});

it('stops on a failed call and resumes at that chunk on retry', async () => {
  let calls = 0;
  onResolver('project/importInsights', (p) => {
    calls += 1;
    if (calls === 2) return fail('UPSTREAM_FAILED', 'storage down');
    return ok({
      queued: p.rows.map((r) => ({ line: r.line, insightId: `i-${r.line}` })),
      duplicates: [],
      invalid: []
    });
  });
  const lines = ['summary,date', ...Array.from({ length: 150 }, (_, i) => `S${i},2025-05-01`)];
  render(<ImportCsv pollMs={POLL} />);
  paste(lines.join('\n'));
  fireEvent.click(await screen.findByTestId('import-start'));
  await screen.findByTestId('import-failed');
  expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import stopped — 0 of 150 rows');
  fireEvent.click(screen.getByTestId('import-retry'));
  await screen.findByTestId('import-report');
  const sent = (payloadsOf('project/importInsights') as ImportPayload[]).map((p) => p.rows[0]?.line);
  expect(sent).toEqual([2, 102, 102]);
  expect(screen.getByTestId('import-created')).toHaveTextContent('150');
});

it('reads a chosen file', async () => {
  render(<ImportCsv pollMs={POLL} />);
  const file = new File([FILE], 'tickets.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  expect(await screen.findByText('Map the columns of tickets.csv')).toBeInTheDocument();
  await waitFor(() => expect(screen.getAllByTestId('preview-row')).toHaveLength(4));
});

it('lists the lines whose account was kept as stored, with masked values as the server sent them', async () => {
  onResolver('project/importProgress', (p) =>
    ok(
      progress(p.importId, 2, 2, {
        accountConflicts: [
          { line: 2, accountKey: 'hidden', field: 'name', stored: 'hidden', given: 'ACME' },
          { line: 3, accountKey: 'hidden', field: 'arr', stored: 'hidden', given: 5000 }
        ]
      })
    )
  );
  render(<ImportCsv pollMs={POLL} />);
  paste(['summary,date,customer', 'A,2025-05-01,ACME', 'B,2025-05-01,Acme'].join('\n'));
  fireEvent.click(await screen.findByTestId('import-start'));
  const table = await screen.findByRole('table', { name: 'Accounts kept as stored' });
  const rows = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);
  expect(rows).toEqual(['2Name stays hidden (you entered ACME)', '3ARR stays hidden (you entered $5k)']);
});

it('shows the server writing the accepted rows in the background, polled until done', async () => {
  server(40);
  const lines = ['summary,date', ...Array.from({ length: 100 }, (_, i) => `S${i},2025-05-01`), ',2025-05-01'];
  // Polls far enough apart for each answer to be on screen before the next one is asked.
  render(<ImportCsv pollMs={100} />);
  paste(lines.join('\n'));
  fireEvent.click(await screen.findByTestId('import-start'));
  // Started with nothing written: only the refused line is finished.
  expect(
    await screen.findByText('0 of 100 accepted rows written. The import goes on if you leave this page.')
  ).toBeInTheDocument();
  expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Importing… — 1 of 101 rows');
  expect(await screen.findByText(/^40 of 100 accepted rows written/)).toBeInTheDocument();
  expect(screen.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '41');
  expect(await screen.findByText(/^80 of 100 accepted rows written/)).toBeInTheDocument();
  await screen.findByTestId('import-report');
  expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import finished — 101 of 101 rows');
  expect(screen.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '101');
  expect(screen.getByTestId('import-created')).toHaveTextContent('100');
  expect(screen.queryByTestId('import-background-note')).not.toBeInTheDocument();
  expect(payloadsOf('project/importProgress')).toHaveLength(3);
  const start = payloadsOf('project/startImport') as PayloadOf<'project/startImport'>[];
  expect(start.map((p) => ({ chunks: p.chunks, total: p.total }))).toEqual([{ chunks: 1, total: 100 }]);
  // The run is the one the rows were uploaded to.
  expect(start[0]!.importId).toBe((payloadsOf('project/importInsights')[0] as ImportPayload).importId);
});

it('lists rows the server could not write with their reasons', async () => {
  server();
  onResolver('project/importProgress', (p) =>
    ok(
      progress(p.importId, 2, 2, {
        created: 1,
        failed: [{ line: 3, message: 'Invalid row 3: summary' }],
        failedCount: 1
      })
    )
  );
  render(<ImportCsv pollMs={POLL} />);
  paste(['summary,date', 'A,2025-05-01', 'B,2025-05-01'].join('\n'));
  fireEvent.click(await screen.findByTestId('import-start'));
  await screen.findByTestId('import-report');
  expect(screen.getAllByTestId('import-invalid-row').map((r) => r.textContent)).toEqual([
    '3Invalid row 3: summary'
  ]);
});

it('stops when a progress poll fails, and polls again on retry without starting the run twice', async () => {
  let polls = 0;
  onResolver('project/importProgress', (p) =>
    ++polls === 1 ? fail('UPSTREAM_FAILED', 'storage down') : ok(progress(p.importId, 2, 2))
  );
  render(<ImportCsv pollMs={POLL} />);
  paste(['summary,date', 'A,2025-05-01', 'B,2025-05-01'].join('\n'));
  fireEvent.click(await screen.findByTestId('import-start'));
  await screen.findByTestId('import-failed');
  expect(screen.getByTestId('import-progress-text')).toHaveTextContent('Import stopped — 0 of 2 rows');
  fireEvent.click(screen.getByTestId('import-retry'));
  await screen.findByTestId('import-report');
  expect(screen.getByTestId('import-created')).toHaveTextContent('2');
  expect(payloadsOf('project/startImport')).toHaveLength(1);
  expect(payloadsOf('project/importProgress')).toHaveLength(2);
});
