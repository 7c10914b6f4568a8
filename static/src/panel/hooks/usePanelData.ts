import { useCallback, useEffect, useRef, useState } from 'react';
import type { PanelView } from '../../../../src/contract/views';
import { ApiError, toApiError } from '../../api';
import { startPanelLoad, type PanelFirstLoad } from '../first-load';

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
 * `first` is the load the boot script already started; a retry asks again.
 */
export function usePanelData(first?: PanelFirstLoad): PanelData {
  const [load, setLoad] = useState<PanelLoad>(() =>
    first?.settled.evidence ? { status: 'ready', view: first.settled.evidence } : { status: 'loading' }
  );
  const [canEdit, setCanEdit] = useState(() => first?.settled.access?.canEdit ?? false);
  const [attempt, setAttempt] = useState(0);
  // Answers to an older attempt (a retry raced a slow call) must not overwrite newer ones.
  const current = useRef(0);

  useEffect(() => {
    const id = ++current.current;
    // Attempt 0 takes the boot script's answers (StrictMode may run this twice: both
    // runs read the same promises, so no read is sent twice); the state it started
    // with is already right. A retry asks again.
    if (attempt > 0) setLoad({ status: 'loading' });
    const { evidence, access } = attempt === 0 && first ? first : startPanelLoad();
    evidence.then(
      (view) => {
        // Keeps the state it started with when that already shows this answer.
        if (current.current === id)
          setLoad((was) => (was.status === 'ready' && was.view === view ? was : { status: 'ready', view }));
      },
      (error: unknown) => {
        if (current.current === id) setLoad({ status: 'error', error: toApiError(error) });
      }
    );
    access.then(
      (answer) => {
        if (current.current === id) setCanEdit(answer.canEdit);
      },
      () => {
        if (current.current === id) setCanEdit(false);
      }
    );
    return () => {
      // Unmounting (or a new attempt) invalidates this attempt's answers.
      if (current.current === id) current.current += 1;
    };
  }, [attempt, first]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const applyView = useCallback((view: PanelView) => setLoad({ status: 'ready', view }), []);
  return { load, canEdit, reload, applyView };
}
