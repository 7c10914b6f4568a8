import { z } from 'zod';
import { EXTERNAL_ID_MAX, type MappedItem } from './mapped-item';
import { clipQuote, clipSummary } from './text';

const ZENDESK_SEVERITY = { urgent: 'critical', high: 'high', normal: 'medium', low: 'low' } as const;

/**
 * A Zendesk ticket webhook, as a trigger's JSON body built from ticket placeholders
 * (`{"ticket": {"id": "{{ticket.id}}", "subject": …}}`). Loose: Zendesk bodies carry
 * whatever the admin added, and only these fields are read.
 */
export const ZendeskItemSchema = z.looseObject({
  ticket: z.looseObject({
    id: z.union([z.string().trim().min(1).max(EXTERNAL_ID_MAX), z.number().int().nonnegative()]),
    subject: z.string(),
    description: z.string().nullish(),
    url: z.string().nullish(),
    priority: z.enum(['urgent', 'high', 'normal', 'low']).nullish(),
    created_at: z.string(),
    tags: z.array(z.string()).nullish(),
    organization: z.looseObject({ name: z.string(), external_id: z.string().nullish() }).nullish()
  })
});

export function mapZendesk(item: z.output<typeof ZendeskItemSchema>): MappedItem {
  const t = item.ticket;
  const insight: Record<string, unknown> = {
    summary: clipSummary(t.subject),
    quote: clipQuote(t.description ?? ''),
    sourceKind: 'ticket',
    observedAt: t.created_at,
    tags: t.tags ?? []
  };
  if (t.url) insight.sourceUrl = t.url;
  if (t.priority) insight.severity = ZENDESK_SEVERITY[t.priority];
  if (t.organization) {
    insight.account = {
      name: t.organization.name,
      ...(t.organization.external_id ? { key: t.organization.external_id } : {})
    };
  }
  return { externalId: String(t.id), insight };
}
