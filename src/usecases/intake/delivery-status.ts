import { getIntakeDelivery } from '../../storage/intake-delivery-store';
import type { Env } from '../actor';
import { answer, type IntakeAnswer } from './intake-answer';
import { authenticate, type IntakeRequest } from './intake-request';

/**
 * A delivery's status, for its sender: a signed GET (the signature of an empty body)
 * on the source's URL with `/deliveries/<id>`. Queued until every accepted item is
 * written; then each item's outcome (created, updated, duplicate or rejected, with why).
 */
export async function deliveryStatus(
  request: IntakeRequest & { deliveryId: string },
  env: Env
): Promise<IntakeAnswer> {
  const auth = await authenticate(request, env);
  if ('refused' in auth) return auth.refused;
  const delivery = /^[a-z0-9-]{1,64}$/.test(request.deliveryId)
    ? await getIntakeDelivery(auth.source.sourceId, request.deliveryId)
    : undefined;
  if (!delivery)
    return answer(404, { error: 'NOT_FOUND', message: 'No such delivery (they are kept a week).' });
  return answer(200, {
    deliveryId: delivery.deliveryId,
    status: delivery.finished ? 'done' : 'queued',
    receivedAt: delivery.receivedAt,
    items: delivery.items,
    created: delivery.created,
    updated: delivery.updated,
    duplicates: delivery.duplicates,
    rejected: delivery.rejected,
    outcomes: delivery.outcomes,
    ...(delivery.accountConflicts ? { accountConflicts: delivery.accountConflicts } : {})
  });
}
