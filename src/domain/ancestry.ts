/**
 * Where an issue sits in Jira's hierarchy, at any depth: its ancestors' ids, root first,
 * as `/<root>/…/<parent>/` (just `/` for an issue with no parent). Every link row carries
 * its issue's path, so the evidence under an issue is one range of paths, whatever the
 * number of levels (Premium sites add levels above epics).
 */
export type AncestorPath = string;

/** The path of an issue with no parent. */
export const TOP_LEVEL: AncestorPath = '/';

/** The path of an issue whose ancestors are these ids, root first. */
export function pathOf(ancestorIds: readonly string[]): AncestorPath {
  return ancestorIds.length === 0 ? TOP_LEVEL : `/${ancestorIds.join('/')}/`;
}

/** The ancestors a path names, root first (the parent last). */
export function ancestorsOf(path: AncestorPath): string[] {
  return path.split('/').filter((id) => id !== '');
}

/** The path of a child of the issue at `path`. */
export function childPath(path: AncestorPath, issueId: string): AncestorPath {
  return `${path}${issueId}/`;
}

/**
 * The range of paths under an issue: its descendants' paths all start with `prefix`, and
 * all share the hierarchy's top issue, `rootId` (the issue itself when it has no parent).
 */
export function subtreeOf(path: AncestorPath, issueId: string): { rootId: string; prefix: AncestorPath } {
  return { rootId: ancestorsOf(path)[0] ?? issueId, prefix: childPath(path, issueId) };
}

/** Whether an issue at `path` is a descendant of `issueId`. */
export function isUnder(path: AncestorPath, issueId: string): boolean {
  return path.includes(`/${issueId}/`);
}

/** Levels between an issue at `path` and its ancestor `issueId` (1 for a child); undefined when not under it. */
export function levelsBelow(path: AncestorPath, issueId: string): number | undefined {
  const ancestors = ancestorsOf(path);
  const at = ancestors.lastIndexOf(issueId);
  return at < 0 ? undefined : ancestors.length - at;
}

/**
 * The path of a descendant of `issueId` after that issue moved under `to` (its new
 * ancestor path): the part above the moved issue is replaced, the part below kept.
 */
export function movedPath(path: AncestorPath, issueId: string, to: AncestorPath): AncestorPath {
  const ancestors = ancestorsOf(path);
  const at = ancestors.lastIndexOf(issueId);
  return at < 0 ? path : pathOf([...ancestorsOf(to), issueId, ...ancestors.slice(at + 1)]);
}

/** Where an issue ranks when the backlog is filtered by level: epics and above, standard issues, sub-tasks. */
export type LevelBand = 'epic' | 'standard' | 'subtask';

/** The band of a Jira hierarchy level (sub-task -1, standard 0, epic 1, above 2+). */
export function bandOf(hierarchyLevel: number): LevelBand {
  return hierarchyLevel >= 1 ? 'epic' : hierarchyLevel === 0 ? 'standard' : 'subtask';
}
