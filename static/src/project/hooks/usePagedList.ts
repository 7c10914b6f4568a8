import { useCallback, useEffect, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../../src/contract/result';
import {
  notify,
  useContractInfiniteQuery,
  type ApiError,
  type ItemOf,
  type PagedData,
  type PagedKey
} from '../../api';
import type { PayloadOf } from '../../../../src/contract/surfaces';

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

export interface PagedListOptions {
  /** False keeps the list as it is: a hidden tab refetches what went stale once shown. */
  enabled?: boolean;
  /** How long an answer counts as fresh (Infinity: until a mutation invalidates it). */
  staleTime?: number;
}

/**
 * Puts `items` back into pages of the sizes they had, the last page taking what was added
 * or removed: the pages keep their cursors, so a refetch asks for the same pages again.
 */
function repage<T>(pages: Page<T>[], items: T[]): Page<T>[] {
  let at = 0;
  return pages.map((page, i) => {
    const size = i === pages.length - 1 ? items.length - at : Math.min(page.items.length, items.length - at);
    const slice = items.slice(at, at + Math.max(0, size));
    at += slice.length;
    return { ...page, items: slice };
  });
}

/**
 * A cursor-paged contract list (an infinite query under `[key, payload]`): a new payload
 * (new filters) starts from its first page, and an answer to a superseded payload never
 * shows, because it is cached under its own key.
 */
export function usePagedList<K extends PagedKey>(
  key: K,
  payload: Omit<PayloadOf<K>, 'cursor'>,
  what: string,
  options: PagedListOptions = {}
): PagedList<ItemOf<K>> {
  const client = useQueryClient();
  const query = useContractInfiniteQuery(key, payload, options);
  const { data, error, fetchNextPage, hasNextPage, isFetchNextPageError, isFetchingNextPage, refetch } =
    query;

  const load = useMemo((): PagedLoad<ItemOf<K>> => {
    if (data !== undefined) {
      const last = data.pages[data.pages.length - 1];
      return { status: 'ready', items: data.pages.flatMap((p) => p.items), cursor: last?.cursor };
    }
    if (query.isError && !query.isFetching) return { status: 'error', error: query.error };
    return { status: 'loading' };
  }, [data, query.isError, query.isFetching, query.error]);

  useEffect(() => {
    // The pages already loaded stay on screen; the failure to load more is a flag.
    if (isFetchNextPageError && error) notify('error', `Could not load more ${what}`, error.message);
  }, [isFetchNextPageError, error, what]);

  const loadMore = useCallback(async () => {
    if (hasNextPage && !isFetchingNextPage) await fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const reload = useCallback(() => void refetch(), [refetch]);
  const update = useCallback(
    (change: (items: ItemOf<K>[]) => ItemOf<K>[]) =>
      client.setQueryData<PagedData<K>>([key, payload], (current) =>
        current
          ? { ...current, pages: repage(current.pages, change(current.pages.flatMap((p) => p.items))) }
          : current
      ),
    [client, key, payload]
  );
  return { load, loadingMore: isFetchingNextPage, loadMore, reload, update };
}
