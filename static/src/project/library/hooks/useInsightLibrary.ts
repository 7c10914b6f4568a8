import { useMemo } from 'react';
import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { InsightView } from '../../../../../src/contract/views';
import type { InsightStatus } from '../../../../../src/domain/vocabulary';
import { invokeApi } from '../../../api';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

/** Which insights the library shows: one status (the inbox is `new`) or all. */
export type LibraryStatus = InsightStatus | 'all';

export interface LibraryFilter {
  status: LibraryStatus;
  query: string;
}

export const LIBRARY_PAGE = 25;

/** The `project/listInsights` payload for a filter (newest first, as the server orders it). */
export function libraryPayload(
  filter: LibraryFilter,
  limit: number,
  cursor?: string
): PayloadOf<'project/listInsights'> {
  const query = filter.query.trim();
  return {
    limit,
    ...(filter.status === 'all' ? {} : { status: filter.status }),
    ...(query === '' ? {} : { query }),
    ...(cursor === undefined ? {} : { cursor })
  };
}

export function matchesFilter(insight: InsightView, filter: LibraryFilter): boolean {
  return filter.status === 'all' || insight.status === filter.status;
}

/** The project's insight library under a filter, a page at a time. */
export function useInsightLibrary(filter: LibraryFilter): PagedList<InsightView> {
  const payload = useMemo(() => libraryPayload(filter, LIBRARY_PAGE), [filter]);
  return usePagedList('project/listInsights', payload, 'insights');
}

/** Every insight under a filter, page after page (for the CSV export). */
export async function fetchAllInsights(filter: LibraryFilter): Promise<InsightView[]> {
  const all: InsightView[] = [];
  let cursor: string | undefined;
  do {
    const page = await invokeApi('project/listInsights', libraryPayload(filter, 100, cursor));
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}
