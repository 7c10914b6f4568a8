import { browsableIssues } from '../jira/browsable-issues';
import { rankByProject } from '../storage/impact-store';
import type { Page } from '../contract/result';
import type { RankedIssueView } from '../contract/views';

/** Pages scanned at most to fill one page when the user may not see some issues. */
const MAX_PAGES = 5;

/**
 * A project's issues ranked by customer impact. One index query (sorted by score, so
 * the cost does not grow with the project) and one Jira search that keeps only the
 * issues the acting user may browse and adds what a row shows.
 */
export async function rankIssues(
  projectId: string,
  cursor: string | undefined,
  limit: number
): Promise<Page<RankedIssueView>> {
  const items: RankedIssueView[] = [];
  let next = cursor;
  for (let page = 0; page < MAX_PAGES && items.length < limit; page += 1) {
    const { rows, cursor: after } = await rankByProject(projectId, next, limit - items.length);
    const visible = await browsableIssues(rows.map((row) => row.issueId));
    for (const row of rows) {
      const issue = visible.get(row.issueId);
      if (!issue) continue;
      const view: RankedIssueView = {
        issueId: row.issueId,
        key: issue.key,
        summary: issue.summary,
        status: issue.status,
        statusCategory: issue.statusCategory,
        issueType: issue.issueType,
        hierarchyLevel: issue.hierarchyLevel,
        score: row.score,
        accounts: row.accounts,
        arr: row.arr,
        insightCount: row.insightCount
      };
      if (issue.assignee !== undefined) view.assignee = issue.assignee;
      if (row.lastEvidenceAt !== undefined) view.lastEvidenceAt = row.lastEvidenceAt;
      items.push(view);
    }
    next = after;
    if (!next) break;
  }
  return next ? { items, cursor: next } : { items };
}
