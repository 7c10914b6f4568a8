import { adminPayloads, type AdminContract } from '../contract/surfaces';
import {
  getAdminSettings,
  getRescoreProgress,
  previewScoring,
  saveAdminSettings
} from '../usecases/admin-settings';
import { listProjectRoles, saveRolesOfProject } from '../usecases/project-roles';
import { defineSurface } from './define-surface';
import type { SurfaceGates } from './endpoint-gates';

/** Every admin endpoint is for Jira administrators; each use case asks Jira first. */
export const ADMIN_GATES: SurfaceGates<keyof AdminContract> = {
  'admin/getSettings': 'administer',
  'admin/saveSettings': 'administer',
  'admin/previewScoring': 'administer',
  'admin/rescoreProgress': 'administer',
  'admin/listRoles': 'administer',
  'admin/saveRoles': 'administer'
};

/** The admin page: scoring settings, privacy and project roles, for Jira administrators only. */
export const adminResolver = defineSurface<AdminContract>(
  adminPayloads,
  {
    'admin/getSettings': () => getAdminSettings(),
    'admin/saveSettings': (p, _ctx, env) => saveAdminSettings(p, env),
    'admin/previewScoring': (p) => previewScoring(p.scoring),
    'admin/rescoreProgress': () => getRescoreProgress(),
    'admin/listRoles': () => listProjectRoles(),
    'admin/saveRoles': (p) => saveRolesOfProject(p.projectId, p.roles)
  },
  ADMIN_GATES
);
