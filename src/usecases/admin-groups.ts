import { ValidationError, type FieldIssue } from '../domain/errors';
import { maySeeIdentity, type PrivacySettings } from '../domain/privacy';
import { findGroups, type JiraGroup } from '../jira/find-groups';
import { userGroupNames } from '../jira/user-groups';
import type { GroupMatchView } from '../contract/views';
import type { Actor } from './actor';
import { requireJiraAdmin } from './admin-access';

/**
 * How many groups one existence check asks Jira for: the named group is among Jira's
 * sorted matches for its own name, ahead of the longer names that contain it.
 */
const LOOKUP_MATCHES = 20;

/** What the confirmation says, and what a save without it is refused with. */
export const SELF_MASK_MESSAGE =
  'You are not in any of these groups: after saving, account names and revenue will be hidden from you too.';

/** Jira's groups whose names contain what the admin typed, for the privacy group picker. */
export async function findJiraGroups(query: string, limit: number): Promise<GroupMatchView[]> {
  await requireJiraAdmin();
  return findGroups(query, limit);
}

/** Jira's spelling of a group name, or undefined when Jira has no group by that name. */
async function jiraSpelling(name: string): Promise<string | undefined> {
  const matches: JiraGroup[] = await findGroups(name, LOOKUP_MATCHES);
  return matches.find((group) => group.name.toLowerCase() === name.toLowerCase())?.name;
}

/** The names among `names` that Jira has no group for, in their order. */
export async function unknownGroupNames(names: readonly string[]): Promise<string[]> {
  const spelled = await Promise.all(names.map(jiraSpelling));
  return names.filter((_name, i) => spelled[i] === undefined);
}

/**
 * The privacy settings with every allowed group checked against Jira and written as Jira
 * spells it (group names ignore case, the membership check does not). A name Jira does
 * not know is refused, naming it, before anything is written: a misspelt group would
 * let nobody through, silently.
 */
export async function checkedPrivacy(privacy: PrivacySettings): Promise<PrivacySettings> {
  const spelled = await Promise.all(privacy.allowedGroups.map(jiraSpelling));
  const issues: FieldIssue[] = privacy.allowedGroups.flatMap((name, i) =>
    spelled[i] === undefined
      ? [{ path: `privacy.allowedGroups.${i}`, message: `Jira has no group called “${name}”.` }]
      : []
  );
  if (issues.length > 0)
    throw new ValidationError('Pick allowed groups from Jira’s groups: some names are unknown.', issues);
  const allowedGroups = [...new Set(spelled.filter((name): name is string => name !== undefined))];
  return { ...privacy, allowedGroups };
}

/**
 * Refuses, unless confirmed, privacy settings that would hide account names and revenue
 * from the admin saving them. Membership comes from Jira for the trusted caller, never
 * from the payload.
 */
export async function requireSelfMaskConfirmed(
  actor: Actor,
  privacy: PrivacySettings,
  confirmed: boolean
): Promise<void> {
  if (confirmed || !privacy.restrictIdentity) return;
  if (maySeeIdentity(privacy, await userGroupNames(actor.accountId))) return;
  throw new ValidationError(SELF_MASK_MESSAGE, [{ path: 'confirmSelfMask', message: SELF_MASK_MESSAGE }]);
}
