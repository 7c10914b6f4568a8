import { kvs } from '@forge/kvs';
import { DEFAULT_PROJECT_ROLES, parseProjectRoles, type ProjectRoles } from '../domain/roles';
import { projectRolesKey } from './entities';
import { guarded } from './kvs-failure';

/** The project's contributor and curator groups; administrators only until an admin names some. */
export async function getProjectRoles(projectId: string): Promise<ProjectRoles> {
  const stored = await guarded(() => kvs.get<unknown>(projectRolesKey(projectId)));
  return stored === undefined ? DEFAULT_PROJECT_ROLES : parseProjectRoles(stored);
}

export async function saveProjectRoles(projectId: string, roles: ProjectRoles): Promise<void> {
  await guarded(() => kvs.set(projectRolesKey(projectId), roles));
}
