import { insightInput, realisticQuote } from './fixtures';

/** Characters of a long quote: what a support ticket's excerpt runs to. */
export const LONG_QUOTE_CHARS = 1000;

/**
 * A quote of about 1 000 characters: realistic sentences, plus the few words that are
 * the row's own (an order reference, a contact), as real ticket excerpts carry them.
 */
export function longQuote(i: number): string {
  const own = `Order ORD${100000 + i} raised by contact${i % 500} from site${i % 37}.`;
  let quote = own;
  for (let k = 0; quote.length < LONG_QUOTE_CHARS; k += 1) quote += ` ${realisticQuote(i + k)}`;
  return quote.slice(0, LONG_QUOTE_CHARS);
}

/** One mapped CSV row as the project page sends it: line 2 is the file's first data row. */
export function longImportRow(i: number): { line: number; key: string; insight: Record<string, unknown> } {
  const input = insightInput(i);
  return { line: i + 2, key: `T-${i}`, insight: { ...input, quote: longQuote(i) } };
}
