import { useCallback, useEffect, useRef, useState } from 'react';
import type { PanelView } from '../../../../src/contract/views';
import { ApiError, invokeApi, toApiError } from '../../api';

export type PanelLoad =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; view: PanelView };

export interface PanelData {
  load: PanelLoad;
  /** False until `panel/getAccess` says otherwise: the panel starts read-only. */
  canEdit: boolean;
  reload: () => void;
  /** Shows a view returned by a mutation, without another round trip. */
  applyView: (view: PanelView) => void;
}

/**
 * Loads the panel: evidence and edit access are asked in parallel, so the first paint
 * costs one invoke and the access check never delays it. A failed access check leaves
 * the panel read-only rather than failing it: reading is what most users came for.
 */
export function usePanelData(): PanelData {
  const [load, setLoad] = useState<PanelLoad>({ status: 'loading' });
  const [canEdit, setCanEdit] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Answers to an older attempt (a retry raced a slow call) must not overwrite newer ones.
  const current = useRef(0);

  useEffect(() => {
    const id = ++current.current;
    setLoad({ status: 'loading' });
    invokeApi('panel/getEvidence', {}).then(
      (view) => {
        if (current.current === id) setLoad({ status: 'ready', view });
      },
      (error: unknown) => {
        if (current.current === id) setLoad({ status: 'error', error: toApiError(error) });
      }
    );
    invokeApi('panel/getAccess', {}).then(
      (access) => {
        if (current.current === id) setCanEdit(access.canEdit);
      },
      () => {
        if (current.current === id) setCanEdit(false);
      }
    );
    return () => {
      // Unmounting (or a new attempt) invalidates this attempt's answers.
      if (current.current === id) current.current += 1;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const applyView = useCallback((view: PanelView) => setLoad({ status: 'ready', view }), []);
  return { load, canEdit, reload, applyView };
}
