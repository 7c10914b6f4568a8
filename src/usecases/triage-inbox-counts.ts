import { SOURCE_KINDS, type SourceKind } from '../domain/vocabulary';
import { isLeaving } from '../domain/insight';
import { queryInsights } from '../storage/insight-store';
import { KVS_LIMITS } from '../storage/entities';
import type { InboxCountsView } from '../contract/views';
import { ageBand, type InboxAgeBand } from '../domain/inbox-age';
import type { Env } from './actor';
import { visibleInsights } from './visible-evidence';

/** The newest inbox insights counted: a triage summary, not an export, so its cost is bounded. */
export const INBOX_COUNT_LIMIT = 2000;

/**
 * The project's inbox (insights with status `new`) counted by source kind and by how long
 * ago the customer said it (`observedAt`: an imported backlog of old tickets is old, though
 * it entered the library today), over the same insights the library lists for this user:
 * those captured on an issue they cannot see are not counted, nor those being deleted or
 * merged away. Reads the inbox index a page at a time, newest first, up to a bound.
 */
export async function inboxCounts(projectId: string, env: Env): Promise<InboxCountsView> {
  const now = env.now();
  const bySource = Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, 0])) as Record<SourceKind, number>;
  const byAge: Record<InboxAgeBand, number> = { week: 0, month: 0, older: 0 };
  let total = 0;
  let read = 0;
  let cursor: string | undefined;
  do {
    const page = await queryInsights({
      projectId,
      status: 'new',
      limit: Math.min(KVS_LIMITS.pageSize, INBOX_COUNT_LIMIT - read),
      ...(cursor ? { cursor } : {})
    });
    read += page.items.length;
    cursor = page.cursor;
    for (const insight of await visibleInsights(page.items.filter((i) => !isLeaving(i)))) {
      total += 1;
      bySource[insight.sourceKind] += 1;
      byAge[ageBand(insight.observedAt, now)] += 1;
    }
  } while (cursor !== undefined && read < INBOX_COUNT_LIMIT);
  return { total, bySource, byAge, ...(cursor !== undefined ? { partial: true } : {}) };
}
