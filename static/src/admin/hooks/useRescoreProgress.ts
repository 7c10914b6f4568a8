import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RescoreProgressView } from '../../../../src/contract/views';
import { setContractQueryData, useContractMutation, useContractQuery, type ApiError } from '../../api';

/** How often a running rescore is polled: progress moves a page (100 issues) at a time. */
export const RESCORE_POLL_MS = 2000;

/**
 * Each poll reads every project's progress (one storage request per 25 projects), so a
 * site with many projects is polled less often: about 1.6 read requests a second at most,
 * a small share of the installation's storage quota.
 */
export function pollIntervalFor(projects: number): number {
  return Math.max(RESCORE_POLL_MS, projects * 25);
}

export interface RescoreProgressState {
  progress: RescoreProgressView | null;
  /** Starts the run again where it stopped (failed or stalled projects). */
  retry: () => void;
  retrying: boolean;
  retryError: ApiError | null;
}

/** Polled while the run is not done; a run that failed or stalled is not done. */
function pollInterval(progress: RescoreProgressView | null | undefined): number | false {
  return progress && !progress.done ? pollIntervalFor(progress.projects) : false;
}

/**
 * The latest rescore's progress: starts from what the settings view carried and, while
 * the run is not done, asks the backend again every couple of seconds. A failed poll
 * keeps the last answer and tries again on the next tick. A run that failed or stalled
 * keeps being polled (the hourly watchdog may resume it) and can be retried at once.
 */
export function useRescoreProgress(initial: RescoreProgressView | null): RescoreProgressState {
  const client = useQueryClient();
  const query = useContractQuery(
    'admin/rescoreProgress',
    {},
    {
      initialData: initial,
      // The settings view's copy is fresh: the first poll waits a full interval.
      staleTime: Infinity,
      // The next tick is the retry.
      retry: false,
      refetchInterval: (q) => pollInterval(q.state.data)
    }
  );
  // A save answers a new settings view, with the run it started.
  useEffect(() => setContractQueryData(client, 'admin/rescoreProgress', {}, initial), [client, initial]);

  const retryRun = useContractMutation('admin/retryRescore');
  const { mutate } = retryRun;
  const retry = useCallback(
    () =>
      mutate(
        {},
        {
          onSuccess: (next) => {
            if (next) setContractQueryData(client, 'admin/rescoreProgress', {}, next);
          }
        }
      ),
    [client, mutate]
  );

  return {
    // A poll that found no run leaves the last progress shown.
    progress: query.data ?? initial,
    retry,
    retrying: retryRun.isPending,
    retryError: retryRun.error
  };
}
