import { kvs } from '@forge/kvs';
import { parseProjectRoles, type ProjectRoles } from '../domain/roles';
import { projectRolesKey } from './entities';
import { guarded } from './kvs-failure';

/** The project's contributor and curator groups; administrators only until an admin names some. */
export async function getProjectRoles(projectId: string): Promise<ProjectRoles> {
  const stored = await guarded(() => kvs.get<unknown>(projectRolesKey(projectId)));
  // Parsed afresh each time (no shared default object): nobody holds a role until named.
  return parseProjectRoles(stored ?? {});
}

export async function saveProjectRoles(projectId: string, roles: ProjectRoles): Promise<void> {
  await guarded(() => kvs.set(projectRolesKey(projectId), roles));
}
