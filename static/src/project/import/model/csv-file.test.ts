import { parseCsv } from './csv-file';

it('keeps each row’s line in the file: header is line 1, blank lines and multi-line cells counted', () => {
  const text = 'summary,quote\r\n\r\nFirst,one\r\nSecond,"two\nlines"\n\nThird,three\n';
  const csv = parseCsv(text);
  expect(csv.headers).toEqual(['summary', 'quote']);
  expect(csv.rows.map((r) => [r.line, r.cells.summary])).toEqual([
    [3, 'First'],
    [4, 'Second'],
    [7, 'Third']
  ]);
  expect(csv.rows[1]?.cells.quote).toBe('two\nlines');
});

it('drops a byte-order mark, trims headers, and reads a header-only file', () => {
  expect(parseCsv('\uFEFF Summary , Date\n').headers).toEqual(['Summary', 'Date']);
  expect(parseCsv('\uFEFF Summary , Date\n').rows).toEqual([]);
});

it('reports ragged rows with their line', () => {
  const csv = parseCsv('a,b\n1,2\n3\n');
  expect(csv.rows).toHaveLength(2);
  expect(csv.problems[0]).toMatch(/^Line 3: /);
});
