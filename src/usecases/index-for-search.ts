import { allQuotes, type Insight } from '../domain/insight';
import { digestOfTerms, insightTerms, type SearchableInsight } from '../domain/search-terms';
import { writeSearchTerms } from '../storage/search-index';

/**
 * Brings the search index up to date for insights about to be written, before they
 * are committed: an insight whose summary, quote, tags or account name changed gets the
 * rows of its terms (one parallel wave of batches; insights written together share a
 * row per term); any other write costs nothing.
 * Returns the insights with the digest of what is now indexed, to store with them.
 */
export async function indexForSearch(
  insights: readonly Insight[],
  accountName: (accountKey: string) => string | undefined,
  /** Told the write units the index rows cost (estimated from what was sent). */
  billed?: (units: number) => void
): Promise<Insight[]> {
  const indexed = insights.map((insight) => {
    const name = insight.accountKey ? accountName(insight.accountKey) : undefined;
    const searchable: SearchableInsight = {
      summary: insight.summary,
      // Quotes kept from merged duplicates find it too.
      quote: allQuotes(insight),
      tags: insight.tags,
      ...(name !== undefined ? { accountName: name } : {})
    };
    // Worked out once: the digest says whether they changed, and they are what is written.
    const terms = insightTerms(searchable);
    return { insight, terms, digest: digestOfTerms(terms) };
  });
  const changed = indexed.filter(({ insight, digest }) => insight.searchDigest !== digest);
  const units = await writeSearchTerms(
    changed.map(({ insight, terms }) => ({
      insightId: insight.id,
      projectId: insight.projectId,
      createdAt: insight.createdAt,
      terms
    }))
  );
  billed?.(units);
  return indexed.map(({ insight, digest }) => ({ ...insight, searchDigest: digest }));
}
