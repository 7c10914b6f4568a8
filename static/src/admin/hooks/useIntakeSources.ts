import { useCallback, useState } from 'react';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { IntakeSecretView, IntakeSourceLogView, IntakeSourceView } from '../../../../src/contract/views';
import {
  loadOf,
  notify,
  toApiError,
  useContractMutation,
  useContractQuery,
  type ApiError,
  type Load
} from '../../api';
import { describeError } from '../../shared/error-copy';

/** What was just created or rotated: the secret, shown this once. */
export interface ShownOnce {
  kind: 'created' | 'rotated';
  view: IntakeSecretView;
}

export interface IntakeSources {
  load: Load<IntakeSourceLogView[]>;
  reload: () => void;
  shownOnce: ShownOnce | null;
  dismissShownOnce: () => void;
  /** Creates a source; resolves to null when created, or the error to place on the form. */
  create: (payload: PayloadOf<'admin/createIntakeSource'>) => Promise<ApiError | null>;
  rotate: (source: IntakeSourceView) => Promise<boolean>;
  setStatus: (source: IntakeSourceView, status: IntakeSourceView['status']) => Promise<boolean>;
  busy: boolean;
}

/**
 * The intake sources with their delivery logs, and the changes an admin makes to them.
 * Every change makes the list stale; the secret a create or rotation answers is kept
 * here only until the admin closes the panel that shows it.
 */
export function useIntakeSources(): IntakeSources {
  const query = useContractQuery('admin/listIntakeSources', {});
  const invalidates = ['admin/listIntakeSources'] as const;
  const createMutation = useContractMutation('admin/createIntakeSource', { invalidates });
  const rotateMutation = useContractMutation('admin/rotateIntakeSecret', { invalidates });
  const statusMutation = useContractMutation('admin/setIntakeSourceStatus', { invalidates });
  const [shownOnce, setShownOnce] = useState<ShownOnce | null>(null);
  const { refetch } = query;

  const create = useCallback(
    async (payload: PayloadOf<'admin/createIntakeSource'>): Promise<ApiError | null> => {
      try {
        const view = await createMutation.mutateAsync(payload);
        setShownOnce({ kind: 'created', view });
        return null;
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code !== 'VALIDATION_FAILED')
          notify('error', 'Could not create the source', describeError(apiError, 'settings'));
        return apiError;
      }
    },
    [createMutation]
  );

  const rotate = useCallback(
    async (source: IntakeSourceView): Promise<boolean> => {
      try {
        const view = await rotateMutation.mutateAsync({ sourceId: source.sourceId });
        setShownOnce({ kind: 'rotated', view });
        return true;
      } catch (error) {
        notify(
          'error',
          `Could not rotate the secret of ${source.name}`,
          describeError(toApiError(error), 'settings')
        );
        return false;
      }
    },
    [rotateMutation]
  );

  const setStatus = useCallback(
    async (source: IntakeSourceView, status: IntakeSourceView['status']): Promise<boolean> => {
      try {
        await statusMutation.mutateAsync({ sourceId: source.sourceId, status });
        notify(
          'success',
          status === 'active' ? `${source.name} is enabled` : `${source.name} is disabled`,
          status === 'active'
            ? 'Its deliveries are accepted again.'
            : 'Its deliveries are refused with 404 and nothing is stored.'
        );
        return true;
      } catch (error) {
        notify('error', `Could not change ${source.name}`, describeError(toApiError(error), 'settings'));
        return false;
      }
    },
    [statusMutation]
  );

  return {
    load: loadOf(query),
    reload: useCallback(() => void refetch(), [refetch]),
    shownOnce,
    dismissShownOnce: useCallback(() => setShownOnce(null), []),
    create,
    rotate,
    setStatus,
    busy: createMutation.isPending || rotateMutation.isPending || statusMutation.isPending
  };
}
