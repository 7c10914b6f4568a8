import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { renderWithQueries as render } from '../../test/render';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { ImportProgressView, ImportReport } from '../../../../src/contract/views';
import { fail, ok, onResolver, payloadsOf, resetBridge } from '../../test/forge-bridge';
import { chooseOption } from '../../test/select';
import { setupUser } from '../../test/user';
import type { SavedImportMappings } from '../../../../src/domain/import-value-mappings';
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
function server(perPoll = 1000, saved: SavedImportMappings | null = null): void {
  const seen = new Set<string>();
  let mappings = saved;
  onResolver('project/getImportMappings', () => ok(mappings));
  onResolver('project/saveImportMappings', (p) => {
    mappings = p.mappings;
    return ok(mappings);
  });
  let queued = 0;
  let done = 0;
  onResolver('project/importInsights', (p) => {
    const report: ImportReport = { queued: [], duplicates: [], invalid: [] };
    for (const row of p.rows) {
      const summary = (row.insight as { summary: string }).summary;
      if (summary === 'Refused') {
        report.invalid.push({
          line: row.line,
          message: `Row ${row.line}: account key: Must contain at least one letter or digit`,
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

async function paste(user: UserEvent, text: string): Promise<void> {
  await user.click(screen.getByLabelText('Or paste CSV text'));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Use pasted text' }));
}

async function startImport(user: UserEvent): Promise<void> {
  await user.click(await screen.findByRole('button', { name: /^Import \d+/ }));
}

/** The report's headline, once the import has finished: "2 created · 0 already imported · …". */
async function finished(): Promise<HTMLElement> {
  return screen.findByRole('heading', { name: /^\d+ created · / });
}

/** A running count as shown, e.g. "Created 247". */
function count(label: 'Created' | 'Duplicates' | 'Invalid'): string | null {
  return screen.getByText(label).textContent;
}

function progressBar(): HTMLElement {
  return screen.getByRole('progressbar', { name: 'Import progress' });
}

/** The preview's rows (after its header row). */
async function previewRows(): Promise<HTMLElement[]> {
  return within(await screen.findByRole('table', { name: 'Preview' }))
    .getAllByRole('row')
    .slice(1);
}

/** A preview row's file line and what its check column says. */
function previewed(row: HTMLElement): { line: string | null; check: string | null } {
  const cells = within(row).getAllByRole('cell');
  return { line: cells[0]!.textContent, check: cells[cells.length - 1]!.textContent };
}

/** The report's refused lines, as line and reason. */
function invalidRows(): (string | null)[] {
  return within(screen.getByRole('table', { name: 'Invalid rows' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);
}

function previewSummary(): HTMLElement {
  return screen.getByText(/ rows ready to import/);
}

beforeEach(() => {
  resetBridge();
  server();
});

it('pre-fills the column mapping from the header names, and lets a column be changed', async () => {
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, FILE);
  await screen.findByRole('heading', { name: 'Columns' });
  /** The field's select shows `column` as its choice. */
  const shows = (field: string, column: string): void => {
    const group = screen.getByRole('group', { name: `${field} column` });
    expect(within(group).getByText(column)).toBeInTheDocument();
  };
  shows('External id / key', 'Ticket ID');
  shows('Summary', 'Title');
  shows('Quote', 'Body');
  shows('Account name', 'Customer');
  shows('Observed at', 'Created At');
  shows('Source URL', 'Link');
  shows('Severity', 'Priority');
  shows('Source kind', '— Not in the file —');
  expect(screen.getByText(/^4 rows · columns: /)).toBeInTheDocument();

  await chooseOption('Quote', '— Not in the file —');
  shows('Quote', '— Not in the file —');
  expect(
    within(screen.getByRole('group', { name: 'Quote column' })).queryByText('Body')
  ).not.toBeInTheDocument();
});

it('previews the first rows, each checked with the shared schema, with its file line and reason', async () => {
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, FILE);
  const rows = await previewRows();
  expect(rows.map(previewed)).toEqual([
    { line: '2', check: 'Ready' },
    { line: '4', check: 'InvalidRow 4: summary: Summary is required' },
    { line: '5', check: 'InvalidRow 5: source URL: Only http:// and https:// links are allowed' },
    { line: '6', check: 'Ready' }
  ]);
  expect(rows[0]).toHaveTextContent('Export times out');
  expect(rows[0]).toHaveTextContent('Acme');
  expect(previewSummary()).toHaveTextContent('2 of 4 rows ready to import · 2 invalid');

  // A fixed source kind applies to every row when the file has no such column.
  await chooseOption('Source kind of every row', 'Survey');
  await startImport(user);
  await finished();
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
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, lines.join('\n'));
  await startImport(user);
  await finished();

  const calls = payloadsOf('project/importInsights') as ImportPayload[];
  expect(calls.map((c) => c.rows.length)).toEqual([100, 100, 48]);
  // File lines, in order, without the two refused before sending (lines 8 and 201).
  const sentLines = calls.flatMap((c) => c.rows.map((r) => r.line));
  expect(sentLines[0]).toBe(2);
  expect(sentLines).not.toContain(8);
  expect(sentLines).not.toContain(201);
  expect(sentLines).toHaveLength(248);

  expect(count('Created')).toBe('Created 247');
  expect(count('Duplicates')).toBe('Duplicates 0');
  expect(count('Invalid')).toBe('Invalid 3');
  expect(progressBar()).toHaveAttribute('aria-valuenow', '250');
  expect(invalidRows()).toEqual([
    '8Row 8: summary: Summary is required',
    '121Row 121: account key: Must contain at least one letter or digit',
    expect.stringMatching(/^201Row 201: observed at: Must be an ISO date/)
  ]);
});

it('reports everything as duplicates when the same file is imported again', async () => {
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, FILE);
  await startImport(user);
  await finished();
  expect(count('Created')).toBe('Created 2');
  await user.click(screen.getByRole('button', { name: 'Import another file' }));
  await paste(user, FILE);
  await startImport(user);
  await finished();
  expect(count('Created')).toBe('Created 0');
  expect(count('Duplicates')).toBe('Duplicates 2');
  expect(invalidRows().map((r) => r?.match(/^\d+/)?.[0])).toEqual(['4', '5']);
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
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, lines.join('\n'));
  await startImport(user);
  await screen.findByRole('heading', { name: 'The import stopped' });
  expect(screen.getByText('Import stopped — 0 of 150 rows')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Retry' }));
  await finished();
  const sent = (payloadsOf('project/importInsights') as ImportPayload[]).map((p) => p.rows[0]?.line);
  expect(sent).toEqual([2, 102, 102]);
  expect(count('Created')).toBe('Created 150');
});

it('reads a chosen file', async () => {
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  const file = new File([FILE], 'tickets.csv', { type: 'text/csv' });
  await user.upload(screen.getByLabelText('CSV file'), file);
  expect(await screen.findByText('Map the columns of tickets.csv')).toBeInTheDocument();
  expect(await previewRows()).toHaveLength(4);
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
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, ['summary,date,customer', 'A,2025-05-01,ACME', 'B,2025-05-01,Acme'].join('\n'));
  await startImport(user);
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
  const user = setupUser();
  render(<ImportCsv pollMs={100} />);
  await paste(user, lines.join('\n'));
  await startImport(user);
  // Started with nothing written: only the refused line is finished.
  expect(
    await screen.findByText('0 of 100 accepted rows written. The import goes on if you leave this page.')
  ).toBeInTheDocument();
  expect(screen.getByText('Importing… — 1 of 101 rows')).toBeInTheDocument();
  expect(await screen.findByText(/^40 of 100 accepted rows written/)).toBeInTheDocument();
  expect(progressBar()).toHaveAttribute('aria-valuenow', '41');
  expect(await screen.findByText(/^80 of 100 accepted rows written/)).toBeInTheDocument();
  await finished();
  expect(screen.getByText('Import finished — 101 of 101 rows')).toBeInTheDocument();
  expect(progressBar()).toHaveAttribute('aria-valuenow', '101');
  expect(count('Created')).toBe('Created 100');
  expect(screen.queryByText(/accepted rows written/)).not.toBeInTheDocument();
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
        failed: [{ line: 3, message: 'Row 3: summary: Summary is required' }],
        failedCount: 1
      })
    )
  );
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, ['summary,date', 'A,2025-05-01', 'B,2025-05-01'].join('\n'));
  await startImport(user);
  await finished();
  expect(invalidRows()).toEqual(['3Row 3: summary: Summary is required']);
});

