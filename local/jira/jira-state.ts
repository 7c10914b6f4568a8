import type { ChangelogItem } from './product-events';
import type {
  JiraSeed,
  SeedAppField,
  SeedGroup,
  SeedIssue,
  SeedIssueType,
  SeedProject,
  SeedPropertyAlias,
  SeedStatus,
  SeedUser
} from './seed';

/** A long-running task: its work runs when it completes, and its result is kept. */
export interface SiteTask {
  id: string;
  description: string;
  /** Who may read it: the app, or a user's account id. */
  submittedBy: string;
  submitted: number;
  status: 'ENQUEUED' | 'COMPLETE';
  run: () => unknown;
  result?: unknown;
  finished?: number;
}

/**
 * The mutable content of a local Jira site with the look-ups every endpoint needs
 * (issue by id or key, children of an issue, project by id or key). Keys are resolved
 * through a history so an old key keeps working after a move, as in Jira.
 */
export class JiraState {
  readonly baseUrl: string;
  readonly users = new Map<string, SeedUser>();
  readonly groups = new Map<string, SeedGroup>();
  readonly projects = new Map<string, SeedProject>();
  readonly issueTypes = new Map<string, SeedIssueType>();
  readonly statuses = new Map<string, SeedStatus>();
  readonly issues = new Map<string, SeedIssue>();
  readonly properties = new Map<string, Map<string, unknown>>();
  readonly appFields: SeedAppField[];
  readonly propertyAliases: SeedPropertyAlias[];
  /** Field id → issue id → value. */
  readonly appFieldValues = new Map<string, Map<string, unknown>>();
  readonly globalAdmins: JiraSeed['globalAdmins'];
  /**
   * Issues a bulk fetch cannot return for now (issue id → how many more fetches): Jira
   * lists them in `issueErrors`, its retriable failures. Set by tests.
   */
  readonly bulkFetchFailures = new Map<string, number>();
  /** Issue id → its change history (what Jira shows under History), oldest first. */
  readonly history = new Map<
    string,
    { id: string; author: string; created: string; items: ChangelogItem[] }[]
  >();
  /** The installed app's id and environment: its custom fields' keys are built from them. */
  readonly app: { appId: string; environmentType: string };

  private readonly projectKeys = new Map<string, string>();
  private readonly issueKeys = new Map<string, string>();
  private readonly children = new Map<string, Set<string>>();
  private readonly lastNumber = new Map<string, number>();
  private nextIssueId = 10000;

  constructor(seed: JiraSeed) {
    this.baseUrl = (seed.baseUrl ?? 'https://local-jira.atlassian.net').replace(/\/$/, '');
    for (const user of seed.users) this.users.set(user.accountId, { ...user });
    for (const group of seed.groups) this.groups.set(group.name, { ...group, members: [...group.members] });
    for (const project of seed.projects) {
      this.projects.set(project.id, project);
      this.projectKeys.set(project.key.toUpperCase(), project.id);
    }
    for (const type of seed.issueTypes) this.issueTypes.set(type.id, type);
    for (const status of seed.statuses) this.statuses.set(status.id, status);
    for (const issue of seed.issues) {
      const done = this.statuses.get(issue.statusId)?.category === 'done';
      this.addIssue({
        ...issue,
        ...(done && !issue.resolutiondate ? { resolutiondate: issue.updated } : {}),
        statuscategorychangedate: issue.statuscategorychangedate ?? issue.updated
      });
    }
    for (const [issueId, values] of Object.entries(seed.issueProperties ?? {})) {
      this.properties.set(issueId, new Map(Object.entries(values)));
    }
    this.appFields = (seed.appFields ?? []).map((field) => ({ ...field }));
    for (const [fieldId, values] of Object.entries(seed.appFieldValues ?? {})) {
      this.appFieldValues.set(fieldId, new Map(Object.entries(values)));
    }
    this.propertyAliases = [...(seed.propertyAliases ?? [])];
    this.globalAdmins = seed.globalAdmins;
    this.app = {
      appId: seed.app?.appId ?? '7c0e5f0e-4a52-4a8e-9a8e-5d1c3b2a9f10',
      environmentType: seed.app?.environmentType ?? 'DEVELOPMENT'
    };
  }

