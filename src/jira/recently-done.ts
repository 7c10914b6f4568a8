import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

const SearchSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({ summary: z.string().optional(), updated: z.string().optional() })
    })
  )
});

export interface DoneIssue {
  id: string;
  key: string;
  summary: string;
  updated?: string;
}

/** A project's issues in a done status changed in the last `days` days, newest first. */
export async function recentlyDoneIssues(
  projectId: string,
  days: number,
  maxResults = 100
): Promise<DoneIssue[]> {
  if (!/^\d+$/.test(projectId)) return [];
  const jql = `project = ${projectId} AND statusCategory = Done AND updated >= -${days}d ORDER BY updated DESC`;
  const answer = await jiraAsUser(
    SearchSchema,
    route`/rest/api/3/search/jql?jql=${jql}&fields=summary,updated&maxResults=${String(maxResults)}`
  );
  return answer.issues.map((issue) => {
    const done: DoneIssue = { id: issue.id, key: issue.key, summary: issue.fields.summary ?? '' };
    if (issue.fields.updated) done.updated = issue.fields.updated;
    return done;
  });
}
