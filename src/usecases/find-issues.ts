import { browsableIssues, type IssueSummary } from '../jira/browsable-issues';
import { searchIssuesByText } from '../jira/search-issues';
import type { IssueHit } from '../contract/views';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

/**
 * Issues to link evidence to, by key (`CHK-12`) or by words in their text, among those
 * the acting user may browse in the project. A key and a text search run in parallel.
 */
export async function findIssues(projectId: string, query: string): Promise<IssueHit[]> {
  const key = query.trim().toUpperCase();
  const [byKey, byText] = await Promise.all([
    ISSUE_KEY.test(key) ? browsableIssues([key]) : Promise.resolve(new Map<string, IssueSummary>()),
    searchIssuesByText(projectId, query, 20)
  ]);
  const hits: IssueHit[] = [];
  for (const issue of byKey.values()) {
    if (issue.projectId === projectId)
      hits.push({ issueId: issue.id, key: issue.key, summary: issue.summary, issueType: issue.issueType });
  }
  for (const issue of byText) {
    if (!hits.some((h) => h.issueId === issue.id))
      hits.push({ issueId: issue.id, key: issue.key, summary: issue.summary, issueType: issue.issueType });
  }
  return hits;
}
