import { useCallback } from 'react';
import type { PanelView } from '../../../../src/contract/views';
import { loadOf, useContractQuery, type Load } from '../../api';
import type { PanelFirstLoad } from '../first-load';

export type PanelLoad = Load<PanelView>;

export interface PanelData {
  load: PanelLoad;
  /** False until `panel/getAccess` says otherwise: the panel starts read-only. */
  canEdit: boolean;
  /** `panel/getAccess` answered that this user may not change the evidence (not just: not yet asked). */
  readOnly: boolean;
  reload: () => void;
}

/**
 * Loads the panel: evidence and edit access are asked in parallel, so the first paint
 * costs one invoke and the access check never delays it. A failed access check leaves
 * the panel read-only rather than failing it: reading is what most users came for.
 * `first` holds the reads the boot script already sent: the queries' first answers are
 * theirs; a retry asks again. Both stay fresh until a mutation answers a new view or
 * invalidates them: the panel shows one issue, and nothing else changes it from here.
 */
export function usePanelData(first?: PanelFirstLoad): PanelData {
  const evidence = useContractQuery(
    'panel/getEvidence',
    {},
    {
      staleTime: Infinity,
      ...(first ? { started: { promise: first.evidence, settled: first.settled.evidence } } : {})
    }
  );
  const access = useContractQuery(
    'panel/getAccess',
    {},
    {
      staleTime: Infinity,
      ...(first ? { started: { promise: first.access, settled: first.settled.access } } : {})
    }
  );

  const { refetch: refetchEvidence } = evidence;
  const { refetch: refetchAccess } = access;
  const accessMissing = access.data === undefined;
  const reload = useCallback(() => {
    void refetchEvidence();
    // A failed access check is asked again with the evidence; a known answer stands.
    if (accessMissing) void refetchAccess();
  }, [refetchEvidence, refetchAccess, accessMissing]);

  return {
    load: loadOf(evidence),
    canEdit: access.data?.canEdit ?? false,
    readOnly: access.data?.canEdit === false,
    reload
  };
}
