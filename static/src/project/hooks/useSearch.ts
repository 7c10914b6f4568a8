import { useCallback, useRef, useState } from 'react';
import { ApiError, invokeApi, toApiError } from '../../api';
import type { InsightView, IssueHit } from '../../../../src/contract/views';

export type SearchState<T> =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; items: T[] }
  | { status: 'error'; error: ApiError };

export interface Search<T> {
  state: SearchState<T>;
  search: (query: string) => Promise<void>;
}

/** A search where only the latest query's answer is shown. */
function useLatestSearch<T>(find: (query: string) => Promise<T[]>): Search<T> {
  const [state, setState] = useState<SearchState<T>>({ status: 'idle' });
  const latest = useRef(0);
  const search = useCallback(
    async (query: string) => {
      const id = ++latest.current;
      setState({ status: 'searching' });
      try {
        const items = await find(query.trim());
        if (latest.current === id) setState({ status: 'done', query: query.trim(), items });
      } catch (error) {
        if (latest.current === id) setState({ status: 'error', error: toApiError(error) });
      }
    },
    [find]
  );
  return { state, search };
}

const findIssues = (query: string): Promise<IssueHit[]> => invokeApi('project/searchIssues', { query });

/** Issues of the project found by key or text, to link an insight to. */
export function useIssueSearch(): Search<IssueHit> {
  return useLatestSearch(findIssues);
}

const findInsights = async (query: string): Promise<InsightView[]> =>
  (await invokeApi('project/listInsights', { limit: 20, ...(query === '' ? {} : { query }) })).items;

/** Insights of the library found by text (any status), e.g. the one to merge into. */
export function useInsightSearch(): Search<InsightView> {
  return useLatestSearch(findInsights);
}
