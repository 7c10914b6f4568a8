import { useCallback, useEffect, useState } from 'react';
import type { RescoreProgressView } from '../../../../src/contract/views';
import { invokeApi, toApiError, type ApiError } from '../../api';

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

/**
 * The latest rescore's progress: starts from what the settings view carried and, while
 * the run is not done, asks the backend again every couple of seconds. A failed poll
 * keeps the last answer and tries again on the next tick. A run that failed or stalled
 * is not done: it keeps being polled (the hourly watchdog may resume it) and can be
 * retried at once.
 */
export function useRescoreProgress(initial: RescoreProgressView | null): RescoreProgressState {
  const [progress, setProgress] = useState(initial);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<ApiError | null>(null);
  useEffect(() => setProgress(initial), [initial]);

  const runId = progress?.runId;
  const done = progress?.done ?? true;
  const interval = pollIntervalFor(progress?.projects ?? 0);
  useEffect(() => {
    if (runId === undefined || done) return undefined;
    let live = true;
    const timer = setInterval(() => {
      invokeApi('admin/rescoreProgress', {}).then(
        (next) => {
          if (live && next) setProgress(next);
        },
        () => undefined
      );
    }, interval);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId, done, interval]);

  const retry = useCallback(() => {
    setRetrying(true);
    setRetryError(null);
    invokeApi('admin/retryRescore', {})
      .then(
        (next) => {
          if (next) setProgress(next);
        },
        (error: unknown) => setRetryError(toApiError(error))
      )
      .finally(() => setRetrying(false));
  }, []);

  return { progress, retry, retrying, retryError };
}
