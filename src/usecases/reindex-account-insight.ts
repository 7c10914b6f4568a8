import { allQuotes } from '../domain/insight';
import { termsDigest } from '../domain/search-terms';
import { getAccount } from '../storage/account-store';
import { applyChange } from './apply-change';
import { emptyChange } from './evidence-change';

/**
 * Brings one insight's search terms up to date with its account's current name: a
 * curator's rename changes what finds the insight ("Globex" renamed "Globex Industries"
 * must be found by "industries"), though the insight itself did not change. Rewritten
 * only when its indexed terms differ, conditioned on the version read; the insight's
 * own fields and `updatedAt` stay as they are.
 */
export async function reindexAccountInsight(insightId: string, accountKey: string, now: Date): Promise<void> {
  const account = await getAccount(accountKey);
  if (!account) return;
  await applyChange(
    {
      prefetch: [insightId],
      known: { accounts: new Map([[accountKey, account]]) },
      build: ({ insights }) => {
        const change = emptyChange();
        const insight = insights.get(insightId);
        if (!insight || insight.accountKey !== accountKey) return change;
        const digest = termsDigest({
          summary: insight.summary,
          quote: allQuotes(insight),
          tags: insight.tags,
          accountName: account.name
        });
        if (digest === insight.searchDigest) return change;
        change.insightPuts.push({
          insight: { ...insight, version: insight.version + 1 },
          expect: { version: insight.version }
        });
        return change;
      }
    },
    [],
    now,
    { sync: false }
  );
}
