import { z } from 'zod';
import { parseWith } from './parse';

/** The Jira product events the app subscribes to (manifest.yml, trigger `issue-lifecycle`). */
export const ISSUE_DELETED = 'avi:jira:deleted:issue';
export const ISSUE_UPDATED = 'avi:jira:updated:issue';
/** A project deleted for good (Jira sends no event for its issues). */
export const PROJECT_DELETED = 'avi:jira:deleted:project';

/** Jira issue and project ids are numeric strings; anything else is refused, not stored. */
const JiraId = z.string().regex(/^\d{1,18}$/, 'Must be a numeric Jira id');

// Jira's payloads carry many more fields than these: only what is read is checked, and
// the rest is dropped (z.object, not strictObject), so a new Jira field breaks nothing.
// Every issue field is optional in the documented payload: an event without `project`
// (or without `fields`) is still acted on, from what storage and Jira say.
const EventIssueSchema = z.object({
  id: JiraId,
  key: z.string().min(1).max(255).optional(),
  fields: z.object({ project: z.object({ id: JiraId }).optional() }).optional()
});

/**
 * One changelog item. `fromString`/`toString` are deliberately not read: the app acts on
 * what Jira answers when asked, never on display text.
 */
const ChangeItemSchema = z.object({
  field: z.string().max(255),
  fieldId: z.string().max(255).nullable().optional()
});

const IssueEventSchema = z.discriminatedUnion('eventType', [
  z.object({ eventType: z.literal(PROJECT_DELETED), project: z.object({ id: JiraId }) }),
  z.object({ eventType: z.literal(ISSUE_DELETED), issue: EventIssueSchema }),
  z.object({
    eventType: z.literal(ISSUE_UPDATED),
    issue: EventIssueSchema,
    changelog: z.object({ items: z.array(ChangeItemSchema).max(1000) }).optional()
  })
]);

/** What an issue event asks of the app, once validated. */
export type IssueLifecycleEvent =
  | { kind: 'projectDeleted'; projectId: string }
  | { kind: 'deleted'; issueId: string; projectId?: string }
  | {
      kind: 'updated';
      issueId: string;
      /** Its parent or project changed: its evidence rolls up elsewhere now. */
      placementChanged: boolean;
      /** Its status changed: its evidence may be addressed, or no longer. */
      statusChanged: boolean;
    };

/** Changelog `field` names Jira uses for a new parent (team- and company-managed projects). */
const PARENT_FIELDS = new Set(['IssueParentAssociation', 'Parent', 'Epic Link']);

/**
 * Reads a Jira issue event. Returns undefined for an event the app does not act on (another
 * event type, or an update of fields that do not touch evidence: summary, assignee…), and
 * throws a ValidationError for a malformed one.
 */
export function parseIssueEvent(input: unknown): IssueLifecycleEvent | undefined {
  const eventType = (input as { eventType?: unknown } | null | undefined)?.eventType;
  if (eventType !== ISSUE_DELETED && eventType !== ISSUE_UPDATED && eventType !== PROJECT_DELETED)
    return undefined;
  const event = parseWith(IssueEventSchema, input, 'issue event');
  if (event.eventType === PROJECT_DELETED) return { kind: 'projectDeleted', projectId: event.project.id };
  const issueId = event.issue.id;
  const projectId = event.issue.fields?.project?.id;
  if (event.eventType === ISSUE_DELETED)
    return { kind: 'deleted', issueId, ...(projectId ? { projectId } : {}) };
  const items = event.changelog?.items ?? [];
  const placementChanged = items.some(
    (item) => PARENT_FIELDS.has(item.field) || item.fieldId === 'parent' || item.field === 'project'
  );
  const statusChanged = items.some((item) => item.field === 'status' || item.fieldId === 'status');
  if (!placementChanged && !statusChanged) return undefined;
  return { kind: 'updated', issueId, placementChanged, statusChanged };
}
