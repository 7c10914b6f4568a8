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

export type IssueEventType = typeof ISSUE_UPDATED | typeof ISSUE_DELETED;

export interface ChangelogItem {
  field: string;
  fieldtype: 'jira';
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

export function issueEvent(
  eventType: IssueEventType,
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
