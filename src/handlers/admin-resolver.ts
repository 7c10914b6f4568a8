import { adminPayloads, type AdminContract } from '../contract/surfaces';
import {
  getAdminSettings,
  getPublishFailures,
  getRescoreProgress,
  previewScoring,
  retryRescore,
  saveAdminSettings
} from '../usecases/admin-settings';
import { findJiraGroups } from '../usecases/admin-groups';
import { listProjectRoles, saveRolesOfProject } from '../usecases/project-roles';
import {
  createIntakeSourceForAdmin,
  listIntakeSourcesForAdmin,
  rotateIntakeSecretForAdmin,
  setIntakeSourceStatusForAdmin
} from '../usecases/intake/admin-intake-sources';
import { defineSurface } from './define-surface';
import type { SurfaceGates } from './endpoint-gates';

/** Every admin endpoint is for Jira administrators; each use case asks Jira first. */
export const ADMIN_GATES: SurfaceGates<keyof AdminContract> = {
  'admin/getSettings': 'administer',
  'admin/saveSettings': 'administer',
  'admin/previewScoring': 'administer',
  'admin/rescoreProgress': 'administer',
  'admin/retryRescore': 'administer',
  'admin/publishFailures': 'administer',
  'admin/listRoles': 'administer',
  'admin/saveRoles': 'administer',
  'admin/findGroups': 'administer',
  'admin/listIntakeSources': 'administer',
  'admin/createIntakeSource': 'administer',
  'admin/rotateIntakeSecret': 'administer',
  'admin/setIntakeSourceStatus': 'administer'
};

/** The admin page: scoring settings, privacy and project roles, for Jira administrators only. */
export const adminResolver = defineSurface<AdminContract>(
  adminPayloads,
  {
    'admin/getSettings': () => getAdminSettings(),
    'admin/saveSettings': (p, ctx, env) => saveAdminSettings(p, { accountId: ctx.accountId }, env),
    'admin/previewScoring': (p) => previewScoring(p.scoring),
    'admin/rescoreProgress': () => getRescoreProgress(),
    'admin/retryRescore': (_p, _ctx, env) => retryRescore(env),
    'admin/publishFailures': () => getPublishFailures(),
    'admin/listRoles': () => listProjectRoles(),
    'admin/saveRoles': (p) => saveRolesOfProject(p.projectId, p.roles),
    'admin/findGroups': (p) => findJiraGroups(p.query, p.limit),
    'admin/listIntakeSources': () => listIntakeSourcesForAdmin(),
    'admin/createIntakeSource': (p, ctx, env) =>
      createIntakeSourceForAdmin({ accountId: ctx.accountId }, env, p),
    'admin/rotateIntakeSecret': (p, _ctx, env) => rotateIntakeSecretForAdmin(env, p.sourceId),
    'admin/setIntakeSourceStatus': (p, _ctx, env) => setIntakeSourceStatusForAdmin(env, p.sourceId, p.status)
  },
  ADMIN_GATES,
  {
    // Settings, progress and score previews: numbers per issue, never per account.
    'admin/getSettings': 'no-identity',
    'admin/saveSettings': 'no-identity',
    'admin/previewScoring': 'no-identity',
    'admin/rescoreProgress': 'no-identity',
    'admin/retryRescore': 'no-identity',
    // Issue ids and Jira's error messages, never an account.
    'admin/publishFailures': 'no-identity',
    // Project names and Jira group names, never an account.
    'admin/listRoles': 'no-identity',
    'admin/saveRoles': 'no-identity',
    // Jira group names, never an account.
    'admin/findGroups': 'no-identity',
    // Sources, project keys, counts, external ids and refusal reasons; the delivery log
    // leaves out account conflicts, the one part that names customers.
    'admin/listIntakeSources': 'no-identity',
    'admin/createIntakeSource': 'no-identity',
    'admin/rotateIntakeSecret': 'no-identity',
    'admin/setIntakeSourceStatus': 'no-identity'
  }
);
