import { useEffect, useState } from 'react';
import type { GroupMatchView } from '../../../../src/contract/views';
import { useContractQuery, type ApiError } from '../../api';

/** A pause in typing before Jira is asked: one look-up per word, not per key. */
const TYPING_PAUSE_MS = 250;
/** Jira's groups change rarely: a name typed again within a minute is not asked again. */
const MATCHES_FRESH_MS = 60_000;

export type GroupMatches =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; groups: GroupMatchView[] }
  | { status: 'error'; error: ApiError };

/**
 * Jira's groups whose names contain what the admin has typed, looked up once typing
 * pauses; only the answer for the latest text is shown (the query is keyed by it).
 */
export function useGroupMatches(text: string): GroupMatches {
  const typed = text.trim();
  const [query, setQuery] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useContractQuery(
    'admin/findGroups',
    { query },
    { enabled: query !== '', staleTime: MATCHES_FRESH_MS, retry: false }
  );
  if (typed === '') return { status: 'idle' };
  if (query !== typed || found.isPending) return { status: 'searching' };
  if (found.isError) return { status: 'error', error: found.error };
  return { status: 'done', query, groups: found.data };
}
