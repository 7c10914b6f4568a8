import { useCallback } from 'react';
import type { ShippedIssueView } from '../../../../../src/contract/views';
import { loadOf, useContractQuery, type ApiError } from '../../../api';
import { useTabShown } from '../../tab-shown';

export type ShippedLoad =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; items: ShippedIssueView[] };

export interface ShippedIssues {
  load: ShippedLoad;
  reload: () => void;
}

/**
 * Issues done in the last `days` days that had customer evidence (one answer, no paging:
 * the backend caps the Jira search). Evidence changes elsewhere on the page invalidate
 * it; a hidden tab catches up when shown.
 */
export function useShippedIssues(days: number): ShippedIssues {
  const shown = useTabShown();
  const query = useContractQuery('project/shipped', { days }, { enabled: shown, staleTime: Infinity });
  const load = loadOf(query);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { load: load.status === 'ready' ? { status: 'ready', items: load.data } : load, reload };
}
