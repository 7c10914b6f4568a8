import { ancestorsOf, childPath, TOP_LEVEL } from '../domain/ancestry';
import { withAncestry, type IssuePlacement } from '../jira/get-issue';
import { ancestorPathsAsApp } from '../jira/issue-states-as-app';
import { getRankRows } from '../storage/impact-store';
import type { RankRow } from '../storage/records';

/**
 * Completes an issue's placement (as Jira just named its parent) with every ancestor.
 * The stored impact of the issue (`own`, when the caller read it beside Jira) or of its
 * parent knows where it sits once it has evidence: issue lifecycle events keep those
 * paths current, and a write that used one is conditioned on those impact rows, so a
 * move committed meanwhile makes the write retry with the new path. Otherwise the app
 * walks up Jira, one bulk read per level.
 */
export async function withAncestors(
  placement: IssuePlacement,
  own?: Pick<RankRow, 'ancestorPath'>
): Promise<IssuePlacement> {
  const { parentId } = placement;
  if (parentId === undefined) return withAncestry(placement, TOP_LEVEL);
  // The issue's own path holds while Jira still names the parent that path ends with.
  if (own?.ancestorPath !== undefined && ancestorsOf(own.ancestorPath).at(-1) === parentId)
    return withAncestry(placement, own.ancestorPath);
  const parent = (await getRankRows([parentId])).get(parentId);
  if (parent?.ancestorPath !== undefined)
    return withAncestry(placement, childPath(parent.ancestorPath, parentId));
  const paths = await ancestorPathsAsApp(new Map([[placement.id, parentId]]));
  return withAncestry(placement, paths.get(placement.id) ?? childPath(TOP_LEVEL, parentId));
}
