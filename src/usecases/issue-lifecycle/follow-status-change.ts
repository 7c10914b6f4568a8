import type { IssueState } from '../../jira/issue-states-as-app';
import { linksOfIssue } from '../../storage/link-store';
import type { Env } from '../actor';
import { applyChange } from '../apply-change';
import { emptyChange } from '../evidence-change';
import { retryOnConflict } from '../retry-on-conflict';

/** Insights rewritten per transaction (no impact changes: status does not score). */
const INSIGHTS_PER_TRANSACTION = 20;

/**
 * An issue changed status in Jira. Done: the insights linked to it were answered, so
 * 'linked' ones become 'addressed'. Reopened (any other category): 'addressed' ones go
 * back to 'linked'. The issue's own links only: a parent being done says nothing about
 * evidence attached to its children, which have their own transitions.
 */
export async function followStatusChange(state: IssueState, env: Env): Promise<void> {
  const done = state.statusCategory === 'done';
  const from = done ? 'linked' : 'addressed';
  const to = done ? 'addressed' : 'linked';
  const insightIds = [...new Set((await linksOfIssue(state.id)).map((link) => link.insightId))];
  for (let i = 0; i < insightIds.length; i += INSIGHTS_PER_TRANSACTION) {
    const chunk = insightIds.slice(i, i + INSIGHTS_PER_TRANSACTION);
    await retryOnConflict(() => {
      const now = env.now();
      return applyChange(
        {
          prefetch: chunk,
          build: ({ insights }) => {
            const change = emptyChange();
            for (const insight of insights.values()) {
              if (insight.status !== from) continue;
              change.insightPuts.push({
                insight: {
                  ...insight,
                  status: to,
                  updatedAt: now.toISOString(),
                  version: insight.version + 1
                },
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
