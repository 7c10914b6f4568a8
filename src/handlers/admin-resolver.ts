import { adminPayloads, type AdminContract } from '../contract/surfaces';
import { ForbiddenError } from '../domain/errors';
import { myPermissions } from '../jira/my-permissions';
import { getScoringSettings } from '../storage/settings-store';
import { defineSurface } from './define-surface';

/** The admin page: scoring settings, for Jira administrators only (checked here, not in the UI). */
export const adminResolver = defineSurface<AdminContract>(adminPayloads, {
  'admin/getSettings': async () => {
    const access = await myPermissions({ global: true });
    if (!access.administer) throw new ForbiddenError('Only Jira administrators can see scoring settings.');
    return getScoringSettings();
  }
});
