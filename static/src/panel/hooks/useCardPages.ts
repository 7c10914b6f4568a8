import { useCallback, useState } from 'react';
import type { EvidenceCard } from '../../../../src/domain/impact';
import type { PanelView } from '../../../../src/contract/views';
import { invokeApi, notify, toApiError } from '../../api';

interface Pages {
  /** The view these pages continue; a new view (after any change) starts over. */
  view: PanelView | null;
  more: EvidenceCard[];
  cursor: string | undefined;
  exhausted: boolean;
}

export interface CardPages {
  cards: EvidenceCard[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
}

const NO_PAGES: Pages = { view: null, more: [], cursor: undefined, exhausted: false };

/**
 * The cards shown for a view: its first page, plus any pages fetched with "Show more"
 * through `panel/listCards`. The first call sends no cursor (the server continues after
 * the first page); later calls send the cursor it returned.
 */
export function useCardPages(view: PanelView): CardPages {
  const [pages, setPages] = useState<Pages>(NO_PAGES);
  const [loadingMore, setLoadingMore] = useState(false);
  const own = pages.view === view ? pages : { ...NO_PAGES, view };

  const first = view.impact?.cards ?? [];
  const seen = new Set(first.map((c) => c.insightId));
  const cards = [...first, ...own.more.filter((c) => !seen.has(c.insightId))];
  const total = view.impact?.totalCards ?? 0;
  const hasMore = !own.exhausted && total > cards.length;

  const loadMore = useCallback(async () => {
    setLoadingMore(true);
    try {
      const page = await invokeApi('panel/listCards', own.cursor === undefined ? {} : { cursor: own.cursor });
      setPages({
        view,
        more: [...own.more, ...page.items],
        cursor: page.cursor,
        // No cursor means the last page, whatever the (possibly stale) total said.
        exhausted: page.cursor === undefined
      });
    } catch (error) {
      notify('error', 'Could not load more evidence', toApiError(error).message);
    } finally {
      setLoadingMore(false);
    }
  }, [own, view]);

  return { cards, hasMore, loadingMore, loadMore };
}
