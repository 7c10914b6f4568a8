import { ForbiddenError, NotFoundError } from '../domain/errors';
import { myPermissions } from '../jira/my-permissions';

/** Capturing or editing a project's evidence needs edit permission in that project. */
export async function requireProjectEdit(projectId: string): Promise<void> {
  const access = await myPermissions({ projectId });
  if (!access.edit)
    throw new ForbiddenError('You need permission to edit issues in this project to change its evidence.');
}

/** Reading a project's insight library needs browse permission in that project. */
export async function requireProjectBrowse(projectId: string): Promise<void> {
  const access = await myPermissions({ projectId });
  if (!access.browse)
    throw new NotFoundError('Project does not exist or you do not have permission to see it.');
}
