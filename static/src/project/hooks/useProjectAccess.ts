import type { AccessView } from '../../../../src/contract/views';
import { useContractQuery } from '../../api';

/** Until the backend answers (or if it fails), the page offers no changes: reading is safe. */
export const READ_ONLY: AccessView = Object.freeze({
  canEdit: false,
  canContribute: false,
  canCurate: false
});

export interface ProjectAccess extends AccessView {
  /** The backend answered: a missing action is then the user's role, worth a reason. */
  known: boolean;
}

/**
 * What the acting user may do in this project, asked once per page: the page shows only
 * those actions. The backend checks every call again; this only spares people buttons
 * that would be refused.
 */
export function useProjectAccess(): ProjectAccess {
  const query = useContractQuery('project/getAccess', {}, { staleTime: Infinity });
  return query.isSuccess ? { ...query.data, known: true } : { ...READ_ONLY, known: false };
}
