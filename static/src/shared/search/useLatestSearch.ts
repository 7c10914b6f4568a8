import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../api';

export type SearchState<T> =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; items: T[] }
  | { status: 'error'; error: ApiError };

export interface Search<T> {
  state: SearchState<T>;
  search: (query: string) => Promise<void>;
}

/**
 * A search where only the latest query's answer is shown: an earlier, slower answer
 * arriving after a newer query must not replace it. `find` gets the trimmed query and
 * should be stable (a module-level function), or every render starts a new search hook.
 */
export function useLatestSearch<T>(find: (query: string) => Promise<T[]>): Search<T> {
  const [state, setState] = useState<SearchState<T>>({ status: 'idle' });
  const latest = useRef(0);
  const search = useCallback(
    async (query: string) => {
      const id = ++latest.current;
      const q = query.trim();
      setState({ status: 'searching' });
      try {
        const items = await find(q);
        if (latest.current === id) setState({ status: 'done', query: q, items });
      } catch (error) {
        if (latest.current === id) setState({ status: 'error', error: toApiError(error) });
      }
    },
    [find]
  );
  return { state, search };
}
