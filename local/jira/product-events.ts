/**
 * The Jira product events the local site emits when tests or the sandbox change it, in
 * the shapes Forge delivers to a `trigger` module: the issue (id, key and its main fields
 * as the app sees them), the acting user as `atlassianId` and `associatedUsers`, and for
 * an update the `changelog` whose items say which fields changed (`field`, `fieldId`,
 * `from`/`to` ids and `fromString`/`toString` display text). Forge adds `eventType` when
 * it delivers the event (the local host does the same).
 */
export const ISSUE_UPDATED = 'avi:jira:updated:issue';
export const ISSUE_DELETED = 'avi:jira:deleted:issue';
/** A project deleted for good (not moved to the trash): no event follows for its issues. */
export const PROJECT_DELETED = 'avi:jira:deleted:project';

export type IssueEventType = typeof ISSUE_UPDATED | typeof ISSUE_DELETED | typeof PROJECT_DELETED;

/** The account `asApp()` calls act as: events the app causes name it as `atlassianId`. */
export const APP_ACCOUNT_ID = '712020:app-customer-evidence';

export interface ChangelogItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface JiraProductEvent {
  eventType: IssueEventType;
  payload: Record<string, unknown>;
}

export type ProductEventListener = (event: JiraProductEvent) => void;

/** The issue fields an issue event carries (as the app would read them). */
export const EVENT_ISSUE_FIELDS = [
  'summary',
  'issuetype',
  'project',
  'status',
  'parent',
  'assignee',
  'reporter',
  'created',
  'updated'
];

export function projectEvent(project: Record<string, unknown>, atlassianId: string): JiraProductEvent {
  return { eventType: PROJECT_DELETED, payload: { project, atlassianId } };
}

export function issueEvent(
  eventType: typeof ISSUE_UPDATED | typeof ISSUE_DELETED,
  issue: Record<string, unknown>,
  atlassianId: string,
  changelog?: { id: string; items: ChangelogItem[] }
): JiraProductEvent {
  const { expand: _expand, ...bean } = issue;
  const payload: Record<string, unknown> = {
    issue: bean,
    atlassianId,
    associatedUsers: [{ accountId: atlassianId }]
  };
  if (changelog) payload.changelog = changelog;
  return { eventType, payload };
}
