import api, { route } from '@forge/api';
import { z } from 'zod';
import { UpstreamError } from '../domain/errors';

const GroupsSchema = z.array(z.object({ name: z.string() }));

/**
 * The Jira groups a user belongs to, asked as the app: a user may not be allowed to
 * list groups themselves, and the answer only decides what the app shows them.
 */
export async function userGroupNames(accountId: string): Promise<string[]> {
  const response = await api.asApp().requestJira(route`/rest/api/3/user/groups?accountId=${accountId}`, {
    headers: { Accept: 'application/json' }
  });
  if (response.status === 404) return [];
  if (!response.ok) throw new UpstreamError(`Jira answered ${response.status} for the user's groups.`);
  const parsed = GroupsSchema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
  return parsed.data.map((group) => group.name);
}