it('stops when a progress poll fails, and polls again on retry without starting the run twice', async () => {
  let polls = 0;
  onResolver('project/importProgress', (p) =>
    ++polls === 1 ? fail('UPSTREAM_FAILED', 'storage down') : ok(progress(p.importId, 2, 2))
  );
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, ['summary,date', 'A,2025-05-01', 'B,2025-05-01'].join('\n'));
  await startImport(user);
  await screen.findByRole('heading', { name: 'The import stopped' });
  expect(screen.getByText('Import stopped — 0 of 2 rows')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Retry' }));
  await finished();
  expect(count('Created')).toBe('Created 2');
  expect(payloadsOf('project/startImport')).toHaveLength(1);
  expect(payloadsOf('project/importProgress')).toHaveLength(2);
});

/** A Zendesk ticket export as its "Export as CSV" writes it: the tool's own priorities, channels and plans. */
const ZENDESK_EXPORT = [
  'Id,Subject,Description,Status,Priority,Via,Requester,Organization,Plan,Created at,Tags',
  '4101,Export to CSV times out,"Exports over 10k rows never finish",open,urgent,Email,ann@acme.test,Acme,Enterprise,2025-05-01T09:12:00Z,export',
  '4102,Search is slow,"Search takes 20 seconds",open,normal,Chat,bo@globex.test,Globex,Professional,2025-05-02T10:00:00Z,search',
  '4103,Need SSO,"We need SAML before renewal",pending,high,Web Form,cy@initech.test,Initech,Enterprise,2025-05-02T11:30:00Z,sso',
  '4104,Dark mode please,"Our team works at night",open,low,Web Widget,di@hooli.test,Hooli,Team,2025-05-03T08:45:00Z,ui',
  '4105,Invoice PDF wrong,"VAT number missing on invoices",solved,normal,Email,ed@umbrella.test,Umbrella,Professional,2025-05-03T14:20:00Z,billing',
  '4106,API rate limit too low,"We hit 429s every hour",open,high,API,fi@stark.test,Stark,Enterprise,2025-05-04T16:05:00Z,api',
  '4107,App crashes on login,"iOS app closes at once",open,urgent,Mobile,gu@wayne.test,Wayne,Team,2025-05-05T07:30:00Z,mobile',
  '4108,Cannot reset password,"Reset email never arrives",solved,normal,Phone call (incoming),ha@wonka.test,Wonka,Free,2025-05-05T12:00:00Z,auth',
  '4109,Love the new editor,"Please keep the shortcuts",closed,low,Twitter,io@tyrell.test,Tyrell,Free,2025-05-06T18:10:00Z,editor',
  '4110,Audit log export,"Compliance needs a monthly export",open,normal,Email,ju@cyberdyne.test,Cyberdyne,Enterprise,2025-05-07T09:00:00Z,export'
].join('\n');

