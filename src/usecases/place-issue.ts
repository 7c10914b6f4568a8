import { childPath, TOP_LEVEL } from '../domain/ancestry';
import { withAncestry, type IssuePlacement } from '../jira/get-issue';
import { ancestorPathsAsApp } from '../jira/issue-states-as-app';
import { getImpact } from '../storage/impact-store';

/**
 * Completes an issue's placement (as Jira just named its parent) with every ancestor.
 * The parent's stored impact knows where the parent sits when it has evidence: issue
 * lifecycle events keep that path current, and a write that used it is conditioned on
 * that impact row, so a move committed meanwhile makes the write retry with the new
 * path. Otherwise the app walks up Jira, one bulk read per level.
 */
export async function withAncestors(placement: IssuePlacement): Promise<IssuePlacement> {
  const { parentId } = placement;
  if (parentId === undefined) return withAncestry(placement, TOP_LEVEL);
  const parent = await getImpact(parentId);
  if (parent?.ancestorPath !== undefined)
    return withAncestry(placement, childPath(parent.ancestorPath, parentId));
  const paths = await ancestorPathsAsApp(new Map([[placement.id, parentId]]));
  return withAncestry(placement, paths.get(placement.id) ?? childPath(TOP_LEVEL, parentId));
}
