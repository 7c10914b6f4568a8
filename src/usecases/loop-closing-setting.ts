import type { LoopClosingView } from '../contract/views';
import { getLoopClosingSetting, saveLoopClosingSetting } from '../storage/loop-closing-store';
import { projectCapabilities } from './capabilities';

/**
 * The project's "tell service requests when work ships" setting and whether the user may
 * change it. It belongs to the project's curators, like its other evidence decisions:
 * the comments go to the project's customers' requests on the project's behalf, which
 * is a project choice, not a site-wide one for the Jira admin page.
 */
export async function loopClosingView(accountId: string, projectId: string): Promise<LoopClosingView> {
  const [enabled, caps] = await Promise.all([
    getLoopClosingSetting(projectId),
    projectCapabilities(accountId, projectId)
  ]);
  return { enabled, canEdit: caps.curate };
}

/** Turns it on or off (the endpoint's gate has checked the user curates the project). */
export async function setLoopClosing(projectId: string, enabled: boolean): Promise<LoopClosingView> {
  await saveLoopClosingSetting(projectId, enabled);
  return { enabled, canEdit: true };
}
