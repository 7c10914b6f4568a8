import { useCallback, useMemo } from 'react';
import type { PanelView } from '../../../../../src/contract/views';
import { loadOf, useContractQuery, type ApiError } from '../../../api';
import { useTabShown } from '../../tab-shown';

export type EvidenceLoad =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; view: PanelView };

export interface IssueEvidence {
  load: EvidenceLoad;
  reload: () => void;
}

/**
 * One issue's evidence and score (the panel's read model), for an expanded ranked row.
 * Like the ranking it sits in, fresh until an evidence change invalidates it, and caught
 * up when its tab is shown again.
 */
export function useIssueEvidence(issueId: string): IssueEvidence {
  const shown = useTabShown();
  const query = useContractQuery('project/getEvidence', { issueId }, { enabled: shown, staleTime: Infinity });
  const { data, error, isError, isFetching, refetch } = query;
  // The same object while nothing changed: the row derives its cards from it.
  const load = useMemo((): EvidenceLoad => {
    const state = loadOf({ data, error, isError, isFetching });
    return state.status === 'ready' ? { status: 'ready', view: state.data } : state;
  }, [data, error, isError, isFetching]);
  const reload = useCallback(() => void refetch(), [refetch]);
  return { load, reload };
}
