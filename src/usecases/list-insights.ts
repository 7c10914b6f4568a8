import { allQuotes } from '../domain/insight';
import type { InsightStatus } from '../domain/vocabulary';
import { matchesQuery, queryWords } from '../domain/search-terms';
import { getAccounts } from '../storage/account-store';
import { queryInsights } from '../storage/insight-store';
import type { Page } from '../contract/result';
import type { InsightView } from '../contract/views';
import { searchLibrary } from './search-library';

/**
 * A project's insights, newest first, optionally only one status (the inbox is `new`);
 * with search words, the insights whose summary, quote, tags or account name contain
 * them all, from the library's term index. Each with its account.
 *
 * `accountNamesVisible` says whether the user may see customer identity: for a user who
 * may not, an insight found only by its account's name is left out, or the search would
 * tell them which account an insight (shown masked) belongs to.
 */
export async function listInsights(
  projectId: string,
  options: { status?: InsightStatus; query?: string; cursor?: string; limit: number },
  accountNamesVisible: () => Promise<boolean>
): Promise<Page<InsightView>> {
  const words = queryWords(options.query ?? '');
  if (words.length > 0) {
    const [page, visible] = await Promise.all([
      searchLibrary({
        projectId,
        words,
        limit: options.limit,
        ...(options.status ? { status: options.status } : {}),
        ...(options.cursor ? { cursor: options.cursor } : {})
      }),
      accountNamesVisible()
    ]);
    if (visible) return page;
    const items = page.items.filter((i) =>
      matchesQuery(words, { summary: i.summary, quote: allQuotes(i), tags: i.tags })
    );
    return page.cursor !== undefined ? { items, cursor: page.cursor } : { items };
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
