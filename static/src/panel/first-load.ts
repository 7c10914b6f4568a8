import type { ResultOf } from '../../../src/contract/surfaces';
import { invokeApi } from '../api';

/** The panel's two opening reads, already on their way. */
export interface PanelFirstLoad {
  evidence: Promise<ResultOf<'panel/getEvidence'>>;
  access: Promise<ResultOf<'panel/getAccess'>>;
}

/**
 * Asks for the evidence and the edit access in parallel. The boot script calls this
 * before React and Atlaskit have downloaded, so the round trip overlaps their loading;
 * the panel calls it again for a retry.
 */
export function startPanelLoad(): PanelFirstLoad {
  const first = { evidence: invokeApi('panel/getEvidence', {}), access: invokeApi('panel/getAccess', {}) };
  // Nobody listens until the app has loaded: a failure is reported then, not as an
  // unhandled rejection now.
  void first.evidence.catch(() => undefined);
  void first.access.catch(() => undefined);
  return first;
}
