import { useCallback, useEffect, useState } from 'react';
import type { ShippedIssueView } from '../../../../src/contract/views';
import { ApiError, invokeApi, toApiError } from '../../api';

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
 * the backend caps the Jira search). `refresh` changes when evidence changed elsewhere on
 * the page; an answer to a superseded request is dropped.
 */
export function useShippedIssues(days: number, refresh: number): ShippedIssues {
  const [load, setLoad] = useState<ShippedLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    invokeApi('project/shipped', { days }).then(
      (items) => current && setLoad({ status: 'ready', items }),
      (error: unknown) => current && setLoad({ status: 'error', error: toApiError(error) })
    );
    return () => {
      current = false;
    };
  }, [days, refresh, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, reload };
}
