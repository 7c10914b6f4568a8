import { adminPayloads, type AdminContract } from '../contract/surfaces';
import { publishFailures } from '../sync/track-publish-failures';
import {
  getAdminSettings,
  getRescoreProgress,
  previewScoring,
  retryRescore,
  saveAdminSettings
} from '../usecases/admin-settings';
import { defineSurface } from './define-surface';

/** The admin page: scoring settings and privacy, for Jira administrators only. */
export const adminResolver = defineSurface<AdminContract>(
  adminPayloads,
  {
    'admin/getSettings': () => getAdminSettings(),
    'admin/saveSettings': (p, _ctx, env) => saveAdminSettings(p, env),
    'admin/previewScoring': (p) => previewScoring(p.scoring),
    'admin/rescoreProgress': () => getRescoreProgress(),
    'admin/retryRescore': (_p, _ctx, env) => retryRescore(env),
    'admin/publishFailures': () => publishFailures()
  },
  {
    // Settings, progress and score previews: numbers per issue, never per account.
    'admin/getSettings': 'no-identity',
    'admin/saveSettings': 'no-identity',
    'admin/previewScoring': 'no-identity',
    'admin/rescoreProgress': 'no-identity',
    'admin/retryRescore': 'no-identity',
    // Issue ids and Jira's error messages, never an account.
    'admin/publishFailures': 'no-identity'
  }
);
