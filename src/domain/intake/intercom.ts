import { z } from 'zod';
import { EXTERNAL_ID_MAX, type MappedItem } from './mapped-item';
import { clipQuote, clipSummary, fromEpochSeconds, htmlToText } from './text';

/**
 * An Intercom `conversation.*` webhook notification: the conversation is `data.item`,
 * dated in epoch seconds, its first message in `source` as HTML. Intercom names no
 * company on a conversation, so these insights are anonymous unless the body adds
 * `data.item.company.name`.
 */
export const IntercomItemSchema = z.looseObject({
  type: z.literal('notification_event'),
  data: z.looseObject({
    item: z.looseObject({
      type: z.literal('conversation'),
      id: z.union([z.string().trim().min(1).max(EXTERNAL_ID_MAX), z.number().int().nonnegative()]),
      created_at: z.number().int().positive(),
      title: z.string().nullish(),
      priority: z.enum(['priority', 'not_priority']).nullish(),
      source: z.looseObject({
        subject: z.string().nullish(),
        body: z.string().nullish(),
        url: z.string().nullish()
      }),
      tags: z.looseObject({ tags: z.array(z.looseObject({ name: z.string() })) }).nullish(),
      company: z.looseObject({ name: z.string(), company_id: z.string().nullish() }).nullish()
    })
  })
});

export function mapIntercom(item: z.output<typeof IntercomItemSchema>): MappedItem {
  const c = item.data.item;
  const body = htmlToText(c.source.body ?? '');
  const insight: Record<string, unknown> = {
    summary: clipSummary(c.title || c.source.subject || body),
    quote: clipQuote(body),
    sourceKind: 'ticket',
    observedAt: fromEpochSeconds(c.created_at),
    severity: c.priority === 'priority' ? 'high' : 'medium',
    tags: (c.tags?.tags ?? []).map((t) => t.name)
  };
  if (c.source.url) insight.sourceUrl = c.source.url;
  if (c.company) {
    insight.account = {
      name: c.company.name,
      ...(c.company.company_id ? { key: c.company.company_id } : {})
    };
  }
  return { externalId: String(c.id), insight };
}
