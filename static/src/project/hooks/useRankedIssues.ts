import { useCallback } from 'react';
import type { RankedIssueView } from '../../../../src/contract/views';
import { invokeApi } from '../../api';
import { rankedPayload, type RankedFilters } from '../model/ranked-filters';
import { usePagedList, type PagedList } from './usePagedList';

/**
 * The project's issues ranked by customer impact under the filters, a page at a time.
 * A new `refresh` value starts over from the first page (evidence changed elsewhere).
 */
export function useRankedIssues(filters: RankedFilters, refresh: number): PagedList<RankedIssueView> {
  const fetchPage = useCallback(
    (cursor?: string) => invokeApi('project/rankedIssues', rankedPayload(filters, cursor)),
    // `refresh` is not read: a new value makes a new fetchPage, which usePagedList reloads on.
    [filters, refresh]
  );
  return usePagedList(fetchPage, 'issues');
}
