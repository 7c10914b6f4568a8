import type { IntakeDeliveryView, IntakeSourceView } from '../../contract/views';
import type { IntakeDelivery } from '../../storage/intake-delivery-store';
import type { IntakeSource } from '../../storage/intake-source-store';

/** A source's URL: the web trigger's own, then the source id as the path the app reads. */
export function sourceUrl(triggerUrl: string, sourceId: string): string {
  return `${triggerUrl.replace(/\/+$/, '')}/${sourceId}`;
}

/** A source as the admin page shows it: its secret is never part of it. */
export function intakeSourceView(
  source: IntakeSource,
  triggerUrl: string,
  projectKey: string | undefined
): IntakeSourceView {
  return {
    sourceId: source.sourceId,
    name: source.name,
    projectId: source.projectId,
    ...(projectKey !== undefined ? { projectKey } : {}),
    mapping: source.mapping,
    status: source.status,
    createdAt: source.createdAt,
    secretSetAt: source.secretSetAt,
    url: sourceUrl(triggerUrl, source.sourceId)
  };
}

/**
 * A delivery as its log shows it. Account conflicts stay out: they name customers, and
 * the delivery status the sender reads reports them.
 */
export function intakeDeliveryView(delivery: IntakeDelivery): IntakeDeliveryView {
  return {
    deliveryId: delivery.deliveryId,
    receivedAt: delivery.receivedAt,
    status: delivery.chunksDone < delivery.chunks ? 'queued' : 'done',
    items: delivery.items,
    accepted: delivery.items - delivery.duplicates - delivery.rejected,
    created: delivery.created,
    updated: delivery.updated,
    duplicates: delivery.duplicates,
    rejected: delivery.rejected,
    rejections: delivery.outcomes.flatMap((o) =>
      o.outcome === 'rejected'
        ? [
            {
              index: o.index,
              ...(o.externalId !== undefined ? { externalId: o.externalId } : {}),
              reason: o.reason ?? 'Refused.'
            }
          ]
        : []
    )
  };
}
