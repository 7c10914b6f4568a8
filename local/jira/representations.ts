import type { JiraState } from './jira-state';
import { APP_ACCOUNT_ID } from './product-events';
import type { FieldSelection } from './field-selection';
import type { Permissions } from './permissions';
import type { JiraPrincipal } from '../host/services';
import type { SeedIssue, SeedIssueType, SeedProject, SeedStatus, SeedUser, StatusCategoryKey } from './seed';

/**
 * Turns site records into Jira Cloud's JSON shapes (IssueBean, User, Project…), with
 * the `self` links, avatar URLs and date formats real Jira returns, so code written
 * against the local Jira reads real responses the same way.
 */
type Json = Record<string, unknown>;

const CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' }
};

/**
 * The resolution a move into Done sets: the local site's workflow has one, with the id
 * and name of Jira Cloud's default "Done" resolution.
 */
export const DONE_RESOLUTION = {
  id: '10000',
  name: 'Done',
  description: 'Work has been completed on this issue.'
} as const;

/** Jira's timestamp format: milliseconds and a `+0000` offset, not `Z`. */
export function jiraTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** Plain text as an Atlassian Document Format document (API v3 returns ADF). */
function adf(text: string): Json {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export class Representations {
  constructor(
    private readonly state: JiraState,
    private readonly permissions: Permissions
  ) {}

  private url(path: string): string {
    return `${this.state.baseUrl}${path}`;
  }

  private avatars(kind: 'user' | 'project', id: string): Json {
    const base =
      kind === 'user'
        ? `/secure/useravatar?ownerId=${encodeURIComponent(id)}`
        : `/secure/projectavatar?pid=${id}`;
    return {
      '48x48': this.url(`${base}&size=large`),
      '24x24': this.url(`${base}&size=small`),
      '16x16': this.url(`${base}&size=xsmall`),
      '32x32': this.url(`${base}&size=medium`)
    };
  }

  /** The short user shape embedded in issues (UserDetails). */
  userDetails(user: SeedUser): Json {
    const json: Json = {
      self: this.url(`/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`),
      accountId: user.accountId,
      avatarUrls: this.avatars('user', user.accountId),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone ?? 'Etc/UTC',
      accountType: 'atlassian'
    };
    if (user.emailAddress) json.emailAddress = user.emailAddress;
    return json;
  }

  /** The full user shape (User) of /myself and /user. */
  user(user: SeedUser): Json {
    return {
      ...this.userDetails(user),
      locale: 'en_US',
      groups: { size: this.permissions.groupsOf(user.accountId).length, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles'
    };
  }

  /** The app's own account, which is who `asApp()` calls are made as. */
  appUser(): Json {
    return {
      self: this.url(`/rest/api/3/user?accountId=${encodeURIComponent(APP_ACCOUNT_ID)}`),
      accountId: APP_ACCOUNT_ID,
      accountType: 'app',
      avatarUrls: this.avatars('user', APP_ACCOUNT_ID),
      displayName: 'Customer Evidence for Jira',
      active: true,
      timeZone: 'Etc/UTC',
      locale: 'en_US',
      groups: { size: 1, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles'
    };
  }

  group(name: string): Json {
    const group = this.state.groups.get(name);
    return {
      name,
      groupId: group?.groupId ?? null,
      self: this.url(`/rest/api/3/group?groupId=${encodeURIComponent(group?.groupId ?? name)}`)
    };
  }

  status(status: SeedStatus): Json {
    const category = CATEGORIES[status.category];
    return {
      self: this.url(`/rest/api/3/status/${status.id}`),
      description: '',
      iconUrl: this.url('/images/icons/statuses/generic.png'),
      name: status.name,
      id: status.id,
      statusCategory: {
        self: this.url(`/rest/api/3/statuscategory/${category.id}`),
        id: category.id,
        key: status.category,
        colorName: category.colorName,
        name: category.name
      }
    };
  }

  issueType(type: SeedIssueType): Json {
    return {
      self: this.url(`/rest/api/3/issuetype/${type.id}`),
      id: type.id,
      description: '',
      iconUrl: this.url(
        `/rest/api/2/universal_avatar/view/type/issuetype/avatar/${10300 + (Number(type.id) % 100)}?size=medium`
      ),
      name: type.name,
      subtask: type.subtask,
      avatarId: 10300 + (Number(type.id) % 100),
      hierarchyLevel: type.hierarchyLevel
    };
  }

  /** The short project shape embedded in issues (ProjectDetails). */
  projectDetails(project: SeedProject): Json {
    return {
      self: this.url(`/rest/api/3/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: project.projectTypeKey,
      simplified: false,
      avatarUrls: this.avatars('project', project.id)
    };
  }

  /** The list shape of /project/search. */
  projectSummary(project: SeedProject): Json {
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      ...this.projectDetails(project),
      style: 'classic',
      isPrivate: false,
      properties: {}
    };
  }

  /** The full shape of /project/{projectIdOrKey}. */
  project(project: SeedProject): Json {
    const lead = this.state.users.get(project.leadAccountId);
    const json: Json = {
      ...this.projectSummary(project),
      description: '',
      components: [],
      issueTypes: [...this.state.issueTypes.values()].map((type) => this.issueType(type)),
      assigneeType: 'UNASSIGNED',
      versions: [],
      roles: {
        Administrators: this.url(`/rest/api/3/project/${project.id}/role/10002`),
        Member: this.url(`/rest/api/3/project/${project.id}/role/10003`),
        Viewer: this.url(`/rest/api/3/project/${project.id}/role/10004`)
      }
    };
    if (lead) json.lead = this.user(lead);
    return json;
  }

  /** The minimal issue shape used for `parent` and `subtasks`. */
  private issueLink(issue: SeedIssue): Json {
    const fields: Json = { summary: issue.summary };
    const status = this.state.statuses.get(issue.statusId);
    const type = this.state.issueTypes.get(issue.issueTypeId);
    if (status) fields.status = this.status(status);
    if (type) fields.issuetype = this.issueType(type);
    return { id: issue.id, key: issue.key, self: this.url(`/rest/api/3/issue/${issue.id}`), fields };
  }

  /** An IssueBean with the requested fields, as `viewer` sees it. */
  issue(
    issue: SeedIssue,
    selection: FieldSelection,
    viewer: JiraPrincipal,
    propertyKeys: readonly string[] = []
  ): Json {
    if (selection.idOnly && propertyKeys.length === 0) return { id: issue.id };
    const fields: Json = {};
    const want = (name: string): boolean => selection.wants(name);
    if (want('summary')) fields.summary = issue.summary;
    if (want('description')) fields.description = issue.description ? adf(issue.description) : null;
    const status = this.state.statuses.get(issue.statusId);
    if (want('status') && status) fields.status = this.status(status);
    const type = this.state.issueTypes.get(issue.issueTypeId);
    if (want('issuetype') && type) fields.issuetype = this.issueType(type);
    const parent = issue.parentId ? this.state.issues.get(issue.parentId) : undefined;
    // Jira omits `parent` entirely for an issue without one.
    if (want('parent') && parent) fields.parent = this.issueLink(parent);
    const project = this.state.projects.get(issue.projectId);
    if (want('project') && project) fields.project = this.projectDetails(project);
    if (want('assignee')) {
      const assignee = issue.assigneeAccountId ? this.state.users.get(issue.assigneeAccountId) : undefined;
      fields.assignee = assignee ? this.userDetails(assignee) : null;
    }
    if (want('reporter')) {
      const reporter = this.state.users.get(issue.reporterAccountId);
      fields.reporter = reporter ? this.userDetails(reporter) : null;
    }
    if (want('created')) fields.created = jiraTimestamp(issue.created);
    if (want('updated')) fields.updated = jiraTimestamp(issue.updated);
    if (want('resolution')) {
      fields.resolution = issue.resolutiondate
        ? { self: this.url(`/rest/api/3/resolution/${DONE_RESOLUTION.id}`), ...DONE_RESOLUTION }
        : null;
    }
    if (want('resolutiondate'))
      fields.resolutiondate = issue.resolutiondate ? jiraTimestamp(issue.resolutiondate) : null;
    if (want('statuscategorychangedate'))
      fields.statuscategorychangedate = jiraTimestamp(issue.statuscategorychangedate ?? issue.updated);
    if (want('security')) {
      fields.security = issue.securityLevel
        ? {
            self: this.url(`/rest/api/3/securitylevel/${issue.securityLevel.id}`),
            id: issue.securityLevel.id,
            description: '',
            name: issue.securityLevel.name
          }
        : null;
    }
    if (want('subtasks')) {
      fields.subtasks = this.state
        .childrenOf(issue.id)
        .filter((child) => this.state.issueTypes.get(child.issueTypeId)?.subtask === true)
        .filter((child) => this.permissions.canBrowseIssue(viewer, child))
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((child) => this.issueLink(child));
    }
    for (const field of this.state.appFields) {
      if (want(field.id)) fields[field.id] = this.state.appFieldValue(field.id, issue.id) ?? null;
    }
    const json: Json = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: this.url(`/rest/api/3/issue/${issue.id}`),
      key: issue.key,
      fields
    };
    if (propertyKeys.length > 0) {
      const properties: Json = {};
      for (const key of propertyKeys) {
        const value = this.state.property(issue.id, key);
        if (value !== undefined) properties[key] = value;
      }
      json.properties = properties;
    }
    return json;
  }
}
