import type { ResultOf } from '../../../src/contract/surfaces';
import { invokeApi } from '../api/startup';

/** The panel's two opening reads, already on their way. */
export interface PanelFirstLoad {
  evidence: Promise<ResultOf<'panel/getEvidence'>>;
  access: Promise<ResultOf<'panel/getAccess'>>;
  /**
   * Their answers once they are in. The round trip often ends before React has loaded;
   * the panel's first render then shows the evidence at once instead of a spinner
   * followed by a second render.
   */
  readonly settled: { evidence?: ResultOf<'panel/getEvidence'>; access?: ResultOf<'panel/getAccess'> };
}

/**
 * Asks for the evidence and the edit access in parallel. The boot script calls this
 * before React and Atlaskit have downloaded, so the round trip overlaps their loading;
 * the panel calls it again for a retry.
 */
export function startPanelLoad(): PanelFirstLoad {
  const first: PanelFirstLoad = {
    evidence: invokeApi('panel/getEvidence', {}),
    access: invokeApi('panel/getAccess', {}),
    settled: {}
  };
  // Nobody else listens until the app has loaded: a failure is reported then, not as
  // an unhandled rejection now.
  void first.evidence.then(
    (view) => (first.settled.evidence = view),
    () => undefined
  );
  void first.access.then(
    (access) => (first.settled.access = access),
    () => undefined
  );
  return first;
}
