import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

const ProjectSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });

/**
 * The project as the acting user sees it: Jira answers 404 (NotFoundError) for a
 * project that does not exist or that the user may not browse, and says no more.
 */
export async function browsableProject(projectId: string): Promise<z.output<typeof ProjectSchema>> {
  return jiraAsUser(ProjectSchema, route`/rest/api/3/project/${projectId}`);
}
