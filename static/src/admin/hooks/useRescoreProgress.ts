import { useEffect, useState } from 'react';
import type { RescoreProgressView } from '../../../../src/contract/views';
import { invokeApi } from '../../api';

/** How often a running rescore is polled: progress moves a page (100 issues) at a time. */
export const RESCORE_POLL_MS = 2000;

/**
 * The latest rescore's progress: starts from what the settings view carried and, while
 * the run is not done, asks the backend again every couple of seconds. A failed poll
 * keeps the last answer and tries again on the next tick.
 */
export function useRescoreProgress(initial: RescoreProgressView | null): RescoreProgressView | null {
  const [progress, setProgress] = useState(initial);
  useEffect(() => setProgress(initial), [initial]);

  const runId = progress?.runId;
  const done = progress?.done ?? true;
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
    }, RESCORE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId, done]);
  return progress;
}
