import type { Page } from '../contract/result';
import type { InsightView } from '../contract/views';
import { ageBand, type InboxAgeBand } from '../domain/inbox-age';
import { isLeaving, type Insight } from '../domain/insight';
import type { SourceKind } from '../domain/vocabulary';
import { getAccounts } from '../storage/account-store';
import { KVS_LIMITS } from '../storage/entities';
import { queryInsights } from '../storage/insight-store';
import type { Env } from './actor';

/** Inbox rows one call reads at most: a filter that matches little answers in bounded time. */
export const INBOX_SCAN_PER_CALL = 500;

/**
 * The inbox (status `new`), newest first, narrowed to one source kind and/or one age band:
 * what a click on an inbox count lists. Forge filters apply after the page limit, so the
 * inbox index is read a page at a time and matched here, until `limit` insights match or
 * `INBOX_SCAN_PER_CALL` rows were read; the cursor continues after the last page read (a
 * page with no match but a cursor means "nothing here so far"). Those being deleted or
 * merged away are left out, as the counts leave them out. Each with its account.
 */
export async function listInboxBy(
  projectId: string,
  options: { source?: SourceKind; age?: InboxAgeBand; cursor?: string; limit: number },
  env: Env
): Promise<Page<InsightView>> {
  const now = env.now();
  const matches = (insight: Insight): boolean =>
    !isLeaving(insight) &&
    (options.source === undefined || insight.sourceKind === options.source) &&
    (options.age === undefined || ageBand(insight.observedAt, now) === options.age);
  const found: Insight[] = [];
  let cursor = options.cursor;
  let scanned = 0;
  do {
    const page = await queryInsights({
      projectId,
      status: 'new',
      limit: KVS_LIMITS.pageSize,
      ...(cursor ? { cursor } : {})
    });
    scanned += page.items.length;
    cursor = page.cursor;
    found.push(...page.items.filter(matches));
  } while (cursor !== undefined && found.length < options.limit && scanned < INBOX_SCAN_PER_CALL);
  const keys = found.map((i) => i.accountKey).filter((k): k is string => k !== undefined);
  const accounts = await getAccounts([...new Set(keys)]);
  const items = found.map((insight): InsightView => {
    const account = insight.accountKey ? accounts.get(insight.accountKey) : undefined;
    return account ? { ...insight, account } : insight;
  });
  return cursor !== undefined ? { items, cursor } : { items };
}
