import type { ProjectRoles } from '../domain/roles';
import type { ProjectRolesView } from '../contract/views';
import { visibleProjects } from '../jira/visible-projects';
import { getProjectRoles, saveProjectRoles } from '../storage/roles-store';
import { requireJiraAdmin } from './admin-access';
import { NotFoundError } from '../domain/errors';

/** Every project the admin can see, with the groups named its contributors and curators. */
export async function listProjectRoles(): Promise<ProjectRolesView[]> {
  await requireJiraAdmin();
  const projects = await visibleProjects();
  const roles = await Promise.all(projects.map((p) => getProjectRoles(p.id)));
  return projects.map((p, i) => ({ projectId: p.id, projectKey: p.key, ...roles[i]! }));
}

/** Names a project's contributor and curator groups (Jira and project admins always curate). */
export async function saveRolesOfProject(projectId: string, roles: ProjectRoles): Promise<ProjectRolesView> {
  await requireJiraAdmin();
  const project = (await visibleProjects()).find((p) => p.id === projectId);
  if (!project) throw new NotFoundError('Project does not exist or you do not have permission to see it.');
  await saveProjectRoles(projectId, roles);
  return { projectId, projectKey: project.key, ...(await getProjectRoles(projectId)) };
}
