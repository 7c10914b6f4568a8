import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoopClosingView } from '../../../../../src/contract/views';
import {
  loadOf,
  notify,
  setContractQueryData,
  toApiError,
  useContractMutation,
  useContractQuery,
  type Load
} from '../../../api';
import { describeError } from '../../../shared/error-copy';

export interface LoopClosing {
  load: Load<LoopClosingView>;
  saving: boolean;
  /** Turns the project's setting on or off; a failure is told in a flag. */
  setEnabled: (enabled: boolean) => void;
}

/**
 * The project's "tell service requests when work ships" setting. The save answers the
 * stored setting, which replaces the cached one; nothing else on the page reads it (the
 * Shipped list shows what was told, which only later work changes).
 */
export function useLoopClosing(): LoopClosing {
  const client = useQueryClient();
  const query = useContractQuery('project/loopClosing', {});
  const { mutate, isPending } = useContractMutation('project/setLoopClosing');
  const setEnabled = useCallback(
    (enabled: boolean) =>
      mutate(
        { enabled },
        {
          onSuccess: (saved) => setContractQueryData(client, 'project/loopClosing', {}, saved),
          onError: (error) =>
            notify('error', 'Could not change the setting', describeError(toApiError(error), 'settings'))
        }
      ),
    [client, mutate]
  );
  return { load: loadOf(query), saving: isPending, setEnabled };
}
