import { childPath, movedPath, type AncestorPath } from '../../domain/ancestry';
import type { IssueState } from '../../jira/issue-states-as-app';
import { linksAndImpactUnder } from '../../storage/link-store';
import type { LinkRecord } from '../../storage/records';
import type { Env } from '../actor';
import { applyChange } from '../apply-change';
import { emptyChange } from '../evidence-change';
import { affectedChain } from '../link-insights';
import { retryOnConflict } from '../retry-on-conflict';
import { placedChain, placementOf, samePlacement, type LinkPlacement } from './link-placement';
import { rewriteLinks, type LinkFate } from './rewrite-links';

/**
 * An issue moved in Jira (new parent, or another project): its links take its new place,
 * the links of its whole subtree its new ancestors (what lies between them and the issue
 * stays), and its impact the new project and parent; the old and new ancestors are
 * rescored. The subtree's links are found where Jira puts the issue now (a repeated
 * event) and where its stored impact says it was.
 */
export async function followIssueMove(state: IssueState, env: Env): Promise<void> {
  const own = placementOf(state);
  const { links, impact } = await linksAndImpactUnder(state.id, own.ancestorPath);

  const fates: LinkFate[] = [];
  for (const link of links) {
    const to: LinkPlacement =
      link.issueId === state.id
        ? own
        : { projectId: link.projectId, ancestorPath: descendantPath(link, state.id, own.ancestorPath) };
    if (!samePlacement(link, to)) fates.push({ link, fate: 'move', to });
  }
  const chain = placedChain(state);
  await rewriteLinks(chain[0]!, fates, () => chain, env.now);

  // No link to move (a repeated event, or only legacy rows): the impact may still have to
  // follow the issue to its new project, parent or path.
  const stale =
    impact &&
    (impact.projectId !== state.projectId ||
      impact.parentId !== state.parentId ||
      impact.ancestorPath !== own.ancestorPath);
  if (fates.length === 0 && stale) {
    const before = affectedChain({
      issueId: state.id,
      projectId: impact.projectId,
      ...(impact.parentId ? { parentId: impact.parentId } : {}),
      ...(impact.ancestorPath !== undefined ? { ancestorPath: impact.ancestorPath } : {})
    });
    await retryOnConflict(() =>
      applyChange(emptyChange(), [...chain, ...before], env.now(), { rescore: true })
    );
  }
}

/**
 * Where a descendant's link goes when `issueId` moves under `to`. A link stored before
 * paths names its parent and grandparent only: one of them is the moved issue.
 */
function descendantPath(link: LinkRecord, issueId: string, to: AncestorPath): AncestorPath {
  if (link.ancestorPath !== undefined) return movedPath(link.ancestorPath, issueId, to);
  const below = childPath(to, issueId);
  return link.parentId === issueId || link.parentId === undefined ? below : childPath(below, link.parentId);
}
