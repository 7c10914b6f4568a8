import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../../src/contract/result';
import { ApiError, notify, toApiError } from '../../api';

export type PagedLoad<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; items: T[]; cursor: string | undefined };

export interface PagedList<T> {
  load: PagedLoad<T>;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => void;
  /** Changes the loaded items in place (after a mutation), without a round trip. */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * A cursor-paged list that starts over whenever `fetchPage` changes (new filters).
 * Answers to a superseded request are dropped, so a slow old page never overwrites
 * the list for the current filters.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, what: string): PagedList<T> {
  const [load, setLoad] = useState<PagedLoad<T>>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const id = ++generation.current;
    setLoad({ status: 'loading' });
    setLoadingMore(false);
    fetchPage().then(
      (page) => {
        if (generation.current === id) setLoad({ status: 'ready', items: page.items, cursor: page.cursor });
      },
      (error: unknown) => {
        if (generation.current === id) setLoad({ status: 'error', error: toApiError(error) });
      }
    );
  }, [fetchPage, attempt]);

  const loadMore = useCallback(async () => {
    if (load.status !== 'ready' || load.cursor === undefined) return;
    const id = generation.current;
    setLoadingMore(true);
    try {
      const page = await fetchPage(load.cursor);
      if (generation.current !== id) return;
      setLoad((current) =>
        current.status === 'ready'
          ? { status: 'ready', items: [...current.items, ...page.items], cursor: page.cursor }
          : current
      );
    } catch (error) {
      if (generation.current === id) notify('error', `Could not load more ${what}`, toApiError(error).message);
    } finally {
      if (generation.current === id) setLoadingMore(false);
    }
  }, [fetchPage, load, what]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (items: T[]) => T[]) =>
      setLoad((current) => (current.status === 'ready' ? { ...current, items: change(current.items) } : current)),
    []
  );
  return { load, loadingMore, loadMore, reload, update };
}
