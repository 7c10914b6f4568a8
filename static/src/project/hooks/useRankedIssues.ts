import { useCallback } from 'react';
import type { RankedIssueView } from '../../../../src/contract/views';
import { invokeApi } from '../../api';
import { rankedPayload, type RankedFilters } from '../model/ranked-filters';
import { usePagedList, type PagedList } from './usePagedList';

/** The project's issues ranked by customer impact under the filters, a page at a time. */
export function useRankedIssues(filters: RankedFilters): PagedList<RankedIssueView> {
  const fetchPage = useCallback(
    (cursor?: string) => invokeApi('project/rankedIssues', rankedPayload(filters, cursor)),
    [filters]
  );
  return usePagedList(fetchPage, 'issues');
}
