import { adminPayloads, type AdminContract } from '../contract/surfaces';
import { publishFailures } from '../sync/track-publish-failures';
import {
  getAdminSettings,
  getRescoreProgress,
  previewScoring,
  saveAdminSettings
} from '../usecases/admin-settings';
import { defineSurface } from './define-surface';

/** The admin page: scoring settings and privacy, for Jira administrators only. */
export const adminResolver = defineSurface<AdminContract>(adminPayloads, {
  'admin/getSettings': () => getAdminSettings(),
  'admin/saveSettings': (p, _ctx, env) => saveAdminSettings(p, env),
  'admin/previewScoring': (p) => previewScoring(p.scoring),
  'admin/rescoreProgress': () => getRescoreProgress(),
  'admin/publishFailures': () => publishFailures()
});
