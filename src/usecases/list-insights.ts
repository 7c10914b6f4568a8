import type { InsightStatus } from '../domain/vocabulary';
import { getAccounts } from '../storage/account-store';
import { queryInsights } from '../storage/insight-store';
import type { Page } from '../contract/result';
import type { InsightView } from '../contract/views';

/**
 * A project's insights, newest first, optionally only one status (the inbox is `new`)
 * and matching search words; each with its account.
 */
export async function listInsights(
  projectId: string,
  options: { status?: InsightStatus; query?: string; cursor?: string; limit: number }
): Promise<Page<InsightView>> {
  const page = await queryInsights({
    projectId,
    limit: options.limit,
    ...(options.status ? { status: options.status } : {}),
    ...(options.query ? { text: options.query } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {})
  });
  const keys = page.items.map((i) => i.accountKey).filter((k): k is string => k !== undefined);
  const accounts = await getAccounts(keys);
  const items = page.items.map((insight) => {
    const account = insight.accountKey ? accounts.get(insight.accountKey) : undefined;
    return account ? { ...insight, account } : insight;
  });
  return page.cursor ? { items, cursor: page.cursor } : { items };
}
