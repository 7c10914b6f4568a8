import { capabilitiesOf, type Capabilities, type ProjectRoles } from '../domain/roles';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { myPermissions, type Access } from '../jira/my-permissions';
import { userGroupNames } from '../jira/user-groups';
import { getProjectRoles } from '../storage/roles-store';

/**
 * A user's capabilities in a project, from Jira's answer about them there (browse,
 * Jira admin, project admin) and the project's named groups. The user's groups are
 * only asked for when an admin named any group for the project and the user is not
 * already an administrator.
 */
async function capabilitiesFrom(
  accountId: string,
  access: Access,
  roles: ProjectRoles
): Promise<Capabilities> {
  const admin = access.administer || access.administerProject;
  const named = roles.contributors.length + roles.curators.length > 0;
  const groups = !admin && named && access.browse ? await userGroupNames(accountId) : [];
  return capabilitiesOf({
    browse: access.browse,
    jiraAdmin: access.administer,
    projectAdmin: access.administerProject,
    groups,
    roles
  });
}

/** The acting user's capabilities in the project (Jira's 404 for a hidden project: none). */
export async function projectCapabilities(accountId: string, projectId: string): Promise<Capabilities> {
  const [access, roles] = await Promise.all([myPermissions({ projectId }), getProjectRoles(projectId)]);
  return capabilitiesFrom(accountId, access, roles);
}

export type ProjectGate = 'browse' | 'contribute' | 'curate';

const REFUSALS: Record<ProjectGate, string> = {
  browse: 'Project does not exist or you do not have permission to see it.',
  contribute: 'Only contributors and curators of this project can add customer evidence.',
  curate: 'Only curators of this project can merge, delete, dismiss or edit insights and accounts.'
};

/** Refuses unless the acting user holds the capability in the project. */
export async function requireCapability(
  accountId: string,
  projectId: string,
  gate: ProjectGate
): Promise<void> {
  const caps = await projectCapabilities(accountId, projectId);
  if (!caps.browse) throw new NotFoundError(REFUSALS.browse);
  if (!caps[gate]) throw new ForbiddenError(REFUSALS[gate]);
}

/**
 * Waits for reads that ran beside a capability check, the check first: a refused user
 * gets the refusal, never what the reads found (or failed to find).
 */
export async function readBesideCheck<T>(check: Promise<void>, reads: Promise<T>): Promise<T> {
  const [allowed, value] = await Promise.allSettled([check, reads]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (value.status === 'rejected') throw value.reason;
  return value.value;
}

/**
 * Whether the acting user may change the evidence on one issue: whoever may edit that
 * issue (EDIT_ISSUES asked on the issue itself, so issue-level security and "Reporter
 * may edit" schemes hold), and contributors of its project who can browse it.
 */
export async function mayChangeIssueEvidence(
  accountId: string,
  projectId: string,
  onIssue: Access
): Promise<boolean> {
  if (!onIssue.browse) return false;
  if (onIssue.edit || onIssue.administer || onIssue.administerProject) return true;
  return (await capabilitiesFrom(accountId, onIssue, await getProjectRoles(projectId))).contribute;
}

/** As `mayChangeIssueEvidence`, refusing with the code the UI branches on. */
export async function requireIssueEvidenceChange(
  accountId: string,
  projectId: string,
  onIssue: Access
): Promise<void> {
  if (!onIssue.browse)
    throw new NotFoundError('Issue does not exist or you do not have permission to see it.');
  if (!(await mayChangeIssueEvidence(accountId, projectId, onIssue)))
    throw new ForbiddenError(
      'You need permission to edit this issue, or to contribute in its project, to change its evidence.'
    );
}