  /** Adds an issue, keeping the key, children and numbering indexes in step. */
  addIssue(issue: SeedIssue): void {
    if (this.issues.has(issue.id)) throw new Error(`Local Jira: duplicate issue id ${issue.id}`);
    this.issues.set(issue.id, issue);
    this.issueKeys.set(issue.key.toUpperCase(), issue.id);
    if (issue.parentId) this.childSet(issue.parentId).add(issue.id);
    this.noteKey(issue.key);
    this.nextIssueId = Math.max(this.nextIssueId, Number(issue.id) + 1);
  }

  removeIssue(issueId: string): void {
    const issue = this.issues.get(issueId);
    if (!issue) return;
    this.issues.delete(issueId);
    if (issue.parentId) this.children.get(issue.parentId)?.delete(issueId);
    for (const [key, id] of this.issueKeys) if (id === issueId) this.issueKeys.delete(key);
    this.properties.delete(issueId);
    for (const values of this.appFieldValues.values()) values.delete(issueId);
  }

  /** Removes a project (its issues first, with `removeIssue`); its key stops resolving. */
  removeProject(projectId: string): void {
    const project = this.projects.get(projectId);
    if (!project) return;
    this.projects.delete(projectId);
    for (const [key, id] of this.projectKeys) if (id === projectId) this.projectKeys.delete(key);
  }

  setParent(issue: SeedIssue, parentId: string | undefined): void {
    if (issue.parentId) this.children.get(issue.parentId)?.delete(issue.id);
    if (parentId) {
      issue.parentId = parentId;
      this.childSet(parentId).add(issue.id);
    } else {
      delete issue.parentId;
    }
  }

  /** Gives the issue a new key in the project; the old key stays resolvable. */
  rekey(issue: SeedIssue, project: SeedProject): void {
    issue.projectId = project.id;
    issue.key = `${project.key}-${this.allocateNumber(project.key)}`;
    this.issueKeys.set(issue.key.toUpperCase(), issue.id);
  }

  allocateIssueId(): string {
    return String(this.nextIssueId++);
  }

  allocateNumber(projectKey: string): number {
    const next = (this.lastNumber.get(projectKey.toUpperCase()) ?? 0) + 1;
    this.lastNumber.set(projectKey.toUpperCase(), next);
    return next;
  }

  childrenOf(issueId: string): SeedIssue[] {
    const ids = [...(this.children.get(issueId) ?? [])];
    return ids.map((id) => this.issues.get(id)).filter((issue): issue is SeedIssue => issue !== undefined);
  }

  findIssue(idOrKey: string): SeedIssue | undefined {
    if (/^\d+$/.test(idOrKey)) return this.issues.get(idOrKey);
    const id = this.issueKeys.get(idOrKey.toUpperCase());
    return id === undefined ? undefined : this.issues.get(id);
  }

  findProject(idOrKey: string): SeedProject | undefined {
    if (/^\d+$/.test(idOrKey)) return this.projects.get(idOrKey);
    const id = this.projectKeys.get(idOrKey.toUpperCase());
    return id === undefined ? undefined : this.projects.get(id);
  }

  private taskCounter = 10_000;
  /** Long-running tasks (bulk property updates) by id. */
  readonly tasks = new Map<string, SiteTask>();
  /** While true, tasks stay ENQUEUED even when polled (tests use it to look mid-task). */
  holdTasks = false;

  /** Ids for asynchronous tasks (bulk property updates). */
  nextTaskId(): number {
    this.taskCounter += 1;
    return this.taskCounter;
  }

  /**
   * An app field by its id (`customfield_NNNNN`) or its Forge key, which is exactly
   * `<app id>__<environment type>__<module key>`: a bare module key, another app's id or
   * another environment names no field.
   */
  findAppField(idOrKey: string): SeedAppField | undefined {
    const { appId, environmentType } = this.app;
    return this.appFields.find(
      (field) => field.id === idOrKey || idOrKey === `${appId}__${environmentType}__${field.key}`
    );
  }

  appFieldValue(fieldId: string, issueId: string): unknown {
    return this.appFieldValues.get(fieldId)?.get(issueId);
  }

  property(issueId: string, key: string): unknown {
    return this.properties.get(issueId)?.get(key);
  }

  private childSet(parentId: string): Set<string> {
    let set = this.children.get(parentId);
    if (!set) {
      set = new Set();
      this.children.set(parentId, set);
    }
    return set;
  }

  private noteKey(key: string): void {
    const match = /^(.+)-(\d+)$/.exec(key);
    if (!match) return;
    const projectKey = (match[1] ?? '').toUpperCase();
    const number = Number(match[2]);
    if (number > (this.lastNumber.get(projectKey) ?? 0)) this.lastNumber.set(projectKey, number);
  }
}
