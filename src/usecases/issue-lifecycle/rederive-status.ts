import { statusOfLinked } from '../../domain/insight';
import { issueStatesAsApp, type IssueState } from '../../jira/issue-states-as-app';
import { linksOfInsight } from '../../storage/link-store';
import { applyChange } from '../apply-change';
import { emptyChange } from '../evidence-change';
import { retryOnConflict } from '../retry-on-conflict';

/** Insights rewritten per transaction (no impact changes: status does not score). */
const INSIGHTS_PER_TRANSACTION = 20;

/**
 * Re-derives the status of linked and addressed insights from every issue each one backs,
 * as Jira has them now (read as the app; `known` states, just read, win): addressed when
 * all of them are done, linked otherwise, back in the inbox when no link is left. Inbox
 * and dismissed insights are left alone. Each attempt re-reads the insights' links and
 * their issues' states before writing, so the outcome does not depend on the order in
 * which events arrive.
 */
export async function rederiveStatus(
  insightIds: readonly string[],
  now: () => Date,
  known: readonly IssueState[] = []
): Promise<void> {
  const ids = [...new Set(insightIds)];
  const knownIds = new Set(known.map((state) => state.id));
  for (let i = 0; i < ids.length; i += INSIGHTS_PER_TRANSACTION) {
    const chunk = ids.slice(i, i + INSIGHTS_PER_TRANSACTION);
    await retryOnConflict(async () => {
      const links = (await Promise.all(chunk.map((id) => linksOfInsight(id)))).flat();
      const { states } = await issueStatesAsApp(
        links.map((link) => link.issueId).filter((id) => !knownIds.has(id))
      );
      for (const state of known) states.set(state.id, state);
      const at = now();
      return applyChange(
        {
          prefetch: chunk,
          build: ({ insights }) => {
            const change = emptyChange();
            for (const insight of insights.values()) {
              if (insight.status !== 'linked' && insight.status !== 'addressed') continue;
              const own = links.filter((link) => link.insightId === insight.id);
              // Issues Jira no longer has are being forgotten by their own delete event.
              const categories = own.flatMap((link) => states.get(link.issueId)?.statusCategory ?? []);
              const status = statusOfLinked(insight.status, own.length, categories);
              if (status === insight.status) continue;
              change.insightPuts.push({
                insight: { ...insight, status, updatedAt: at.toISOString(), version: insight.version + 1 },
                expect: { version: insight.version }
              });
            }
            return change;
          }
        },
        [],
        at
      );
    });
  }
}
