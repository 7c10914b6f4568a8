import type { JiraPrincipal } from '../host/services';
import { ISSUE_NOT_FOUND, jiraError, ok, queryList } from './jira-errors';
import { PERMISSION_CATALOG, type PermissionInfo } from './permission-catalog';
import type { RouteDefinition } from './router';
import type { SeedIssue, SeedProject } from './seed';
import type { SiteContext } from './site-context';

/**
 * `mypermissions` (the caller, in a global, project or issue context) and the bulk
 * `permissions/check` (any user, for many projects and issues at once), with Jira's
 * rules: in the global context a project permission counts if held in any project; in
 * a project context, a permission granted through issue data (the Reporter) counts if
 * held for any issue of the project; issue checks include issue-level security.
 */
export function permissionRoutes({ state, permissions }: SiteContext): RouteDefinition[] {
  const holds = (
    principal: JiraPrincipal,
    info: PermissionInfo,
    context: { project?: SeedProject; issue?: SeedIssue }
  ): boolean => {
    if (info.type === 'GLOBAL') return permissions.hasGlobal(principal, info);
    if (context.issue) return permissions.hasIssue(principal, context.issue, info);
    // Project and global contexts read issue-data grants (Reporter…) as "any issue": a
    // user is shown as holding an issue permission they may not hold for a given issue.
    if (context.project) return permissions.hasProject(principal, context.project, info, { anyIssue: true });
    return [...state.projects.values()].some((project) =>
      permissions.hasProject(principal, project, info, { anyIssue: true })
    );
  };

  return [
    {
      method: 'GET',
      template: '/rest/api/3/mypermissions',
      handler: ({ principal, query }) => {
        const keys = queryList(query, 'permissions');
        if (keys.length === 0) return jiraError(400, ['The permissions query parameter is required.']);
        const unknown = keys.filter((key) => !PERMISSION_CATALOG.has(key));
        if (unknown.length > 0)
          return jiraError(
            400,
            unknown.map((key) => `Unrecognized permission: '${key}'.`)
          );

        const context: { project?: SeedProject; issue?: SeedIssue } = {};
        const issueRef = query.get('issueId') ?? query.get('issueKey');
        const projectRef = query.get('projectId') ?? query.get('projectKey');
        if (issueRef) {
          const issue = state.findIssue(issueRef);
          if (!issue || !permissions.canBrowseIssue(principal, issue))
            return jiraError(404, [ISSUE_NOT_FOUND]);
          context.issue = issue;
        } else if (projectRef) {
          const project = state.findProject(projectRef);
          if (!project || !permissions.canViewProject(principal, project)) {
            const by = /^\d+$/.test(projectRef) ? 'id' : 'key';
            return jiraError(404, [`No project could be found with ${by} '${projectRef}'.`]);
          }
          context.project = project;
        }
        const result: Record<string, unknown> = {};
        for (const key of keys) {
          const info = PERMISSION_CATALOG.get(key);
          if (!info) continue;
          result[key] = {
            id: info.id,
            key: info.key,
            name: info.name,
            type: info.type,
            description: info.description,
            havePermission: holds(principal, info, context)
          };
        }
        return ok({ permissions: result });
      }
    },
    {
      method: 'POST',
      template: '/rest/api/3/permissions/check',
      handler: ({ principal, body }) => {
        const request = (body ?? {}) as {
          accountId?: unknown;
          globalPermissions?: unknown;
          projectPermissions?: unknown;
        };
        let subject: JiraPrincipal = principal;
        if (typeof request.accountId === 'string' && request.accountId !== '') {
          if (!state.users.has(request.accountId))
            return jiraError(400, [], { accountId: 'Invalid account ID.' });
          const self = principal.kind === 'user' && principal.accountId === request.accountId;
          const admin = principal.kind === 'app' || permissions.hasGlobal(principal, info('ADMINISTER'));
          if (!self && !admin)
            return jiraError(403, ['Only Jira administrators can perform this operation.']);
          subject = { kind: 'user', accountId: request.accountId };
        }

        const errors: Record<string, string> = {};
        const globalKeys = (Array.isArray(request.globalPermissions) ? request.globalPermissions : []).filter(
          (key): key is string => typeof key === 'string'
        );
        for (const key of globalKeys) {
          if (PERMISSION_CATALOG.get(key)?.type !== 'GLOBAL') errors[key] = 'Unrecognized permission';
        }

        // One grant per permission, over every project and issue it was asked for.
        const asked = new Map<string, { projects: Set<number>; issues: Set<number> }>();
        const entries = Array.isArray(request.projectPermissions)
          ? (request.projectPermissions as unknown[])
          : [];
        for (const entry of entries) {
          if (entry === null || typeof entry !== 'object') continue;
          const {
            permissions: keys,
            projects,
            issues
          } = entry as { permissions?: unknown; projects?: unknown; issues?: unknown };
          const valid = (Array.isArray(keys) ? keys : []).filter(
            (key): key is string => typeof key === 'string' && key !== ''
          );
          if (valid.length === 0) {
            return jiraError(400, [
              'At least one project permission must be provided in projectPermissions.'
            ]);
          }
          for (const key of valid) {
            if (PERMISSION_CATALOG.get(key)?.type !== 'PROJECT') {
              errors[key] = 'Unrecognized permission';
              continue;
            }
            const slot = asked.get(key) ?? { projects: new Set<number>(), issues: new Set<number>() };
            for (const id of Array.isArray(projects) ? projects : [])
              if (typeof id === 'number') slot.projects.add(id);
            for (const id of Array.isArray(issues) ? issues : [])
              if (typeof id === 'number') slot.issues.add(id);
            asked.set(key, slot);
          }
        }
        if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
        for (const slot of asked.values()) {
          if (slot.projects.size > 1000 || slot.issues.size > 1000) {
            return jiraError(400, ['A maximum of 1000 projects and 1000 issues can be checked.']);
          }
        }

        const projectPermissions = [...asked].map(([key, slot]) => {
          const permission = info(key);
          return {
            permission: key,
            projects: [...slot.projects].filter((id) => {
              const project = state.projects.get(String(id));
              return project !== undefined && permissions.hasProject(subject, project, permission);
            }),
            issues: [...slot.issues].filter((id) => {
              const issue = state.issues.get(String(id));
              return issue !== undefined && permissions.hasIssue(subject, issue, permission);
            })
          };
        });
        const globalPermissions = [...new Set(globalKeys)].filter((key) =>
          permissions.hasGlobal(subject, info(key))
        );
        return ok({ globalPermissions, projectPermissions });
      }
    }
  ];
}

function info(key: string): PermissionInfo {
  const found = PERMISSION_CATALOG.get(key);
  if (!found) throw new Error(`Local Jira: unknown permission ${key}`);
  return found;
}
