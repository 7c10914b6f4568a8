import { enableTheming } from '../api/startup';
import { showStartupFailure, showStartupSkeleton } from '../shared/startup-skeleton';
import { warmFormatting } from '../shared/warm-formatting';
import { showFirstFrame } from './first-frame';
import { startPanelLoad, withFirstFrame } from './first-load';
import { markPhase } from './phase-mark';

/**
 * The panel's entry script, small on purpose (the API client and the bridge, no React):
 * it sends the opening reads at once, then downloads React, Atlaskit and the panel and
 * hands them the reads in flight. The round trip and the download overlap instead of
 * following one another. When the evidence answers, the boot script paints it in plain
 * DOM (first-frame.ts) without waiting for React; the panel takes over from there.
 */
markPhase('panel:boot');
const first = withFirstFrame(startPanelLoad(), showFirstFrame);
void enableTheming();
showStartupSkeleton('panel-loading', 'Loading customer evidence…');
// React mounts once the evidence has painted (or failed): its first render is tens of
// milliseconds of main thread, and run while the answer arrives it held the first frame
// back by as much (`--phases`). Until then the skeleton says the evidence is loading.
const evidenceSettled = first.evidence.then(
  () => undefined,
  () => undefined
);
void Promise.all([import('./start'), evidenceSettled]).then(
  ([{ start }]) => {
    markPhase('panel:app-start');
    start(first);
  },
  () => {
    // The first frame, if painted, is not interactive: say plainly that the app did not load.
    first.handOver?.();
    showStartupFailure('Customer evidence could not load. Reload the page to try again.');
  }
);
// In a task of its own, so the skeleton paints first; the app's chunks keep downloading.
setTimeout(warmFormatting, 0);
