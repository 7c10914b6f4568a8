import { isAddressed } from '../../domain/insight';
import { issueStatesAsApp, type IssueState } from '../../jira/issue-states-as-app';
import { linksOfInsight, linksOfIssue } from '../../storage/link-store';
import type { Env } from '../actor';
import { applyChange } from '../apply-change';
import { emptyChange } from '../evidence-change';
import { retryOnConflict } from '../retry-on-conflict';

/** Insights rewritten per transaction (no impact changes: status does not score). */
const INSIGHTS_PER_TRANSACTION = 20;

/**
 * An issue changed status in Jira. Each insight linked to it is re-derived from every
 * issue it backs, as Jira has them now: addressed when all of them are done, linked
 * otherwise (see isAddressed). Inbox and dismissed insights are left alone. Each attempt
 * re-reads the insights' links and their issues' states (as the app, before writing),
 * so the outcome does not depend on the order in which transitions arrive.
 */
export async function followStatusChange(state: IssueState, env: Env): Promise<void> {
  const insightIds = [...new Set((await linksOfIssue(state.id)).map((link) => link.insightId))];
  for (let i = 0; i < insightIds.length; i += INSIGHTS_PER_TRANSACTION) {
    const chunk = insightIds.slice(i, i + INSIGHTS_PER_TRANSACTION);
    await retryOnConflict(async () => {
      const links = (await Promise.all(chunk.map((id) => linksOfInsight(id)))).flat();
      const { states } = await issueStatesAsApp(
        links.map((link) => link.issueId).filter((id) => id !== state.id)
      );
      states.set(state.id, state);
      const now = env.now();
      return applyChange(
        {
          prefetch: chunk,
          build: ({ insights }) => {
            const change = emptyChange();
            for (const insight of insights.values()) {
              if (insight.status !== 'linked' && insight.status !== 'addressed') continue;
              // Issues Jira no longer has are being forgotten by their own delete event.
              const categories = links
                .filter((link) => link.insightId === insight.id)
                .flatMap((link) => states.get(link.issueId)?.statusCategory ?? []);
              const status = isAddressed(categories) ? 'addressed' : 'linked';
              if (status === insight.status) continue;
              change.insightPuts.push({
                insight: { ...insight, status, updatedAt: now.toISOString(), version: insight.version + 1 },
                expect: { version: insight.version }
              });
            }
            return change;
          }
        },
        [],
        now
      );
    });
  }
}
