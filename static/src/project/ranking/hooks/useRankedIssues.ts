import { useMemo } from 'react';
import type { RankedIssueView } from '../../../../../src/contract/views';
import { rankedPayload, type RankedFilters } from '../model/ranked-filters';
import { useTabShown } from '../../tab-shown';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

/**
 * The project's issues ranked by customer impact under the filters, a page at a time.
 * Evidence changes elsewhere on the page invalidate it; a hidden tab reloads when it is
 * shown again, not on every link made while it is hidden (triage links many in a row).
 */
export function useRankedIssues(filters: RankedFilters): PagedList<RankedIssueView> {
  const shown = useTabShown();
  const payload = useMemo(() => rankedPayload(filters), [filters]);
  return usePagedList('project/rankedIssues', payload, 'issues', { enabled: shown, staleTime: Infinity });
}
