import type { IssueState } from '../../jira/issue-states-as-app';
import { getImpact } from '../../storage/impact-store';
import { linksUnder } from '../../storage/link-store';
import type { Env } from '../actor';
import { applyChange } from '../apply-change';
import { emptyChange } from '../evidence-change';
import { affectedChain } from '../link-insights';
import { retryOnConflict } from '../retry-on-conflict';
import { placedChain, placementOf, samePlacement, type LinkPlacement } from './link-placement';
import { rewriteLinks, type LinkFate } from './rewrite-links';

/**
 * An issue moved in Jira (new parent, or another project): its links take its new place,
 * its children's links their new grandparent, and its impact the new project and parent;
 * the old and new parent and grandparent are rescored. Grandchildren's links are left as
 * they are: their roll-up stops at this issue, which they still roll up into.
 */
export async function followIssueMove(state: IssueState, env: Env): Promise<void> {
  const [links, impact] = await Promise.all([linksUnder(state.id), getImpact(state.id)]);
  const own = placementOf(state);
  // As when linking: a grandparent is recorded only above a parent below epic level.
  const forChildren = state.hierarchyLevel < 1 && state.parentId ? state.parentId : undefined;

  const fates: LinkFate[] = [];
  for (const link of links) {
    let to: LinkPlacement | undefined;
    if (link.issueId === state.id) to = own;
    else if (link.parentId === state.id) {
      to = {
        projectId: link.projectId,
        parentId: state.id,
        ...(forChildren ? { grandparentId: forChildren } : {})
      };
    }
    if (to && !samePlacement(link, to)) fates.push({ link, fate: 'move', to });
  }
  const chain = placedChain(state);
  await rewriteLinks(chain[0]!, fates, () => chain, env.now);

  // No link to move (only grandchildren's evidence, or a repeated event): the impact may
  // still have to follow the issue to its new project or parent.
  const stale = impact && (impact.projectId !== state.projectId || impact.parentId !== state.parentId);
  if (fates.length === 0 && stale) {
    const before = affectedChain({
      issueId: state.id,
      projectId: impact.projectId,
      ...(impact.parentId ? { parentId: impact.parentId } : {})
    });
    await retryOnConflict(() =>
      applyChange(emptyChange(), [...chain, ...before], env.now(), { rescore: true })
    );
  }
}
