import type { ResultOf } from '../../../src/contract/surfaces';
import type { PanelView } from '../../../src/contract/views';
import { invokeApi } from '../api/startup';
import { markPhase } from './phase-mark';

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
  /**
   * Called by the panel once it shows its own evidence (or failure): removes the first
   * frame the boot script painted, if any, in the same task, so nothing flashes.
   */
  handOver?: () => void;
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

/** Paints a view before React can; returns what removes it, or null when it painted nothing. */
export type FirstFramePainter = (view: PanelView) => (() => void) | null;

/** Resolves after the frame now being drawn has painted: an animation frame, then a task. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The same reads, with the evidence painted by `paint` as soon as it answers. React is
 * given the answer only after that frame is on screen: rendering the panel takes tens
 * of milliseconds of main thread, and run first it would hold the painted frame back
 * by as much. The panel's own render then replaces the frame (`handOver`).
 */
export function withFirstFrame(load: PanelFirstLoad, paint: FirstFramePainter): PanelFirstLoad {
  let remove: (() => void) | null = null;
  // Not the plain reads' settled answers: a React that loaded meanwhile would render the
  // evidence before the frame paints. The evidence counts as settled once it has painted.
  const settled: PanelFirstLoad['settled'] = {};
  const evidence = load.evidence.then(async (view) => {
    try {
      remove = paint(view);
    } catch {
      // The early frame is a head start, never a condition: React draws the evidence.
      remove = null;
    }
    if (remove !== null) {
      markPhase('panel:first-frame');
      await afterPaint();
    }
    settled.evidence = view;
    return view;
  });
  void load.access.then(
    (access) => (settled.access = access),
    () => undefined
  );
  // As in startPanelLoad: a failure is reported by the panel, not as an unhandled rejection.
  void evidence.catch(() => undefined);
  return {
    evidence,
    access: load.access,
    settled,
    handOver: () => {
      if (remove === null) return;
      remove();
      remove = null;
      markPhase('panel:hand-over');
    }
  };
}
