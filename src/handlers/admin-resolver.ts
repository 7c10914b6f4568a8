import { adminPayloads, type AdminContract } from '../contract/surfaces';
import { getAdminSettings, previewScoring, saveAdminSettings } from '../usecases/admin-settings';
import { defineSurface } from './define-surface';

/** The admin page: scoring settings and privacy, for Jira administrators only. */
export const adminResolver = defineSurface<AdminContract>(adminPayloads, {
  'admin/getSettings': () => getAdminSettings(),
  'admin/saveSettings': (p) => saveAdminSettings(p),
  'admin/previewScoring': (p) => previewScoring(p.scoring)
});
