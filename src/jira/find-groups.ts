import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

const FoundGroupsSchema = z.object({
  total: z.number().int().optional(),
  groups: z.array(z.object({ name: z.string(), groupId: z.string().optional() })).default([])
});

export interface JiraGroup {
  name: string;
  groupId?: string;
}

/**
 * Jira's groups whose names contain `query`, ignoring case, sorted as Jira sorts them
 * ("Find groups", `GET /rest/api/3/groups/picker`). Asked as the acting user: the
 * operation answers only what that user may browse (an empty list for a user who may
 * browse no project), so it never shows an admin more than Jira's own picker would.
 */
export async function findGroups(query: string, maxResults: number): Promise<JiraGroup[]> {
  const answer = await jiraAsUser(
    FoundGroupsSchema,
    route`/rest/api/3/groups/picker?query=${query}&maxResults=${maxResults}&caseInsensitive=true`
  );
  return answer.groups.map((group) =>
    group.groupId === undefined ? { name: group.name } : { name: group.name, groupId: group.groupId }
  );
}
