import { ForbiddenError } from '../domain/errors';
import { myPermissions } from '../jira/my-permissions';

/** Settings are for Jira administrators only: checked here, whatever the UI shows. */
export async function requireJiraAdmin(): Promise<void> {
  const access = await myPermissions({ global: true });
  if (!access.administer)
    throw new ForbiddenError('Only Jira administrators can see or change these settings.');
}
