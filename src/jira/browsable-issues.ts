import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

export interface IssueSummary {
  id: string;
  projectId: string;
  key: string;
  summary: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined';
  issueType: string;
  hierarchyLevel: number;
  assignee?: string;
}

const BulkFetchSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({
        summary: z.string().optional(),
        status: z
          .object({ name: z.string(), statusCategory: z.object({ key: z.string() }).optional() })
          .optional(),
        issuetype: z.object({ name: z.string(), hierarchyLevel: z.number().int().optional() }).optional(),
        project: z.object({ id: z.string() }).optional(),
        assignee: z.object({ displayName: z.string() }).nullable().optional()
      })
    })
  )
});

function isCategory(key: string | undefined): key is IssueSummary['statusCategory'] {
  return key === 'new' || key === 'indeterminate' || key === 'done';
}

/**
 * Of the given issue ids (at most 100), the ones the acting user may browse, with what a
 * ranked row shows. Jira's bulk fetch applies project and issue-level security and
 * leaves hidden or deleted issues out (JQL `id in (…)` would fail the whole query
 * instead), so nothing the user cannot see leaks through the app's ranking. Absence only
 * hides a row: it never says the issue is gone.
 */
export async function browsableIssues(issueIds: readonly string[]): Promise<Map<string, IssueSummary>> {
  const found = new Map<string, IssueSummary>();
  if (issueIds.length === 0) return found;
  const answer = await jiraAsUser(BulkFetchSchema, route`/rest/api/3/issue/bulkfetch`, {
    method: 'POST',
    body: {
      issueIdsOrKeys: issueIds.slice(0, 100),
      fields: ['summary', 'status', 'issuetype', 'assignee', 'project']
    }
  });
  // Keys (typed by people) resolve too; the map is keyed by issue id either way.
  for (const issue of answer.issues) {
    const category = issue.fields.status?.statusCategory?.key;
    const summary: IssueSummary = {
      id: issue.id,
      projectId: issue.fields.project?.id ?? '',
      key: issue.key,
      summary: issue.fields.summary ?? '',
      status: issue.fields.status?.name ?? '',
      statusCategory: isCategory(category) ? category : 'undefined',
      issueType: issue.fields.issuetype?.name ?? '',
      hierarchyLevel: issue.fields.issuetype?.hierarchyLevel ?? 0
    };
    if (issue.fields.assignee) summary.assignee = issue.fields.assignee.displayName;
    found.set(issue.id, summary);
  }
  return found;
}
