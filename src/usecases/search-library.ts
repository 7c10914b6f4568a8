import type { Account } from '../domain/account';
import { allQuotes, type Insight } from '../domain/insight';
import { insightTerms, matchesQuery, type SearchableInsight } from '../domain/search-terms';
import type { InsightStatus } from '../domain/vocabulary';
import type { Page } from '../contract/result';
import type { InsightView } from '../contract/views';
import { getAccounts } from '../storage/account-store';
import { getInsights } from '../storage/insight-store';
import { insightsWithTerm } from '../storage/search-index';

/**
 * Term-index pages one search reads at most before it answers with what it found and
 * a cursor to search further: bounds a call's cost when the index's candidates for the
 * first word rarely match the rest (other words, a status).
 */
export const TERM_PAGES_PER_SEARCH = 4;

export interface LibrarySearch {
  projectId: string;
  /** Query terms, longest first (see `queryWords`); the first one reads the index. */
  words: readonly string[];
  status?: InsightStatus;
  cursor?: string;
  limit: number;
}

/**
 * Insights of a project whose summary, quote, tags or account name contain every word
 * (as a word prefix), from the term index: each page of candidates costs three storage
 * round trips (terms, insights, accounts) whatever the library's size. Every candidate
 * is checked against the stored insight, so terms left behind by an edit or a deletion
 * never match.
 */
export async function searchLibrary(search: LibrarySearch): Promise<Page<InsightView>> {
  const [driver] = search.words;
  if (driver === undefined) return { items: [] };
  const items: InsightView[] = [];
  // Two index rows may name one insight for one term (a shared import row rewritten by a
  // retried step beside its own row): each is listed once.
  const listed = new Set<string>();
  let cursor = search.cursor;
  for (let pages = 0; pages < TERM_PAGES_PER_SEARCH; pages += 1) {
    const page = await insightsWithTerm(search.projectId, driver, search.limit - items.length, cursor);
    const insights = await getInsights(page.rows.map((row) => row.insightId));
    const accounts = await getAccounts(
      [...insights.values()].map((i) => i.accountKey).filter((k): k is string => k !== undefined)
    );
    for (const row of page.rows) {
      const insight = insights.get(row.insightId);
      if (!insight || insight.projectId !== search.projectId) continue;
      if (search.status !== undefined && insight.status !== search.status) continue;
      const account = insight.accountKey ? accounts.get(insight.accountKey) : undefined;
      const searchable = searchableOf(insight, account);
      // An insight has a row per matching term; it is listed at its first in index order.
      if (row.term !== firstMatchingTerm(searchable, driver)) continue;
      if (!matchesQuery(search.words, searchable) || listed.has(insight.id)) continue;
      listed.add(insight.id);
      items.push(account ? { ...insight, account } : insight);
    }
    cursor = page.cursor;
    if (cursor === undefined || items.length >= search.limit) break;
  }
  return cursor !== undefined ? { items, cursor } : { items };
}

function searchableOf(insight: Insight, account: Account | undefined): SearchableInsight {
  return {
    summary: insight.summary,
    quote: allQuotes(insight),
    tags: insight.tags,
    ...(account ? { accountName: account.name } : {})
  };
}

/** The index is read in descending term order: the greatest matching term comes first. */
function firstMatchingTerm(insight: SearchableInsight, word: string): string | undefined {
  let first: string | undefined;
  for (const term of insightTerms(insight)) {
    if (term.startsWith(word) && (first === undefined || term > first)) first = term;
  }
  return first;
}
