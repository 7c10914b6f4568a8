import type { InsightStatus } from '../domain/vocabulary';
import { queryWords } from '../domain/search-terms';
import { getAccounts } from '../storage/account-store';
import { queryInsights } from '../storage/insight-store';
import type { Page } from '../contract/result';
import type { InsightView } from '../contract/views';
import { searchLibrary } from './search-library';

/**
 * A project's insights, newest first, optionally only one status (the inbox is `new`);
 * with search words, the insights whose summary, quote, tags or account name contain
 * them all, from the library's term index. Each with its account.
 */
export async function listInsights(
  projectId: string,
  options: { status?: InsightStatus; query?: string; cursor?: string; limit: number }
): Promise<Page<InsightView>> {
  const words = queryWords(options.query ?? '');
  if (words.length > 0) {
    return searchLibrary({
      projectId,
      words,
      limit: options.limit,
      ...(options.status ? { status: options.status } : {}),
      ...(options.cursor ? { cursor: options.cursor } : {})
    });
  }
  const page = await queryInsights({
    projectId,
    limit: options.limit,
    ...(options.status ? { status: options.status } : {}),
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
