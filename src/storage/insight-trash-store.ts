import { kvs } from '@forge/kvs';
import type { Insight } from '../domain/insight';
import { insightTrashKey } from './entities';
import { guarded } from './kvs-failure';
import type { LinkRecord } from './records';

/**
 * A deleted insight as it was, with the links it had, kept on the server so that its
 * undo reads it here: the client only names the insight, and never sends back data it
 * could have altered.
 */
export interface TrashedInsight {
  insight: Insight;
  links: LinkRecord[];
  deletedAt: string;
  deletedBy: string;
}

/**
 * Keeps a deleted insight for its undo. The TTL purges it without a sweep; the undo
 * still checks `deletedAt` itself, as expiry is not promised to the second.
 */
export async function keepTrashedInsight(trashed: TrashedInsight, minutes: number): Promise<void> {
  await guarded(() =>
    kvs.set(insightTrashKey(trashed.insight.id), trashed, { ttl: { value: minutes, unit: 'MINUTES' } })
  );
}

export async function getTrashedInsight(insightId: string): Promise<TrashedInsight | undefined> {
  return guarded(() => kvs.get<TrashedInsight>(insightTrashKey(insightId)));
}

export async function forgetTrashedInsight(insightId: string): Promise<void> {
  await guarded(() => kvs.delete(insightTrashKey(insightId)));
}
