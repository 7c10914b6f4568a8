import { kvs, WhereConditions } from '@forge/kvs';
import type { AccountConflict } from '../domain/account-edit';
import { entityKey } from './entities';
import { guarded } from './kvs-failure';
import type { ChainCheckpoint } from './rescore-store';

/** Deliveries are bookkeeping: their log and staged items expire a week after their last write. */
const DELIVERY_TTL = { ttl: { value: 7, unit: 'DAYS' } } as const;

/** What became of one item of a delivery, as its status and the admin page's log show it. */
export interface DeliveryItemOutcome {
  index: number;
  externalId?: string;
  outcome: 'created' | 'updated' | 'duplicate' | 'rejected';
  reason?: string;
  insightId?: string;
}

/** An accepted item waiting for the queue: the mapped input is parsed again before writing. */
export interface StagedIntakeItem {
  index: number;
  externalId: string;
  insightId: string;
  /** The digest of its content, left on the insight (see intakeImportKey). */
  importKey: string;
  /** The sender gave no date (see MappedItem.undated): an edit keeps the stored one. */
  undated?: boolean;
  /** True when its insight existed with other content at receipt: the write is an edit. */
  update: boolean;
  input: unknown;
  /** The service request it is (JSM preset): set on the insight it creates. */
  request?: { issueKey: string; issueId?: string };
}

/** A delivery as the log keeps it; the chain fields make its queue steps run once each. */
export interface IntakeDelivery extends ChainCheckpoint {
  deliveryId: string;
  sourceId: string;
  projectId: string;
  receivedAt: string;
  items: number;
  /** Items staged for writing, in chunks of STAGED_CHUNK; written chunk by chunk. */
  chunks: number;
  chunksDone: number;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  /** Every item's outcome known so far (at most 100 items a delivery). */
  outcomes: DeliveryItemOutcome[];
  /** Accounts the items named differently from what is stored: reported, never applied. */
  accountConflicts?: (AccountConflict & { index: number })[];
  /** The step under way and the new items it found absent, saved before it writes them. */
  pending?: { chunk: number; fresh: string[] };
}

/** Staged items per stored chunk: 25 items of the longest quotes stay under Forge's 240 KiB value. */
export const STAGED_CHUNK = 25;

const deliveryPrefix = (sourceId: string): string => `intake-delivery:${entityKey(sourceId, 'source id')}:`;
const deliveryKey = (sourceId: string, deliveryId: string): string =>
  `${deliveryPrefix(sourceId)}${entityKey(deliveryId, 'delivery id')}`;
const itemsKey = (sourceId: string, deliveryId: string, chunk: number): string =>
  `intake-items:${entityKey(sourceId, 'source id')}:${entityKey(deliveryId, 'delivery id')}:${chunk}`;

export async function getIntakeDelivery(
  sourceId: string,
  deliveryId: string
): Promise<IntakeDelivery | undefined> {
  return guarded(() => kvs.get<IntakeDelivery>(deliveryKey(sourceId, deliveryId)));
}

export async function saveIntakeDelivery(delivery: IntakeDelivery): Promise<void> {
  await guarded(() => kvs.set(deliveryKey(delivery.sourceId, delivery.deliveryId), delivery, DELIVERY_TTL));
}

/**
 * A source's latest deliveries, newest first: delivery ids count down with time, so
 * the key order Forge lists in is newest first.
 */
export async function latestIntakeDeliveries(sourceId: string, limit: number): Promise<IntakeDelivery[]> {
  const page = await guarded(() =>
    kvs
      .query()
      .where('key', WhereConditions.beginsWith(deliveryPrefix(sourceId)))
      .limit(limit)
      .getMany<IntakeDelivery>()
  );
  return page.results.map((row) => row.value);
}

export async function saveStagedIntakeItems(
  sourceId: string,
  deliveryId: string,
  chunk: number,
  items: readonly StagedIntakeItem[]
): Promise<void> {
  await guarded(() => kvs.set(itemsKey(sourceId, deliveryId, chunk), { items }, DELIVERY_TTL));
}

export async function getStagedIntakeItems(
  sourceId: string,
  deliveryId: string,
  chunk: number
): Promise<StagedIntakeItem[]> {
  const stored = await guarded(() =>
    kvs.get<{ items: StagedIntakeItem[] }>(itemsKey(sourceId, deliveryId, chunk))
  );
  return stored?.items ?? [];
}
