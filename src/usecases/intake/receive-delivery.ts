import { randomBytes } from 'node:crypto';
import { intakeImportKey } from '../../domain/intake/item-digest';
import { itemsOf, readItem } from '../../domain/intake/presets';
import type { Insight } from '../../domain/insight';
import {
  saveIntakeDelivery,
  saveStagedIntakeItems,
  STAGED_CHUNK,
  type DeliveryItemOutcome,
  type IntakeDelivery,
  type StagedIntakeItem
} from '../../storage/intake-delivery-store';
import { getInsights } from '../../storage/insight-store';
import { installationSecret } from '../../storage/installation-secret';
import type { Env } from '../actor';
import { delayAfter, writeUnitsOf } from '../import-pacing';
import { keyedId } from '../keyed-id';
import { answer, type IntakeAnswer } from './intake-answer';
import { authenticate, type IntakeRequest } from './intake-request';
import { queueDeliveryStep } from './continue-delivery';

/**
 * The largest body a delivery may have. A hundred tickets with long descriptions fit;
 * it stays well under Forge's invocation payload limit, so an oversized request gets
 * the app's own 413 rather than the platform's refusal.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** Delivery ids count down with time, so a source's log lists newest first. */
const LAST_MS = 10 ** 13;

/**
 * An item's insight id: from its source and its id there, keyed with the installation's
 * secret (as imported rows are). The id is the idempotency index: a redelivery finds
 * the insight its first delivery created, with no lookup table to keep.
 */
export function intakeInsightId(secret: string, sourceId: string, externalId: string): string {
  return `int-${keyedId(secret, { sourceId, externalId })}`;
}

/**
 * Receives one signed delivery. Refused whole, with nothing stored: a body over the limit
 * (413), an unknown or disabled source (404), a missing, wrong or stale signature (401),
 * a body that is not JSON (400) or holds more than 100 items (413). Otherwise each item
 * is judged on its own: refused with its reason, a duplicate (its insight holds exactly
 * this content: nothing is written), or accepted and staged for the queue, which writes
 * new insights and edits changed ones at the storage pace (202 with the delivery id).
 */
export async function receiveDelivery(request: IntakeRequest, env: Env): Promise<IntakeAnswer> {
  if (Buffer.byteLength(request.rawBody, 'utf8') > MAX_BODY_BYTES) {
    return answer(413, { error: 'TOO_LARGE', message: `The body exceeds ${MAX_BODY_BYTES} bytes.` });
  }
  const auth = await authenticate(request, env);
  if ('refused' in auth) return auth.refused;
  const { source } = auth;
  const items = itemsOf(request.rawBody);
  if (!items.ok) {
    return items.reason === 'too-many-items'
      ? answer(413, { error: 'TOO_MANY_ITEMS', message: 'A delivery holds at most 100 items.' })
      : answer(400, {
          error: 'BAD_REQUEST',
          message: items.reason === 'not-json' ? 'The body is not JSON.' : 'The delivery holds no items.'
        });
  }

  const receivedAt = env.now();
  const secret = await installationSecret();
  const outcomes: DeliveryItemOutcome[] = [];
  const accepted: StagedIntakeItem[] = [];
  const seen = new Set<string>();
  items.items.forEach((item, index) => {
    const read = readItem(source.mapping, item, receivedAt);
    if (!read.ok) {
      const externalId = read.externalId !== undefined ? { externalId: read.externalId } : {};
      outcomes.push({ index, ...externalId, outcome: 'rejected', reason: read.reason });
      return;
    }
    const insightId = intakeInsightId(secret, source.sourceId, read.externalId);
    if (seen.has(insightId)) {
      outcomes.push({
        index,
        externalId: read.externalId,
        outcome: 'rejected',
        reason: 'The same external id appears earlier in this delivery.'
      });
      return;
    }
    seen.add(insightId);
    accepted.push({
      index,
      externalId: read.externalId,
      insightId,
      importKey: intakeImportKey(read.input, read.undated),
      ...(read.undated ? { undated: true } : {}),
      ...(read.request ? { request: read.request } : {}),
      update: false,
      input: read.input
    });
  });

  // Reads only: a redelivery whose insights already hold its content costs no write.
  const existing =
    accepted.length > 0 ? await getInsights(accepted.map((a) => a.insightId)) : new Map<string, Insight>();
  const staged: StagedIntakeItem[] = [];
  for (const item of accepted) {
    const stored = existing.get(item.insightId);
    if (stored?.importKey === item.importKey) {
      outcomes.push({
        index: item.index,
        externalId: item.externalId,
        outcome: 'duplicate',
        insightId: item.insightId
      });
    } else {
      staged.push({ ...item, update: stored !== undefined });
    }
  }
  outcomes.sort((a, b) => a.index - b.index);
  const counts = {
    items: items.items.length,
    duplicates: outcomes.filter((o) => o.outcome === 'duplicate').length,
    rejected: outcomes.filter((o) => o.outcome === 'rejected').length
  };
  const report = outcomes.map(({ index, externalId, outcome, reason }) => ({
    index,
    ...(externalId !== undefined ? { externalId } : {}),
    outcome,
    ...(reason !== undefined ? { reason } : {})
  }));
  // A delivery that changes nothing (every item a duplicate) stores nothing either.
  if (staged.length === 0 && counts.rejected === 0) {
    return answer(200, { status: 'done', ...counts, accepted: 0, items: report });
  }
  const deliveryId = `${(LAST_MS - receivedAt.getTime()).toString(36).padStart(9, '0')}-${randomBytes(5).toString('hex')}`;
  const chunks = Math.ceil(staged.length / STAGED_CHUNK);
  const delivery: IntakeDelivery = {
    deliveryId,
    sourceId: source.sourceId,
    projectId: source.projectId,
    receivedAt: receivedAt.toISOString(),
    items: counts.items,
    chunks,
    chunksDone: 0,
    created: 0,
    updated: 0,
    duplicates: counts.duplicates,
    rejected: counts.rejected,
    outcomes,
    steps: 0,
    nextQueued: false,
    finished: chunks === 0,
    updatedAt: receivedAt.toISOString()
  };
  let units = 0;
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const part = staged.slice(chunk * STAGED_CHUNK, (chunk + 1) * STAGED_CHUNK);
    await saveStagedIntakeItems(source.sourceId, deliveryId, chunk, part);
    units += writeUnitsOf(part);
  }
  // Saved before its event is pushed (the event may run at once), and marked queued in
  // the same write: a failed push fails this request, and the sender delivers again.
  await saveIntakeDelivery({ ...delivery, nextQueued: chunks > 0 });
  if (chunks > 0) await queueDeliveryStep(delivery, 0, delayAfter(units));
  return answer(202, {
    deliveryId,
    status: chunks > 0 ? 'queued' : 'done',
    ...counts,
    accepted: staged.length,
    items: [
      ...report,
      ...staged.map((s) => ({ index: s.index, externalId: s.externalId, outcome: 'queued' }))
    ].sort((a, b) => a.index - b.index)
  });
}
