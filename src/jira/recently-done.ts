import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

const SearchSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({
        summary: z.string().optional(),
        resolutiondate: z.string().nullable().optional(),
        statuscategorychangedate: z.string().nullable().optional()
      })
    })
  )
});

export interface DoneIssue {
  id: string;
  key: string;
  summary: string;
  /** When the work was done: resolved, or (unresolved workflows) moved to the done category. */
  doneAt?: string;
}

const DAY_MS = 86_400_000;

/**
 * A project's issues done in the last `days` days, most recently done first. Done means
 * resolved, or moved into the done category where the workflow sets no resolution —
 * never `updated`, which moves with any edit (a comment, another app's field). JQL
 * narrows to done issues updated in the window (finishing work updates an issue, so
 * this holds every candidate); the done date decides.
 */
export async function recentlyDoneIssues(
  projectId: string,
  days: number,
  maxResults = 100,
  now: Date = new Date()
): Promise<DoneIssue[]> {
  if (!/^\d+$/.test(projectId)) return [];
  const jql = `project = ${projectId} AND statusCategory = Done AND updated >= -${days}d ORDER BY updated DESC`;
  const answer = await jiraAsUser(
    SearchSchema,
    route`/rest/api/3/search/jql?jql=${jql}&fields=summary,resolutiondate,statuscategorychangedate&maxResults=${String(maxResults)}`
  );
  const since = now.getTime() - days * DAY_MS;
  const done: (DoneIssue & { at: number })[] = [];
  for (const issue of answer.issues) {
    const doneAt = issue.fields.resolutiondate ?? issue.fields.statuscategorychangedate ?? undefined;
    const at = doneAt === undefined ? Number.NaN : Date.parse(doneAt);
    if (!(at >= since)) continue;
    done.push({ id: issue.id, key: issue.key, summary: issue.fields.summary ?? '', doneAt: doneAt!, at });
  }
  return done.sort((a, b) => b.at - a.at).map(({ at: _at, ...issue }) => issue);
}
