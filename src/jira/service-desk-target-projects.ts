import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

/** A project evidence from a request may be captured into. */
export interface TargetProject {
  id: string;
  key: string;
  name: string;
}

const ProjectPageSchema = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string() }))
});

/**
 * Projects the acting user may browse other than service projects (first 50, by name):
 * where a request's evidence can go. Whether the user contributes there is the app's
 * own question (capabilities), asked per project by the caller.
 */
export async function productProjects(): Promise<TargetProject[]> {
  const page = await jiraAsUser(
    ProjectPageSchema,
    route`/rest/api/3/project/search?maxResults=50&orderBy=name`
  );
  return page.values
    .filter((project) => project.projectTypeKey !== 'service_desk')
    .map(({ id, key, name }) => ({ id, key, name }));
}
