import { enableTheming } from '../api/startup';
import { showStartupFailure, showStartupSkeleton } from '../shared/startup-skeleton';
import { warmFormatting } from '../shared/warm-formatting';
import { startPanelLoad } from './first-load';

/**
 * The panel's entry script, small on purpose (the API client and the bridge, no React):
 * it sends the opening reads at once, then downloads React, Atlaskit and the panel
 * (preloaded by the HTML since the page opened) and hands them the reads in flight.
 * The round trip and the download overlap instead of following one another.
 */
const first = startPanelLoad();
void enableTheming();
showStartupSkeleton('panel-loading', 'Loading customer evidence…');
void import('./start').then(
  ({ start }) => start(first),
  () => showStartupFailure('Customer evidence could not load. Reload the page to try again.')
);
// In a task of its own, so the skeleton paints first; the app's chunks keep downloading.
setTimeout(warmFormatting, 0);
