import { useCallback } from 'react';
import type { EvidenceCard } from '../../../../src/domain/impact';
import type { PanelView } from '../../../../src/contract/views';
import { notify, useContractInfiniteQuery } from '../../api';

export interface CardPages {
  cards: EvidenceCard[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
}

/**
 * The cards shown for a view: its first page, plus the pages after it that "Show more"
 * fetched through `panel/listCards` (an infinite query: its first call sends no cursor,
 * and the server continues after the view's first page; each later call sends the cursor
 * the last page returned). Nothing is fetched until someone asks for more; from then on a
 * change to the evidence invalidates the later pages and they are fetched again.
 */
export function useCardPages(view: PanelView): CardPages {
  const later = useContractInfiniteQuery(
    'panel/listCards',
    {},
    { enabled: (query) => query.state.data !== undefined, staleTime: Infinity }
  );
  const { data, fetchNextPage, isFetchingNextPage } = later;

  const first = view.impact?.cards ?? [];
  // A change can move a card between the view's page and a later one: show it once.
  const seen = new Set(first.map((c) => c.insightId));
  const more = data?.pages.flatMap((page) => page.items) ?? [];
  const cards = [...first, ...more.filter((c) => !seen.has(c.insightId))];
  const total = view.impact?.totalCards ?? 0;
  // No cursor on the last page means the end, whatever the (possibly stale) total said.
  const exhausted = data !== undefined && data.pages.at(-1)?.cursor === undefined;
  const hasMore = !exhausted && total > cards.length;

  const loadMore = useCallback(async () => {
    if (isFetchingNextPage) return;
    // Before any page is in, this fetches the first page after the view's.
    const result = await fetchNextPage();
    if (result.isError) notify('error', 'Could not load more evidence', result.error.message);
  }, [fetchNextPage, isFetchingNextPage]);

  return { cards, hasMore, loadingMore: isFetchingNextPage, loadMore };
}
