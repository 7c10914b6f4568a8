import { MAX_IMPORT_ROWS } from '../../../../../src/contract/payloads';
import type { CsvRow } from './csv-file';
import { autoMatch, DEFAULT_FIXED } from './import-mapping';
import {
  chunkRows,
  jsonBytes,
  prepareImport,
  rowProblem,
  toImportRow,
  type ImportRowPayload
} from './import-rows';

/** An independent UTF-8 length (jsdom has no TextEncoder). */
const utf8 = (s: string): number => unescape(encodeURIComponent(s)).length;

const NOW = new Date('2025-06-15T12:00:00Z');
const headers = [
  'summary',
  'quote',
  'source',
  'url',
  'account',
  'segment',
  'ARR',
  'severity',
  'stage',
  'date',
  'tags',
  'id'
];
const mapping = autoMatch(headers);
const row = (line: number, cells: Record<string, string>): CsvRow => ({ line, cells });

it('maps a row to the capture payload shape, normalising vocabulary words and labels', () => {
  const payload = toImportRow(
    row(2, {
      summary: 'Slow export',
      quote: 'It takes forever',
      source: 'Sales call',
      url: 'https://crm.example.com/1',
      account: 'Acme',
      segment: 'Mid-market',
      ARR: '$1,200,000',
      severity: 'HIGH',
      stage: 'usage',
      date: '2025-05-01',
      tags: 'export; csv,',
      id: 'T-1'
    }),
    mapping,
    DEFAULT_FIXED
  );
  expect(payload).toEqual({
    line: 2,
    key: 'T-1',
    insight: {
      summary: 'Slow export',
      quote: 'It takes forever',
      sourceKind: 'sales_call',
      sourceUrl: 'https://crm.example.com/1',
      account: { name: 'Acme', segment: 'mid_market', arr: 1_200_000 },
      severity: 'high',
      journeyStage: 'usage',
      observedAt: '2025-05-01',
      tags: ['export', 'csv']
    }
  });
  expect(rowProblem(payload, NOW)).toBeNull();
});

it('uses the fixed source kind and severity when the file has no such column or the cell is empty', () => {
  const payload = toImportRow(row(2, { summary: 'S', date: '2025-05-01', severity: '' }), mapping, {
    sourceKind: 'survey',
    severity: 'critical'
  });
  expect(payload.insight).toMatchObject({ sourceKind: 'survey', severity: 'critical' });
  expect(payload).not.toHaveProperty('key');
});

it('explains why a row would be refused, with the shared schema', () => {
  const check = (cells: Record<string, string>): string | undefined =>
    rowProblem(
      toImportRow(row(5, { summary: 'S', date: '2025-05-01', ...cells }), mapping, DEFAULT_FIXED),
      NOW
    )?.message;
  expect(check({ summary: '' })).toBe('Row 5: summary: Summary is required');
  expect(check({ url: 'javascript:alert(1)' })).toBe(
    'Row 5: source URL: Only http:// and https:// links are allowed'
  );
  expect(check({ date: '05/01/2025' })).toMatch(/^Row 5: observed at: Must be an ISO date/);
  expect(check({ date: '2030-01-01' })).toBe('Row 5: observed at: Must not be more than 1 day in the future');
  expect(check({ ARR: 'lots', account: 'Acme' })).toBe('Row 5: ARR: ARR must be a finite number');
  expect(check({ severity: 'urgent' })).toBe(
    'Row 5: severity “urgent” is not one of low, medium, high, critical — map it above'
  );
  expect(check({ id: 'x'.repeat(201) })).toBe('Row 5: external id: Must be at most 200 characters');
});

it("accepts Zendesk's native dates, a date and time without a zone being UTC", () => {
  const dated = (date: string): ImportRowPayload =>
    toImportRow(row(2, { summary: 'S', date }), mapping, DEFAULT_FIXED);
  expect(dated('2025-05-01 09:12:00 UTC').insight).toMatchObject({ observedAt: '2025-05-01T09:12:00Z' });
  expect(dated('2025-05-01 09:12').insight).toMatchObject({ observedAt: '2025-05-01T09:12Z' });
  expect(rowProblem(dated('2025-05-01 09:12:00 UTC'), NOW)).toBeNull();
  expect(rowProblem(dated('2025-05-01 09:12'), NOW)).toBeNull();
  expect(rowProblem(dated('2025-05-01 09:12 PST'), NOW)?.message).toMatch(
    /^Row 2: observed at: Must be an ISO date/
  );
});

it('strips the formula guard of spreadsheet-safe exports', () => {
  const payload = toImportRow(row(2, { summary: "'=SUM(A1)", date: '2025-05-01' }), mapping, DEFAULT_FIXED);
  expect(payload.insight).toMatchObject({ summary: '=SUM(A1)' });
});

it('splits rows into calls of at most MAX_IMPORT_ROWS rows, in file order', () => {
  const rows: ImportRowPayload[] = Array.from({ length: 250 }, (_, i) => ({
    line: i + 2,
    insight: { summary: `S${i}` }
  }));
  const { chunks, oversized } = chunkRows(rows);
  expect(chunks.map((c) => c.length)).toEqual([MAX_IMPORT_ROWS, MAX_IMPORT_ROWS, 50]);
  expect(chunks.flat().map((r) => r.line)).toEqual(rows.map((r) => r.line));
  expect(oversized).toEqual([]);
});

it('also closes a call before it passes the byte budget', () => {
  const quote = 'é'.repeat(3000); // 6 KB of UTF-8 per row
  const rows: ImportRowPayload[] = Array.from({ length: 100 }, (_, i) => ({
    line: i + 2,
    insight: { quote }
  }));
  const { chunks } = chunkRows(rows, 100, 100_000);
  expect(chunks.length).toBeGreaterThan(6);
  for (const chunk of chunks) expect(utf8(JSON.stringify({ rows: chunk }))).toBeLessThanOrEqual(100_000);
  const tooBig = chunkRows([{ line: 9, insight: { quote: 'x'.repeat(200) } }], 100, 100);
  expect(tooBig).toEqual({
    chunks: [],
    oversized: [
      {
        line: 9,
        message: 'Row 9: too large to import',
        fieldIssues: [{ path: '', message: 'Too large to import' }]
      }
    ]
  });
});

it('prepares a file: valid rows to send, invalid rows to report', () => {
  const prepared = prepareImport(
    [row(2, { summary: 'ok', date: '2025-05-01' }), row(3, { summary: '', date: '2025-05-01' })],
    mapping,
    DEFAULT_FIXED,
    NOW
  );
  expect(prepared.valid.map((r) => r.line)).toEqual([2]);
  expect(prepared.invalid).toEqual([
    {
      line: 3,
      message: 'Row 3: summary: Summary is required',
      fieldIssues: [{ path: 'summary', message: 'Summary is required' }]
    }
  ]);
});

it('counts JSON bytes as UTF-8', () => {
  for (const s of ['plain', 'é', '€', '😀', 'a"b\\c\n']) expect(jsonBytes(s)).toBe(utf8(JSON.stringify(s)));
});