type Sent = { severity: string; sourceKind: string; account?: { segment?: string } };

it('imports all 10 rows of a Zendesk export with the preset it detects from the headers', async () => {
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, ZENDESK_EXPORT);
  expect(await screen.findByRole('table', { name: 'Severity from “Priority”' })).toBeInTheDocument();
  expect(previewSummary()).toHaveTextContent('10 of 10 rows ready to import');

  // Without the preset, the tool's words are refused, each row saying which value and why.
  await chooseOption('Exported from', 'Another tool (no preset)');
  expect(previewSummary()).toHaveTextContent('0 of 10 rows ready to import · 10 invalid');
  const first = (await previewRows())[0] as HTMLElement;
  expect(first).toHaveTextContent('severity “urgent” is not one of low, medium, high, critical');
  expect(first).toHaveTextContent('source kind “Email” is not one of ticket, interview');
  expect(first).toHaveTextContent('map it above');
  // Urgent, normal; eight channels; Professional, Team, Free (low, high and Enterprise are allowed values).
  expect(screen.getByText('13 values not mapped')).toBeInTheDocument();

  await chooseOption('Exported from', 'Zendesk');
  expect(previewSummary()).toHaveTextContent('10 of 10 rows ready to import');
  await user.click(screen.getByRole('button', { name: 'Import 10 rows' }));
  expect(await screen.findByText('10 created · 0 already imported · 0 invalid')).toBeInTheDocument();

  const sent = (payloadsOf('project/importInsights') as ImportPayload[]).flatMap((p) =>
    p.rows.map((r) => r.insight as Sent)
  );
  expect(sent.map((i) => i.severity)).toEqual([
    'critical',
    'medium',
    'high',
    'low',
    'medium',
    'high',
    'critical',
    'medium',
    'low',
    'medium'
  ]);
  expect(sent.map((i) => i.sourceKind)).toEqual([...Array<string>(8).fill('ticket'), 'social', 'ticket']);
  expect(sent.map((i) => i.account?.segment)).toEqual([
    'enterprise',
    'mid_market',
    'enterprise',
    'smb',
    'mid_market',
    'enterprise',
    'smb',
    'self_serve',
    'self_serve',
    'enterprise'
  ]);
  // Kept for the project's next import.
  const saved = payloadsOf('project/saveImportMappings') as PayloadOf<'project/saveImportMappings'>[];
  expect(saved).toHaveLength(1);
  expect(saved[0]!.mappings.preset).toBe('zendesk');
});

