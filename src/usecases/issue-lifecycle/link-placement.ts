import { ancestorsOf, TOP_LEVEL, type AncestorPath } from '../../domain/ancestry';
import type { IssuePlacement } from '../../jira/get-issue';
import type { LinkRecord } from '../../storage/records';
import type { AffectedIssue } from '../apply-change';
import { affectedChain, withLevels } from '../link-insights';

/** Where a link row says its issue sits: what its roll-up indexes are built from. */
export interface LinkPlacement {
  projectId: string;
  /** Every ancestor of the link's issue, root first (domain/ancestry). */
  ancestorPath: AncestorPath;
}

/** The ancestry attributes of a link row: omitted at the top, so sparse indexes hold only rows they are about. */
export function ancestryOfLink(at: {
  ancestorPath?: AncestorPath;
  parentId?: string;
  grandparentId?: string;
}): Pick<LinkRecord, 'parentId' | 'grandparentId' | 'rootId' | 'ancestorPath'> {
  if (at.ancestorPath === undefined) {
    return {
      ...(at.parentId ? { parentId: at.parentId } : {}),
      ...(at.grandparentId ? { grandparentId: at.grandparentId } : {})
    };
  }
  const ancestors = ancestorsOf(at.ancestorPath);
  const [rootId] = ancestors;
  if (rootId === undefined) return {};
  const parentId = ancestors.at(-1);
  const grandparentId = ancestors.at(-2);
  // Parent and grandparent stay written: links stored before paths are read by them, and
  // the indexes they feed are deployed and cannot be removed.
  return {
    rootId,
    ancestorPath: at.ancestorPath,
    ...(parentId ? { parentId } : {}),
    ...(grandparentId ? { grandparentId } : {})
  };
}

/** The placement a link on this issue must carry, from the issue's current place in Jira. */
export function placementOf(issue: IssuePlacement): LinkPlacement {
  return { projectId: issue.projectId, ancestorPath: issue.ancestorPath ?? TOP_LEVEL };
}

/** Whether a stored link already carries this placement; one stored before paths never does, unless at the top. */
export function samePlacement(link: LinkRecord, to: LinkPlacement): boolean {
  const path = link.ancestorPath ?? (link.parentId === undefined ? TOP_LEVEL : undefined);
  return link.projectId === to.projectId && path === to.ancestorPath;
}

/** The link moved to `to`; absent ancestors are omitted, so the sparse indexes drop it. */
export function placeLink(link: LinkRecord, to: LinkPlacement): LinkRecord {
  const {
    parentId: _parent,
    grandparentId: _grandparent,
    rootId: _root,
    ancestorPath: _path,
    ...rest
  } = link;
  return { ...rest, projectId: to.projectId, ...ancestryOfLink(to) };
}

/**
 * The impacts an issue's evidence feeds, as Jira placed it just now: the issue's project
 * and ancestors replace what the stored read models say.
 */
export function placedChain(issue: IssuePlacement): AffectedIssue[] {
  const chain = withLevels(
    affectedChain({ ...issue, issueId: issue.id, ancestorPath: issue.ancestorPath ?? TOP_LEVEL }),
    issue.hierarchyLevel
  );
  const [self, ...ancestors] = chain;
  if (!self) return chain;
  return [
    { ...self, projectFromJira: true, parentFromJira: true },
    ...ancestors.map((ancestor) => ({ ...ancestor, parentFromJira: true }))
  ];
}
