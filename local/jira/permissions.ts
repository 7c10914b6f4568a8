import type { JiraPrincipal } from '../host/services';
import type { JiraState } from './jira-state';
import { PERMISSION_CATALOG, type PermissionInfo } from './permission-catalog';
import type { Grantee, SeedIssue, SeedProject } from './seed';

/**
 * Decides who may do what, the way Jira does: project permissions through the project's
 * grants (users or groups), issue-level security on top of browse, ADMINISTER through
 * the global grant. The app (Forge `asApp`) acts through the project role
 * `atlassian-addons-project-access`, which holds every project permission until an
 * admin takes it away (`addonsRoleBrowse: false`), and sees an issue under a security
 * level only when that role is among the level's members (`addonsRoleMember`).
 */
export class Permissions {
  constructor(private readonly state: JiraState) {}

  private isActiveUser(accountId: string): boolean {
    return this.state.users.get(accountId)?.active === true;
  }

  /**
   * Whether the grantees include the user. A `reporter` grant needs issue data: with an
   * issue it holds for that issue's reporter; with `anyIssue` it holds for every user,
   * since anyone can be the reporter of some issue (Jira's project-context reading).
   */
  private holds(
    accountId: string,
    grantees: readonly Grantee[],
    issueData: { issue?: SeedIssue; anyIssue?: boolean } = {}
  ): boolean {
    if (!this.isActiveUser(accountId)) return false;
    return grantees.some((grantee) => {
      if ('user' in grantee) return grantee.user === accountId;
      if ('group' in grantee)
        return this.state.groups.get(grantee.group)?.members.includes(accountId) === true;
      return issueData.anyIssue === true || issueData.issue?.reporterAccountId === accountId;
    });
  }

  groupsOf(accountId: string): string[] {
    return [...this.state.groups.values()]
      .filter((group) => group.members.includes(accountId))
      .map((group) => group.name);
  }

  hasGlobal(principal: JiraPrincipal, info: PermissionInfo): boolean {
    if (principal.kind === 'app') return true;
    if (principal.kind === 'anonymous') return false;
    if (info.grantedBy === 'ANY_USER') return this.isActiveUser(principal.accountId);
    return this.holds(principal.accountId, this.state.globalAdmins);
  }

  /**
   * A project permission without issue data (a `reporter` grant does not count), or, with
   * `anyIssue`, as `mypermissions` reports it for a project: held if the user meets the
   * permission's criteria for any issue of the project.
   */
  hasProject(
    principal: JiraPrincipal,
    project: SeedProject,
    info: PermissionInfo,
    issueData: { issue?: SeedIssue; anyIssue?: boolean } = {}
  ): boolean {
    if (principal.kind === 'app') return project.addonsRoleBrowse !== false;
    if (principal.kind === 'anonymous') return false;
    if (info.grantedBy === 'ANY_USER') return this.isActiveUser(principal.accountId);
    if (info.grantedBy === 'ADMINISTER') return this.holds(principal.accountId, this.state.globalAdmins);
    return this.holds(principal.accountId, project.permissions[info.grantedBy], issueData);
  }

  /** A project permission in the context of one issue: the issue must be visible too. */
  hasIssue(principal: JiraPrincipal, issue: SeedIssue, info: PermissionInfo): boolean {
    const project = this.state.projects.get(issue.projectId);
    return (
      project !== undefined &&
      this.canBrowseIssue(principal, issue) &&
      this.hasProject(principal, project, info, { issue })
    );
  }

  canBrowseProject(principal: JiraPrincipal, project: SeedProject): boolean {
    return this.hasProject(principal, project, catalog('BROWSE_PROJECTS'));
  }

  /** Jira lists a project to anyone who may browse or administer it, or is a Jira admin. */
  canViewProject(principal: JiraPrincipal, project: SeedProject): boolean {
    // An app is no Jira administrator: it lists only the projects its role may browse.
    if (principal.kind === 'app') return this.canBrowseProject(principal, project);
    return (
      this.canBrowseProject(principal, project) ||
      this.hasProject(principal, project, catalog('ADMINISTER_PROJECTS')) ||
      this.hasGlobal(principal, catalog('ADMINISTER'))
    );
  }

  canBrowseIssue(principal: JiraPrincipal, issue: SeedIssue): boolean {
    if (principal.kind === 'anonymous') return false;
    const project = this.state.projects.get(issue.projectId);
    if (!project || !this.canBrowseProject(principal, project)) return false;
    if (principal.kind === 'app') return issue.securityLevel?.addonsRoleMember !== false;
    return !issue.securityLevel || this.holds(principal.accountId, issue.securityLevel.grantees);
  }

  canEditIssue(principal: JiraPrincipal, issue: SeedIssue): boolean {
    return this.hasIssue(principal, issue, catalog('EDIT_ISSUES'));
  }
}

function catalog(key: string): PermissionInfo {
  const info = PERMISSION_CATALOG.get(key);
  if (!info) throw new Error(`Local Jira: permission ${key} missing from the catalog`);
  return info;
}
