import type { IssuePlacement } from '../../jira/get-issue';
import type { LinkRecord } from '../../storage/records';
import type { AffectedIssue } from '../apply-change';

/** Where a link row says its issue sits: what its roll-up indexes are built from. */
export interface LinkPlacement {
  projectId: string;
  parentId?: string;
  grandparentId?: string;
}

/** The placement a link on this issue must carry, from the issue's current place in Jira. */
export function placementOf(issue: IssuePlacement): LinkPlacement {
  return {
    projectId: issue.projectId,
    ...(issue.parentId ? { parentId: issue.parentId } : {}),
    ...(issue.grandparentId ? { grandparentId: issue.grandparentId } : {})
  };
}

export function samePlacement(link: LinkRecord, to: LinkPlacement): boolean {
  return (
    link.projectId === to.projectId &&
    link.parentId === to.parentId &&
    link.grandparentId === to.grandparentId
  );
}

/** The link moved to `to`; absent ancestors are omitted, so the sparse indexes drop it. */
export function placeLink(link: LinkRecord, to: LinkPlacement): LinkRecord {
  const { parentId: _parent, grandparentId: _grandparent, ...rest } = link;
  return {
    ...rest,
    projectId: to.projectId,
    ...(to.parentId ? { parentId: to.parentId } : {}),
    ...(to.grandparentId ? { grandparentId: to.grandparentId } : {})
  };
}

/**
 * The impacts an issue's evidence feeds, as Jira placed it just now: the issue's project
 * and parent, and its parent's parent, replace what the stored read models say.
 */
export function placedChain(issue: IssuePlacement): AffectedIssue[] {
  const { id, projectId, parentId, grandparentId } = issue;
  const chain: AffectedIssue[] = [
    { issueId: id, projectId, ...(parentId ? { parentId } : {}), projectFromJira: true, parentFromJira: true }
  ];
  if (parentId) {
    chain.push({
      issueId: parentId,
      projectId,
      ...(grandparentId ? { parentId: grandparentId } : {}),
      parentFromJira: true
    });
  }
  if (grandparentId) chain.push({ issueId: grandparentId, projectId });
  return chain;
}
