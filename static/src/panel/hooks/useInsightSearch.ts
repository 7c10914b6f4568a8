import { useCallback, useRef, useState } from 'react';
import type { InsightView } from '../../../../src/contract/views';
import { ApiError, invokeApi, toApiError } from '../../api';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; items: InsightView[]; cursor: string | undefined }
  | { status: 'error'; error: ApiError };

export interface InsightSearch {
  state: SearchState;
  search: (query: string) => Promise<void>;
}

const PAGE = 20;

/** Searches the project's insights for "Link existing"; only the latest search is shown. */
export function useInsightSearch(): InsightSearch {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);

  const search = useCallback(async (query: string) => {
    const id = ++latest.current;
    setState({ status: 'searching' });
    const q = query.trim();
    try {
      const page = await invokeApi('panel/searchInsights', {
        ...(q === '' ? {} : { query: q }),
        limit: PAGE
      });
      if (latest.current === id)
        setState({ status: 'done', query: q, items: page.items, cursor: page.cursor });
    } catch (error) {
      if (latest.current === id) setState({ status: 'error', error: toApiError(error) });
    }
  }, []);

  return { state, search };
}
