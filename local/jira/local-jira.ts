import type { JiraRequest, JiraService, ServiceResponse } from '../host/services';
import { appFieldRoutes } from './app-field-routes';
import { issueRoutes } from './issue-routes';
import { jiraError } from './jira-errors';
import { JiraState } from './jira-state';
import { permissionRoutes } from './permission-routes';
import { Permissions } from './permissions';
import { projectRoutes } from './project-routes';
import { propertyRoutes } from './property-routes';
import { Representations } from './representations';
import { Router } from './router';
import { searchRoutes } from './search-routes';
import type { JiraSeed, SeedIssue, SeedSecurityLevel } from './seed';
import type { SiteContext } from './site-context';
import { userRoutes } from './user-routes';

/**
 * A local Jira Cloud site in memory: answers the REST calls the app makes, as the app or
 * as a user, with Jira's shapes, status codes and permission rules, and lets tests
 * change the site under the app (move, re-parent, transition, delete, create issues).
 */
export interface LocalJiraOptions {
  /** Clock for `updated` stamps of mutations; defaults to the real time. */
  now?: () => Date;
}

export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  reporterAccountId: string;
  statusId?: string;
  parentId?: string;
  assigneeAccountId?: string;
  description?: string;
  securityLevel?: SeedSecurityLevel;
}

export class LocalJira implements JiraService {
  private readonly state: JiraState;
  private readonly router: Router;
  private readonly now: () => Date;
  readonly permissions: Permissions;

  constructor(seed: JiraSeed, options: LocalJiraOptions = {}) {
    this.state = new JiraState(seed);
    this.permissions = new Permissions(this.state);
    this.now = options.now ?? (() => new Date());
    const context: SiteContext = {
      state: this.state,
      permissions: this.permissions,
      representations: new Representations(this.state, this.permissions)
    };
    this.router = new Router().add([
      ...userRoutes(context),
      ...issueRoutes(context),
      ...permissionRoutes(context),
      ...searchRoutes(context),
      ...projectRoutes(context),
      ...propertyRoutes(context),
      ...appFieldRoutes(context)
    ]);
  }

  handle(request: JiraRequest): ServiceResponse {
    const route = this.router.find(request.method, request.path);
    if (!route) {
      return jiraError(404, [
        `The local Jira does not implement ${request.method.toUpperCase()} ${request.path}.`
      ]);
    }
    return route.handler(request, route.params);
  }

  /** A snapshot of an issue by id or key (undefined if deleted). */
  getIssue(idOrKey: string): SeedIssue | undefined {
    const issue = this.state.findIssue(idOrKey);
    return issue ? structuredClone(issue) : undefined;
  }

  /** Every issue, as a snapshot, in id order. */
  listIssues(): SeedIssue[] {
    return [...this.state.issues.values()]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((issue) => structuredClone(issue));
  }

  getIssueProperty(issueId: string, key: string): unknown {
    const value = this.state.property(issueId, key);
    return value === undefined ? undefined : structuredClone(value);
  }

  setIssueProperty(issueId: string, key: string, value: unknown): void {
    this.require(issueId);
    let values = this.state.properties.get(issueId);
    if (!values) {
      values = new Map();
      this.state.properties.set(issueId, values);
    }
    values.set(key, structuredClone(value));
  }

  getAppFieldValue(fieldIdOrKey: string, issueId: string): unknown {
    const field = this.state.findAppField(fieldIdOrKey);
    return field ? this.state.appFieldValue(field.id, issueId) : undefined;
  }

  /**
   * Moves an issue to another project (new key; the old key keeps resolving; its
   * sub-tasks move with it) and/or under another parent (`null` detaches it).
   */
  moveIssue(issueId: string, to: { projectId?: string; parentId?: string | null }): SeedIssue {
    const issue = this.require(issueId);
    if (to.parentId !== undefined) {
      if (to.parentId !== null) this.require(to.parentId);
      this.state.setParent(issue, to.parentId ?? undefined);
    }
    if (to.projectId !== undefined && to.projectId !== issue.projectId) {
      const project = this.state.projects.get(to.projectId);
      if (!project) throw new Error(`Local Jira: no project ${to.projectId}`);
      this.state.rekey(issue, project);
      for (const child of this.state.childrenOf(issue.id)) {
        if (this.state.issueTypes.get(child.issueTypeId)?.subtask) this.state.rekey(child, project);
      }
    }
    this.touch(issue);
    return structuredClone(issue);
  }

  setStatus(issueId: string, statusId: string): void {
    const issue = this.require(issueId);
    if (!this.state.statuses.has(statusId)) throw new Error(`Local Jira: no status ${statusId}`);
    issue.statusId = statusId;
    this.touch(issue);
  }

  /** Deletes an issue with its sub-tasks; other children lose their parent, as in Jira. */
  deleteIssue(issueId: string): void {
    const issue = this.require(issueId);
    for (const child of this.state.childrenOf(issue.id)) {
      if (this.state.issueTypes.get(child.issueTypeId)?.subtask) this.state.removeIssue(child.id);
      else this.state.setParent(child, undefined);
    }
    this.state.removeIssue(issue.id);
  }

  createIssue(fields: NewIssue): SeedIssue {
    const project = this.state.projects.get(fields.projectId);
    if (!project) throw new Error(`Local Jira: no project ${fields.projectId}`);
    if (!this.state.issueTypes.has(fields.issueTypeId))
      throw new Error(`Local Jira: no issue type ${fields.issueTypeId}`);
    if (fields.parentId) this.require(fields.parentId);
    const at = this.now().toISOString();
    const issue: SeedIssue = {
      id: this.state.allocateIssueId(),
      key: `${project.key}-${this.state.allocateNumber(project.key)}`,
      projectId: project.id,
      issueTypeId: fields.issueTypeId,
      summary: fields.summary,
      statusId: fields.statusId ?? this.firstStatusId(),
      reporterAccountId: fields.reporterAccountId,
      created: at,
      updated: at
    };
    if (fields.parentId) issue.parentId = fields.parentId;
    if (fields.assigneeAccountId) issue.assigneeAccountId = fields.assigneeAccountId;
    if (fields.description) issue.description = fields.description;
    if (fields.securityLevel) issue.securityLevel = fields.securityLevel;
    this.state.addIssue(issue);
    return structuredClone(issue);
  }

  private firstStatusId(): string {
    const status = [...this.state.statuses.values()].find((candidate) => candidate.category === 'new');
    if (!status) throw new Error('Local Jira: the seed has no "new" status');
    return status.id;
  }

  private require(issueId: string): SeedIssue {
    const issue = this.state.findIssue(issueId);
    if (!issue) throw new Error(`Local Jira: no issue ${issueId}`);
    return issue;
  }

  private touch(issue: SeedIssue): void {
    issue.updated = this.now().toISOString();
  }
}
