import { MAX_ALLOWED_GROUPS, MAX_GROUP_NAME } from './privacy-form';

/**
 * Group names typed as a comma-separated list: trimmed, empty entries dropped, and each
 * group once (Jira group names are case-insensitive).
 */
export function parseGroupList(text: string): string[] {
  const seen = new Set<string>();
  const groups: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    groups.push(name);
  }
  return groups;
}

/** Why the list cannot be saved, or null: the backend's limits, checked before a round trip. */
export function groupListProblem(groups: readonly string[]): string | null {
  if (groups.length > MAX_ALLOWED_GROUPS) return `Name at most ${MAX_ALLOWED_GROUPS} groups.`;
  const long = groups.find((g) => g.length > MAX_GROUP_NAME);
  return long === undefined ? null : `Group names are at most ${MAX_GROUP_NAME} characters.`;
}
