import { useMemo } from 'react';
import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { InsightView } from '../../../../../src/contract/views';
import type { InsightStatus, SourceKind } from '../../../../../src/domain/vocabulary';
import { ageBand, type InboxAgeBand } from '../../../../../src/domain/inbox-age';
import { invokeApi } from '../../../api';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

/** Which insights the library shows: one status (the inbox is `new`) or all. */
export type LibraryStatus = InsightStatus | 'all';

/** The inbox narrowed to what one of its counts counts (see InboxCounts). */
export interface InboxFilter {
  source?: SourceKind;
  age?: InboxAgeBand;
}

export interface LibraryFilter {
  status: LibraryStatus;
  query: string;
  /** Applies to the inbox only. */
  inbox?: InboxFilter;
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

/** The inbox filter in force: only in the inbox, and only when it narrows anything. */
export function inboxFilterOf(filter: LibraryFilter): InboxFilter | undefined {
  const inbox = filter.inbox;
  if (filter.status !== 'new' || !inbox || (inbox.source === undefined && inbox.age === undefined))
    return undefined;
  return inbox;
}

export function matchesFilter(insight: InsightView, filter: LibraryFilter): boolean {
  if (filter.status !== 'all' && insight.status !== filter.status) return false;
  const inbox = inboxFilterOf(filter);
  if (!inbox) return true;
  return (
    (inbox.source === undefined || insight.sourceKind === inbox.source) &&
    (inbox.age === undefined || ageBand(insight.observedAt, new Date()) === inbox.age)
  );
}

/**
 * The project's insight library under a filter, a page at a time. The inbox narrowed by a
 * count is read from `project/triageInbox`, which matches on the server; a search of it
 * narrows the search's pages here (those pages are a bounded part of the library anyway).
 */
export function useInsightLibrary(filter: LibraryFilter): PagedList<InsightView> {
  const inbox = inboxFilterOf(filter);
  const byServer = inbox !== undefined && filter.query.trim() === '';
  const payload = useMemo(() => libraryPayload(filter, LIBRARY_PAGE), [filter]);
  const inboxPayload = useMemo(() => ({ ...inbox, limit: LIBRARY_PAGE }), [inbox]);
  const listed = usePagedList('project/listInsights', payload, 'insights', { enabled: !byServer });
  const narrowed = usePagedList('project/triageInbox', inboxPayload, 'insights', { enabled: byServer });
  const active = byServer ? narrowed : listed;
  const load = active.load;
  const shown = useMemo(
    () =>
      inbox && !byServer && load.status === 'ready'
        ? { ...load, items: load.items.filter((i) => matchesFilter(i, filter)) }
        : load,
    [byServer, filter, inbox, load]
  );
  return useMemo(() => ({ ...active, load: shown }), [active, shown]);
}

/** Every insight under a filter, page after page (for the CSV export). */
export async function fetchAllInsights(filter: LibraryFilter): Promise<InsightView[]> {
  const all: InsightView[] = [];
  let cursor: string | undefined;
  do {
    const page = await invokeApi('project/listInsights', libraryPayload(filter, 100, cursor));
    all.push(...page.items.filter((i) => matchesFilter(i, filter)));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}
