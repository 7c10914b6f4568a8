import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

const ProjectPageSchema = z.object({ values: z.array(z.object({ id: z.string(), key: z.string() })) });

/** Projects the acting user may browse (first 50), as Jira lists them. */
export async function visibleProjects(): Promise<{ id: string; key: string }[]> {
  const page = await jiraAsUser(ProjectPageSchema, route`/rest/api/3/project/search?maxResults=50`);
  return page.values;
}
