import api, { route } from '@forge/api';
import { z } from 'zod';
import { UpstreamError } from '../domain/errors';

const ProjectPageSchema = z.object({
  values: z.array(z.object({ id: z.string() })),
  isLast: z.boolean().optional()
});

const PAGE = 50;
/** A guard against a misbehaving answer; sites with more projects rescore the first 5 000. */
const MAX_PAGES = 100;

/** Every project on the site, asked as the app: rescoring is not on behalf of a user. */
export async function allProjectIds(): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await api
      .asApp()
      .requestJira(route`/rest/api/3/project/search?startAt=${page * PAGE}&maxResults=${PAGE}`, {
        headers: { Accept: 'application/json' }
      });
    if (!response.ok) throw new UpstreamError(`Jira answered ${response.status} listing projects.`);
    const parsed = ProjectPageSchema.safeParse(await response.json());
    if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
    ids.push(...parsed.data.values.map((p) => p.id));
    if (parsed.data.isLast !== false || parsed.data.values.length < PAGE) break;
  }
  return ids;
}
