import type { JiraRequest, JiraService, ServiceResponse } from '../host/services';
import { appFieldRoutes } from './app-field-routes';
import { FieldSelection } from './field-selection';
import { groupRoutes } from './group-routes';
import { issueRoutes } from './issue-routes';
import { jiraError } from './jira-errors';
import { JiraState } from './jira-state';
import { permissionRoutes } from './permission-routes';
import { Permissions } from './permissions';
import {
  EVENT_ISSUE_FIELDS,
  ISSUE_DELETED,
  ISSUE_UPDATED,
  issueEvent,
  projectEvent,
  type ChangelogItem,
  type JiraProductEvent,
  type ProductEventListener
} from './product-events';
import { projectRoutes } from './project-routes';
import { propertyRoutes } from './property-routes';
import { DONE_RESOLUTION, Representations } from './representations';
import { Router } from './router';
import { searchRoutes } from './search-routes';
import { serviceDeskRoutes } from './service-desk-routes';
import { serviceDeskCommentRoutes } from './service-desk-comment-routes';
import { transitionRoutes } from './transition-routes';
import type { JiraSeed, SeedIssue, SeedSecurityLevel } from './seed';
import type { SiteContext } from './site-context';
import { userRoutes } from './user-routes';

/**
 * A local Jira Cloud site in memory: answers the REST calls the app makes, as the app or
 * as a user, with Jira's shapes, status codes and permission rules, and lets tests
 * change the site under the app (move, re-parent, transition, delete, create issues,
 * delete projects). Moving, transitioning and deleting emit the product events Jira
 * would (`onProductEvent`), once the change is complete — and, as Jira documents, no
 * cascading events: deleting an issue says nothing of its sub-tasks, deleting a project
 * nothing of its issues.
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
  private readonly representations: Representations;
  private readonly listeners = new Set<ProductEventListener>();
  private changelogIds = 10_000;
  /** Optional issue fields left out of events (the Issue type marks them all optional). */
  private omittedEventFields = new Set<string>();
  readonly permissions: Permissions;

  constructor(seed: JiraSeed, options: LocalJiraOptions = {}) {
    this.state = new JiraState(seed);
    this.permissions = new Permissions(this.state);
    this.now = options.now ?? (() => new Date());
    this.representations = new Representations(this.state, this.permissions);
    const context: SiteContext = {
      state: this.state,
      permissions: this.permissions,
      representations: this.representations,
      now: () => this.now(),
      recordUpdate: (issue, items, actor) => {
        this.touch(issue);
        this.emitUpdate(issue, items, actor);
      },
      transition: (issue, statusId, actor) => this.setStatus(issue.id, statusId, actor)
    };
    this.router = new Router().add([
      ...userRoutes(context),
      ...groupRoutes(context),
      ...issueRoutes(context),
      ...transitionRoutes(context),
      ...permissionRoutes(context),
      ...searchRoutes(context),
      ...projectRoutes(context),
      ...propertyRoutes(context),
      ...appFieldRoutes(context),
      ...serviceDeskRoutes(context, seed.serviceDesks ?? []),
      ...serviceDeskCommentRoutes(context)
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

  /** While held, bulk property tasks stay ENQUEUED (their writes unseen) even when polled. */
  holdTasks(hold: boolean): void {
    this.state.holdTasks = hold;
  }

  /** The next `times` bulk fetches list the issue in `issueErrors` (a retriable failure). */
  failBulkFetch(issueId: string, times = 1): void {
    this.require(issueId);
    this.state.bulkFetchFailures.set(issueId, times);
  }

  /**
   * What the app has stored in Jira (its fields' values and issue properties), in the
   * seed's shape: a site rebuilt from the seed plus this has what Jira would have kept.
   */
  appData(): Pick<JiraSeed, 'appFieldValues' | 'issueProperties'> {
    const appFieldValues: Record<string, Record<string, unknown>> = {};
    for (const [fieldId, values] of this.state.appFieldValues)
      appFieldValues[fieldId] = structuredClone(Object.fromEntries(values));
    const issueProperties: Record<string, Record<string, unknown>> = {};
    for (const [issueId, values] of this.state.properties)
      issueProperties[issueId] = structuredClone(Object.fromEntries(values));
    return { appFieldValues, issueProperties };
  }

  /** An app field's value on an issue; the field named by id, Forge key or module key. */
  getAppFieldValue(fieldIdOrKey: string, issueId: string): unknown {
    const field =
      this.state.findAppField(fieldIdOrKey) ??
      this.state.appFields.find((candidate) => candidate.key === fieldIdOrKey);
    return field ? this.state.appFieldValue(field.id, issueId) : undefined;
  }

  /**
   * Listens to the product events this site emits (`avi:jira:updated:issue`,
   * `avi:jira:deleted:issue`), as Forge would deliver them to the app's triggers.
   * Returns the function that stops listening.
   */
  onProductEvent(listener: ProductEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Moves an issue to another project (new key; the old key keeps resolving; its
   * sub-tasks move with it) and/or under another parent (`null` detaches it). Emits an
   * update for the issue (parent, project and key items) and one for each sub-task moved.
   * `actor` is who did it (the project lead when omitted).
   */
  moveIssue(
    issueId: string,
    to: { projectId?: string; parentId?: string | null },
    actor?: string
  ): SeedIssue {
    const issue = this.require(issueId);
    const items: ChangelogItem[] = [];
    const moved: { issue: SeedIssue; items: ChangelogItem[] }[] = [{ issue, items }];
    if (to.parentId !== undefined && (to.parentId ?? undefined) !== issue.parentId) {
      const from = issue.parentId ? this.state.issues.get(issue.parentId) : undefined;
      const next = to.parentId === null ? undefined : this.require(to.parentId);
      this.state.setParent(issue, next?.id);
      items.push({
        field: 'IssueParentAssociation',
        fieldtype: 'jira',
        from: from?.id ?? null,
        fromString: from?.key ?? null,
        to: next?.id ?? null,
        toString: next?.key ?? null
      });
    }
    if (to.projectId !== undefined && to.projectId !== issue.projectId) {
      const project = this.state.projects.get(to.projectId);
      if (!project) throw new Error(`Local Jira: no project ${to.projectId}`);
      for (const child of this.state.childrenOf(issue.id)) {
        if (this.state.issueTypes.get(child.issueTypeId)?.subtask) moved.push({ issue: child, items: [] });
      }
      for (const entry of moved) entry.items.push(...this.rekeyInto(entry.issue, project.id));
    }
    for (const entry of moved) this.touch(entry.issue);
    for (const entry of moved) this.emitUpdate(entry.issue, entry.items, actor);
    return structuredClone(issue);
  }

  /**
   * Transitions an issue; emits an update when the status changed. Entering the done
   * category resolves it (`resolutiondate`, resolution "Done"), leaving it unresolves it.
   * The event is shaped as Forge's _Jira events_ reference documents _Issue updated_
   * (`issue`, `atlassianId`, `associatedUsers`, `changelog.items`); for a resolving or
   * reopening transition Jira's changelog lists the `resolution` item before `status`.
   */
  setStatus(issueId: string, statusId: string, actor?: string): void {
    const issue = this.require(issueId);
    const next = this.state.statuses.get(statusId);
    if (!next) throw new Error(`Local Jira: no status ${statusId}`);
    const from = this.state.statuses.get(issue.statusId);
    const wasResolved = issue.resolutiondate !== undefined;
    issue.statusId = statusId;
    this.touch(issue);
    if (from?.category !== next.category) {
      // Resolving with the move into Done, unresolving out of it, as workflows do.
      issue.statuscategorychangedate = issue.updated;
      if (next.category === 'done') issue.resolutiondate = issue.updated;
      else delete issue.resolutiondate;
    }
    if (from?.id === next.id) return;
    const items: ChangelogItem[] = [];
    const resolved = issue.resolutiondate !== undefined;
    if (wasResolved !== resolved) {
      const name = DONE_RESOLUTION.name;
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: wasResolved ? DONE_RESOLUTION.id : null,
        fromString: wasResolved ? name : null,
        to: resolved ? DONE_RESOLUTION.id : null,
        toString: resolved ? name : null
      });
    }
    items.push({
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: from?.id ?? null,
      fromString: from?.name ?? null,
      to: next.id,
      toString: next.name
    });
    this.emitUpdate(issue, items, actor);
  }

  /**
   * Deletes an issue with its sub-tasks; other children lose their parent, as in Jira.
   * Emits one deleted event, for the issue as it was: none for its sub-tasks (Jira emits
   * no cascading events) and none for the un-parented children.
   */
  deleteIssue(issueId: string, actor?: string): void {
    const issue = this.require(issueId);
    const event = issueEvent(ISSUE_DELETED, this.eventIssue(issue), actor ?? this.leadOf(issue));
    for (const child of this.state.childrenOf(issue.id)) {
      if (this.state.issueTypes.get(child.issueTypeId)?.subtask) this.state.removeIssue(child.id);
      else this.state.setParent(child, undefined);
    }
    this.state.removeIssue(issue.id);
    this.emit(event);
  }

  /**
   * Deletes a project for good with all its issues (issues elsewhere parented under them
   * lose their parent). Emits `avi:jira:deleted:project` only: no event per issue.
   */
  deleteProject(projectId: string, actor?: string): void {
    const project = this.state.projects.get(projectId);
    if (!project) throw new Error(`Local Jira: no project ${projectId}`);
    const event = projectEvent(this.representations.projectDetails(project), actor ?? project.leadAccountId);
    const doomed = [...this.state.issues.values()].filter((issue) => issue.projectId === projectId);
    for (const issue of doomed) {
      for (const child of this.state.childrenOf(issue.id))
        if (child.projectId !== projectId) this.state.setParent(child, undefined);
    }
    for (const issue of doomed) this.state.removeIssue(issue.id);
    this.state.removeProject(projectId);
    this.emit(event);
  }

  /** Deletes a group, as an admin may in Jira: its members lose it, its grants hold nobody. */
  deleteGroup(name: string): void {
    if (!this.state.groups.delete(name)) throw new Error(`Local Jira: no group ${name}`);
  }

  /**
   * Leaves these optional fields (e.g. `project`) out of the issue in every later event,
   * as Jira may: an app must handle an event without them.
   */
  omitEventFields(fields: readonly string[]): void {
    this.omittedEventFields = new Set(fields);
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
      updated: at,
      statuscategorychangedate: at
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

  /** Gives the issue a key in the project; returns the changelog items Jira records. */
  private rekeyInto(issue: SeedIssue, projectId: string): ChangelogItem[] {
    const from = this.state.projects.get(issue.projectId);
    const project = this.state.projects.get(projectId)!;
    const oldKey = issue.key;
    this.state.rekey(issue, project);
    return [
      {
        field: 'project',
        fieldtype: 'jira',
        fieldId: 'project',
        from: from?.id ?? null,
        fromString: from?.name ?? null,
        to: project.id,
        toString: project.name
      },
      {
        field: 'Key',
        fieldtype: 'jira',
        fieldId: 'issuekey',
        from: null,
        fromString: oldKey,
        to: null,
        toString: issue.key
      }
    ];
  }

  private eventIssue(issue: SeedIssue): Record<string, unknown> {
    const fields = EVENT_ISSUE_FIELDS.filter((field) => !this.omittedEventFields.has(field));
    return this.representations.issue(issue, FieldSelection.parse(fields, 'all'), { kind: 'app' });
  }

  private leadOf(issue: SeedIssue): string {
    return this.state.projects.get(issue.projectId)?.leadAccountId ?? '';
  }

  /** An issue's change history, oldest first, as Jira records it. */
  historyOf(issueId: string): { id: string; author: string; created: string; items: ChangelogItem[] }[] {
    return structuredClone(this.state.history.get(issueId) ?? []);
  }

  private emitUpdate(issue: SeedIssue, items: ChangelogItem[], actor: string | undefined): void {
    if (items.length === 0) return;
    const changelog = { id: String((this.changelogIds += 1)), items };
    const author = actor ?? this.leadOf(issue);
    const history = this.state.history.get(issue.id) ?? [];
    history.push({ id: changelog.id, author, created: issue.updated, items: structuredClone(items) });
    this.state.history.set(issue.id, history);
    this.emit(issueEvent(ISSUE_UPDATED, this.eventIssue(issue), actor ?? this.leadOf(issue), changelog));
  }

  private emit(event: JiraProductEvent): void {
    for (const listener of this.listeners) listener(structuredClone(event));
  }
}
