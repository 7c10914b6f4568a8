/**
 * The shape of a local Jira site: who exists, who may do what, and the issues. It is
 * plain data so tests can build a tiny site by hand and the sandbox can load a large
 * generated one (`createDemoSeed`).
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SeedUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  active: boolean;
  timeZone?: string;
}

export interface SeedGroup {
  name: string;
  /** Jira Cloud group ids are UUIDs; names can be renamed, ids cannot. */
  groupId: string;
  members: string[];
}

/**
 * Who a grant or a security level applies to: one user, every member of a group, or (in
 * a permission scheme) the reporter of the issue in question.
 */
export type Grantee = { user: string } | { group: string } | { reporter: true };

/** The project permissions the seed grants explicitly; others derive from these. */
export type SeedProjectPermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS';

export interface SeedProject {
  /** Numeric string, as Jira's project ids are. */
  id: string;
  key: string;
  name: string;
  /** `service_desk` for a Jira Service Management project (see `JiraSeed.serviceDesks`). */
  projectTypeKey: 'software' | 'service_desk';
  leadAccountId: string;
  permissions: Record<SeedProjectPermission, Grantee[]>;
  /**
   * Whether the `atlassian-addons-project-access` role still holds the project's
   * permissions (default true). Apps act through that role: an admin who takes Browse
   * away from it hides the project and its issues from every app.
   */
  addonsRoleBrowse?: boolean;
}

export interface SeedIssueType {
  id: string;
  name: string;
  /** 2 and above: levels over epics (initiative); 1 epic, 0 standard (story, task, bug), -1 sub-task. */
  hierarchyLevel: number;
  subtask: boolean;
}

export interface SeedStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

/** Issue-level security: only these grantees may see the issue (on top of browse). */
export interface SeedSecurityLevel {
  id: string;
  name: string;
  grantees: Grantee[];
  /**
   * Whether the level's members include the `atlassian-addons-project-access` role
   * (default true): when not, apps cannot see issues at this level.
   */
  addonsRoleMember?: boolean;
}

export interface SeedIssue {
  /** Numeric string; immutable, unlike the key, which changes when the issue moves. */
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description?: string;
  statusId: string;
  parentId?: string;
  assigneeAccountId?: string;
  reporterAccountId: string;
  /** ISO 8601 instants. */
  created: string;
  updated: string;
  /**
   * When the issue was resolved (absent while unresolved); a seeded done issue without
   * one counts as resolved at `updated`. Transitions keep it, as a workflow would.
   */
  resolutiondate?: string;
  /** When the status last moved to another category (defaults to `updated`). */
  statuscategorychangedate?: string;
  securityLevel?: SeedSecurityLevel;
  /** Comments, oldest first (only the service desk comment routes write them). */
  comments?: SeedComment[];
}

/** A comment on an issue; `public: false` is a service desk internal (agent-only) comment. */
export interface SeedComment {
  id: string;
  body: string;
  public: boolean;
  authorAccountId: string;
  created: string;
}

/** A custom field declared by the app's manifest (`jira:customField`). */
export interface SeedAppField {
  /** `customfield_NNNNN`. */
  id: string;
  /** The module key; Jira knows the field as `<app id>__<environment type>__<key>`. */
  key: string;
  name: string;
  type: 'number' | 'string';
}

/**
 * A JQL alias over an indexed issue property (`jira:entityProperty` with a
 * `searchAlias`), e.g. `customerImpact` → property `customer-impact`, path `score`.
 */
export interface SeedPropertyAlias {
  alias: string;
  propertyKey: string;
  /** Dot path inside the property value. */
  path: string;
  type: 'number' | 'string' | 'date';
}

/**
 * A Jira Service Management organization: one customer company whose people raise
 * requests. Its members are customers (users without a Jira licence).
 */
export interface SeedOrganization {
  /** Numeric string, as JSM's organization ids are. */
  id: string;
  name: string;
  members: string[];
}

/** What JSM adds to an issue of a service project: it is a request of a request type. */
export interface SeedServiceRequest {
  issueId: string;
  requestTypeId: string;
  /** The priority shown on the request's form (`requestFieldValues`), if the form has one. */
  priority?: string;
}

/**
 * A service desk over a `service_desk` project: its agents (who may work its requests),
 * the organizations it serves and its requests.
 */
export interface SeedServiceDesk {
  /** Numeric string; JSM's own id, not the project's. */
  id: string;
  projectId: string;
  agents: Grantee[];
  organizations: SeedOrganization[];
  requests: SeedServiceRequest[];
}

export interface JiraSeed {
  /** Site URL used in `self` links. */
  baseUrl?: string;
  users: SeedUser[];
  groups: SeedGroup[];
  /** Holders of the ADMINISTER global permission. */
  globalAdmins: Grantee[];
  projects: SeedProject[];
  issueTypes: SeedIssueType[];
  statuses: SeedStatus[];
  issues: SeedIssue[];
  appFields?: SeedAppField[];
  propertyAliases?: SeedPropertyAlias[];
  /** The installed app (defaults: the manifest's app id, DEVELOPMENT). */
  app?: { appId: string; environmentType: string };
  /** Issue properties present at start: issue id → property key → JSON value. */
  issueProperties?: Record<string, Record<string, unknown>>;
  /** App field values present at start: field id → issue id → value. */
  appFieldValues?: Record<string, Record<string, unknown>>;
  /** Jira Service Management: service desks over the `service_desk` projects. */
  serviceDesks?: SeedServiceDesk[];
}

export { createDemoSeed, DEMO_USERS, DEMO_APP_FIELD, type DemoSeedOptions } from './demo-seed';
export { DEMO_CUSTOMERS, DEMO_SERVICE_PROJECT } from './demo-service-desk';
