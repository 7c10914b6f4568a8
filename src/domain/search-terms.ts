import { fingerprint } from './fingerprint';

/**
 * The words of an insight that library search can find, and how a query matches them.
 *
 * Forge's custom-entity filters run after a page has been cut to its limit, so a text
 * filter over a large library finds only what happens to be on the pages it reads. The
 * app keeps its own term index instead (a row per distinct word of the insights written
 * together, see src/storage/search-index.ts) and reads it by word prefix. A term is a word of the
 * summary, the quote, the tags or the account name, folded (lower case, accents off),
 * at least two characters long, not a stop word.
 */

/** Longest indexed term: longer words are indexed (and queried) by their first 40 characters. */
export const TERM_MAX = 40;
/** Words of a query beyond this are ignored. */
export const QUERY_WORDS_MAX = 5;

// Too common in customer feedback to narrow a search down, and one index row each.
const STOP_WORDS = new Set(
  (
    'an and are as at be but by do does for from had has have he her his if in into is it its ' +
    'me my no not of on or our she so than that the their them then there these they this to ' +
    'too us was we were what when which who will with you your'
  ).split(' ')
);

/** Lower case with accents folded, so "Café" and "cafe" are one word. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct searchable words of a text, in order of first appearance. */
export function textTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.add(word.slice(0, TERM_MAX));
  }
  return [...terms];
}

/** What library search reads of an insight. */
export interface SearchableInsight {
  summary: string;
  quote: string;
  tags: readonly string[];
  /** The account's display name, when the insight has an account. */
  accountName?: string;
}

/** Every distinct term of an insight: its summary, quote, tags and account name. */
export function insightTerms(insight: SearchableInsight): string[] {
  return textTerms([insight.summary, insight.quote, ...insight.tags, insight.accountName ?? ''].join('\n'));
}

/**
 * Identifies the terms an insight was indexed with: when a write leaves it unchanged
 * (a link, a status change), the index needs no write.
 */
export function termsDigest(insight: SearchableInsight): string {
  return digestOfTerms(insightTerms(insight));
}

/** The same digest from terms already worked out (a write that also indexes them). */
export function digestOfTerms(terms: readonly string[]): string {
  return fingerprint(terms);
}

/**
 * The words of a search query as terms, at most five, longest first (the longest is
 * the most selective to read the index by). Empty when nothing searchable is left.
 */
export function queryWords(query: string): string[] {
  return textTerms(query)
    .slice(0, QUERY_WORDS_MAX)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** True when every query word begins one of the insight's terms ("invoic" finds "invoices"). */
export function matchesQuery(words: readonly string[], insight: SearchableInsight): boolean {
  const terms = insightTerms(insight);
  return words.every((word) => terms.some((term) => term.startsWith(word)));
}