it('lets each unknown value be mapped by hand or skip its rows, and saves the choices', async () => {
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(
    user,
    [
      'summary,date,channel',
      'A,2025-05-01,email',
      'B,2025-05-01,carrier pigeon',
      'C,2025-05-01,Fax spam'
    ].join('\n')
  );
  const check = async (line: number): Promise<HTMLElement> =>
    (await previewRows()).find((r) => previewed(r).line === String(line))!;
  expect(await check(3)).toHaveTextContent(
    'Row 3: source kind “carrier pigeon” is not one of ticket, interview, survey, nps, sales_call, review, social, other — map it above'
  );

  await chooseOption('Source kind for “email”', 'Support ticket');
  await chooseOption('Source kind for “carrier pigeon”', 'Other');
  await chooseOption('Source kind for “Fax spam”', 'Skip the row');
  expect(previewSummary()).toHaveTextContent('2 of 3 rows ready to import · 1 skipped');
  expect(await check(4)).toHaveTextContent('Skipped');

  await user.click(screen.getByRole('button', { name: 'Import 2 valid rows' }));
  expect(
    await screen.findByText('2 created · 0 already imported · 0 invalid · 1 skipped')
  ).toBeInTheDocument();
  const sent = (payloadsOf('project/importInsights') as ImportPayload[]).flatMap((p) =>
    p.rows.map((r) => (r.insight as Sent).sourceKind)
  );
  expect(sent).toEqual(['ticket', 'other']);
  const saved = payloadsOf('project/saveImportMappings') as PayloadOf<'project/saveImportMappings'>[];
  expect(saved[0]!.mappings.values.sourceKind).toEqual({
    email: 'ticket',
    'carrier pigeon': 'other',
    'fax spam': ':skip'
  });
});

it('offers the choices the project saved on an earlier import', async () => {
  const none = { sourceKind: {}, accountSegment: {}, severity: {}, sentiment: {}, journeyStage: {} };
  server(1000, { preset: null, values: { ...none, severity: { blocker: 'critical' } } });
  const user = setupUser();
  render(<ImportCsv pollMs={POLL} />);
  await paste(user, ['summary,date,priority', 'A,2025-05-01,Blocker'].join('\n'));
  await waitFor(() => expect(previewSummary()).toHaveTextContent('1 of 1 rows ready to import'));
  expect(screen.getByRole('table', { name: 'Severity from “priority”' })).toHaveTextContent('Critical');
  await user.click(screen.getByRole('button', { name: 'Import 1 row' }));
  await screen.findByText('1 created · 0 already imported · 0 invalid');
  const sent = payloadsOf('project/importInsights') as ImportPayload[];
  expect((sent[0]!.rows[0]!.insight as Sent).severity).toBe('critical');
});
