import { useCallback, useState } from 'react';
import type { InsightView } from '../../../../src/contract/views';
import { useContractQuery } from '../../api';
import type { Search, SearchState } from '../../shared/search/useLatestSearch';

/** As many matches as a panel's list shows; a narrower search finds the rest. */
const MATCHES = 20;

/**
 * The project's insights matching the search last submitted, through the query layer:
 * the term is part of the query's key, so an earlier, slower answer never replaces a
 * later term's, and asking for a term again shows its cached matches while they are
 * fetched anew. Nothing is asked until the first search.
 */
export function useInsightSearch(): Search<InsightView> {
  const [term, setTerm] = useState<string>();
  const matches = useContractQuery(
    'panel/searchInsights',
    { ...(term ? { query: term } : {}), limit: MATCHES },
    { enabled: term !== undefined }
  );
  const { refetch } = matches;
  const search = useCallback(
    async (query: string) => {
      const next = query.trim();
      // The same term again is a request for fresh matches, which a new key would not make.
      if (next === term) await refetch();
      else setTerm(next);
    },
    [term, refetch]
  );
  return { state: stateOf(term, matches), search };
}

function stateOf(
  term: string | undefined,
  matches: ReturnType<typeof useContractQuery<'panel/searchInsights'>>
): SearchState<InsightView> {
  if (term === undefined) return { status: 'idle' };
  if (matches.isFetching) return { status: 'searching' };
  if (matches.isError) return { status: 'error', error: matches.error };
  if (matches.data === undefined) return { status: 'searching' };
  return { status: 'done', query: term, items: matches.data.items };
}
