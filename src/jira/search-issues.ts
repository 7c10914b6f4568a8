import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

export interface IssueSearchHit {
  id: string;
  key: string;
  summary: string;
  issueType: string;
}

const SearchSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({
        summary: z.string().optional(),
        issuetype: z.object({ name: z.string() }).optional()
      })
    })
  )
});

/**
 * JQL text search treats many characters as query syntax (`+ - && || ! ( ) { } [ ] ^ " ~ * ? \\ /`)
 * and answers 400 to a stray one: people type words, so only letters, digits and spaces
 * are kept.
 */
export function toTextQuery(words: string): string {
  return words
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Issues of a project matching words in their text, as the acting user may see them. */
export async function searchIssuesByText(
  projectId: string,
  words: string,
  maxResults = 20
): Promise<IssueSearchHit[]> {
  const text = toTextQuery(words);
  if (!text || !/^\d+$/.test(projectId)) return [];
  const jql = `project = ${projectId} AND text ~ "${text}" ORDER BY updated DESC`;
  const answer = await jiraAsUser(
    SearchSchema,
    route`/rest/api/3/search/jql?jql=${jql}&fields=summary,issuetype&maxResults=${String(maxResults)}`
  );
  return answer.issues.map((issue) => ({
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary ?? '',
    issueType: issue.fields.issuetype?.name ?? ''
  }));
}
