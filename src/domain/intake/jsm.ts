import { z } from 'zod';
import { ServiceRequestRefSchema } from '../insight';
import { EXTERNAL_ID_MAX, type MappedItem } from './mapped-item';
import { clipQuote, clipSummary } from './text';

export const JSM_SEVERITY: Record<string, 'critical' | 'high' | 'medium' | 'low'> = {
  highest: 'critical',
  blocker: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  lowest: 'low'
};

/**
 * A Jira Service Management request sent by an automation rule's "Send web request"
 * with the issue data (`{"issue": {"key", "fields": {…}}}`). The organization is read
 * from `fields.organization.name` when the rule's body adds it.
 */
export const JsmItemSchema = z.looseObject({
  issue: z.looseObject({
    key: z.string().trim().min(1).max(EXTERNAL_ID_MAX),
    // Automation's {{issue.id}}: a string of digits, or a number when sent unquoted.
    id: z.union([z.string(), z.number()]).nullish(),
    self: z.string().nullish(),
    fields: z.looseObject({
      summary: z.string(),
      description: z.string().nullish(),
      created: z.string(),
      priority: z.looseObject({ name: z.string() }).nullish(),
      labels: z.array(z.string()).nullish(),
      organization: z.looseObject({ name: z.string() }).nullish()
    })
  })
});

export function mapJsm(item: z.output<typeof JsmItemSchema>): MappedItem {
  const { key, fields } = item.issue;
  const severity = fields.priority ? JSM_SEVERITY[fields.priority.name.toLowerCase()] : undefined;
  const insight: Record<string, unknown> = {
    summary: clipSummary(fields.summary),
    quote: clipQuote(fields.description ?? ''),
    sourceKind: 'ticket',
    observedAt: jiraDate(fields.created),
    tags: fields.labels ?? []
  };
  if (severity) insight.severity = severity;
  if (fields.organization) insight.account = { name: fields.organization.name };
  return { externalId: key, insight, ...requestOf(key, item.issue.id) };
}

/** The request's reference, when the key is a Jira issue key (and the id digits, if sent). */
function requestOf(key: string, id: string | number | null | undefined): Pick<MappedItem, 'request'> {
  if (!ServiceRequestRefSchema.shape.issueKey.safeParse(key).success) return {};
  const issueId = id === null || id === undefined ? undefined : String(id);
  const valid = issueId !== undefined && ServiceRequestRefSchema.shape.issueId.safeParse(issueId).success;
  return { request: { issueKey: key, ...(valid ? { issueId } : {}) } };
}

/** Jira writes offsets without a colon (`+0000`); the capture schema wants `+00:00`. */
function jiraDate(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
