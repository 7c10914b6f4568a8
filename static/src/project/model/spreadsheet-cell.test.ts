import fc from 'fast-check';
import { insightView, shippedIssue } from '../../test/fixtures';
import { parseCsv } from '../import/model/csv-file';
import { insightsToCsv } from '../library/model/export-csv';
import { DEFAULT_FIXED, autoMatch } from '../import/model/import-mapping';
import { toImportRow } from '../import/model/import-rows';
import { shippedToCsv } from '../shipped/model/shipped-csv';
import { defuseCell, restoreCell } from './spreadsheet-cell';

/** What a spreadsheet would run: a first character, after blanks, that starts a formula. */
const RUNS_AS_FORMULA = /^[\s\p{Cc}]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\p{Cc}]/u;

/** Text built from the characters that matter here, so the interesting cases are common. */
const cellText = fc
  .array(
    fc.constantFrom('=', '+', '-', '@', "'", ' ', '\t', '\n', '\r', '\0', '\u3000', '＝', 'a', '1', '"', ','),
    {
      maxLength: 8
    }
  )
  .map((chars) => chars.join(''));
const anyText = fc.oneof(cellText, fc.string(), fc.string({ unit: 'grapheme' }));

it('defuses every cell a spreadsheet would run, and restores exactly the text it was given', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const cell = defuseCell(text);
      expect(RUNS_AS_FORMULA.test(cell)).toBe(false);
      expect(restoreCell(cell)).toBe(text);
    }),
    { numRuns: 2000 }
  );
});

it('defuses formulas in multi-line cells and after leading blanks', () => {
  const rows = insightsToCsv([
    insightView({ summary: '=HYPERLINK("http://evil")\nsecond line', quote: ' \n=1+1', tags: ['@SUM(A1)'] })
  ]);
  const cells = parseCsv(rows).rows[0]?.cells ?? {};
  expect(cells.summary).toBe('\'=HYPERLINK("http://evil")\nsecond line');
  expect(cells.quote).toBe("' \n=1+1");
  expect(cells.tags).toBe("'@SUM(A1)");
});

it('keeps what the user typed through an export and an import, leading apostrophes included', () => {
  const mapping = autoMatch(parseCsv(insightsToCsv([insightView()])).headers);
  // Papaparse reads CR line breaks inside cells as LF, as every spreadsheet does.
  const text = anyText.map((t) => t.replace(/\r\n?/g, '\n'));
  fc.assert(
    fc.property(text, text, (summary, quote) => {
      const csv = insightsToCsv([insightView({ summary: `S${summary}`, quote })]);
      const [row] = parseCsv(csv).rows;
      if (!row) throw new Error('no row');
      const imported = toImportRow(row, mapping, DEFAULT_FIXED).insight as {
        summary: string;
        quote?: string;
      };
      expect(imported.summary).toBe(`S${summary}`);
      expect(imported.quote ?? '').toBe(quote.trim() === '' ? '' : quote);
    }),
    { numRuns: 500 }
  );
  const [row] = parseCsv(
    insightsToCsv([insightView({ summary: "'=not a formula", quote: "'quoted'" })])
  ).rows;
  if (!row) throw new Error('no row');
  expect(toImportRow(row, mapping, DEFAULT_FIXED).insight).toMatchObject({
    summary: "'=not a formula",
    quote: "'quoted'"
  });
});

it('defuses every cell of the shipped export', () => {
  const csv = shippedToCsv([
    shippedIssue({
      summary: '-2+3\nmultiline',
      accounts: [{ key: 'k', name: '\t@evil', arr: 1 }],
      insights: [{ insightId: 'i', summary: '=1', sourceKind: 'ticket', sourceUrl: null }]
    })
  ]);
  for (const row of parseCsv(csv).rows)
    for (const value of Object.values(row.cells)) expect(RUNS_AS_FORMULA.test(value)).toBe(false);
});
