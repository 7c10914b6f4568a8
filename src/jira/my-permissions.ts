import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

const PERMISSIONS = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER', 'ADMINISTER_PROJECTS'] as const;
type PermissionKey = (typeof PERMISSIONS)[number];

const MyPermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() }))
});

export interface Access {
  browse: boolean;
  edit: boolean;
  administer: boolean;
  /** Project administrator of the project (or the issue's project). */
  administerProject: boolean;
}

/**
 * The acting user's permissions on one issue or project, in one Jira call. Forge's
 * context says which issue the user is looking at; this says what they may do to it.
 */
export async function myPermissions(
  target: { issueId: string } | { projectId: string } | { global: true }
): Promise<Access> {
  const keys = PERMISSIONS.join(',');
  const path =
    'issueId' in target
      ? route`/rest/api/3/mypermissions?permissions=${keys}&issueId=${target.issueId}`
      : 'projectId' in target
        ? route`/rest/api/3/mypermissions?permissions=${keys}&projectId=${target.projectId}`
        : route`/rest/api/3/mypermissions?permissions=${keys}`;
  const answer = await jiraAsUser(MyPermissionsSchema, path);
  const has = (key: PermissionKey): boolean => answer.permissions[key]?.havePermission === true;
  return {
    browse: has('BROWSE_PROJECTS'),
    edit: has('EDIT_ISSUES'),
    administer: has('ADMINISTER'),
    administerProject: has('ADMINISTER_PROJECTS')
  };
}
