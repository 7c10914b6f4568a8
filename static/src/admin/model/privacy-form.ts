import type { FieldIssue } from '../../../../src/domain/errors';
import type { PrivacySettings } from '../../../../src/domain/privacy';

/** The backend's limits (`PrivacySettingsSchema`), checked here before a round trip. */
export const MAX_ALLOWED_GROUPS = 20;
export const MAX_GROUP_NAME = 255;

/**
 * Why `name` cannot be added to `groups`, or null when it can. Jira group names are
 * case-insensitive, so `Support` and `support` are the same group.
 */
export function groupNameProblem(name: string, groups: readonly string[]): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a Jira group name.';
  if (trimmed.length > MAX_GROUP_NAME) return `Group names are at most ${MAX_GROUP_NAME} characters.`;
  if (groups.some((g) => g.toLowerCase() === trimmed.toLowerCase()))
    return `${trimmed} is already in the list.`;
  if (groups.length >= MAX_ALLOWED_GROUPS) return `At most ${MAX_ALLOWED_GROUPS} groups can be allowed.`;
  return null;
}

/**
 * Jira's spelling of `name` among the groups Jira found for it, or undefined when none
 * is called that (group names ignore case).
 */
export function jiraSpelling(name: string, found: readonly { name: string }[]): string | undefined {
  const wanted = name.trim().toLowerCase();
  return found.find((group) => group.name.toLowerCase() === wanted)?.name;
}

/**
 * The server's warning that a save would hide identity from the admin making it (the
 * save was refused for want of `confirmSelfMask`), or undefined for any other refusal.
 */
export function selfMaskWarning(issues: readonly FieldIssue[]): string | undefined {
  return issues.find((issue) => issue.path === 'confirmSelfMask')?.message;
}

export function samePrivacy(a: PrivacySettings, b: PrivacySettings): boolean {
  return (
    a.restrictIdentity === b.restrictIdentity &&
    a.allowedGroups.length === b.allowedGroups.length &&
    a.allowedGroups.every((g, i) => g === b.allowedGroups[i])
  );
}

export interface MappedPrivacyIssues {
  /** Issues about the group list (`privacy.allowedGroups`, `privacy.allowedGroups.3`). */
  groups: string | undefined;
  /** Anything else the server said. */
  formErrors: string[];
}

/** Puts the server's privacy issues on the group list, naming the group at fault. */
export function mapPrivacyIssues(
  issues: readonly FieldIssue[],
  groups: readonly string[]
): MappedPrivacyIssues {
  let groupError: string | undefined;
  const formErrors: string[] = [];
  for (const issue of issues) {
    const match = /^(?:privacy\.)?allowedGroups(?:\.(\d+))?$/.exec(issue.path);
    if (match) {
      const named = match[1] === undefined ? undefined : groups[Number(match[1])];
      groupError ??= named === undefined ? issue.message : `${named}: ${issue.message}`;
    } else {
      formErrors.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
  }
  return { groups: groupError, formErrors };
}
