import type { JiraPrincipal } from '../host/services';
import { jiraError, notAuthenticated, ok, queryList } from './jira-errors';
import { PERMISSION_CATALOG } from './permission-catalog';
import type { RouteDefinition } from './router';
import type { SeedProject } from './seed';
import type { SiteContext } from './site-context';

/**
 * Projects the caller may see: the paged `/project/search` (filters, order, action) and
 * one project by id or key. A project the caller may not see is "not found".
 */
export function projectRoutes({ state, permissions, representations }: SiteContext): RouteDefinition[] {
  const allowed = (principal: JiraPrincipal, project: SeedProject, action: string): boolean => {
    const perm = (key: string): boolean => {
      const info = PERMISSION_CATALOG.get(key);
      return info !== undefined && permissions.hasProject(principal, project, info);
    };
    if (action === 'browse') return permissions.canBrowseProject(principal, project);
    if (action === 'edit') return perm('ADMINISTER_PROJECTS');
    if (action === 'create') return perm('CREATE_ISSUES');
    return permissions.canViewProject(principal, project);
  };

  return [
    {
      method: 'GET',
      template: '/rest/api/3/project/search',
      handler: ({ principal, query }) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const startAt = Math.max(0, Number(query.get('startAt') ?? 0) || 0);
        const maxResults = Math.min(100, Math.max(1, Number(query.get('maxResults') ?? 50) || 50));
        const ids = new Set(queryList(query, 'id'));
        const keys = new Set(queryList(query, 'keys').map((key) => key.toUpperCase()));
        const text = (query.get('query') ?? '').toLowerCase();
        const types = new Set(queryList(query, 'typeKey'));
        const action = query.get('action') ?? 'view';
        const orderBy = query.get('orderBy') ?? 'key';
        const descending = orderBy.startsWith('-');
        const orderField = orderBy.replace(/^[-+]/, '');

        const projects = [...state.projects.values()]
          .filter((project) => allowed(principal, project, action))
          .filter((project) => ids.size === 0 || ids.has(project.id))
          .filter((project) => keys.size === 0 || keys.has(project.key.toUpperCase()))
          .filter(
            (project) =>
              !text || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text)
          )
          .filter((project) => types.size === 0 || types.has(project.projectTypeKey))
          .sort((a, b) => {
            const c = orderField === 'name' ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key);
            return descending ? -c : c;
          });
        const page = projects.slice(startAt, startAt + maxResults);
        const isLast = startAt + page.length >= projects.length;
        const self = (from: number): string =>
          `${state.baseUrl}/rest/api/3/project/search?startAt=${from}&maxResults=${maxResults}`;
        const body: Record<string, unknown> = {
          self: self(startAt),
          maxResults,
          startAt,
          total: projects.length,
          isLast,
          values: page.map((project) => representations.projectSummary(project))
        };
        if (!isLast) body.nextPage = self(startAt + maxResults);
        return ok(body);
      }
    },
    {
      method: 'GET',
      template: '/rest/api/3/project/{projectIdOrKey}',
      handler: ({ principal }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const ref = params.projectIdOrKey ?? '';
        const project = state.findProject(ref);
        if (!project || !permissions.canViewProject(principal, project)) {
          return jiraError(404, [
            `No project could be found with ${/^\d+$/.test(ref) ? 'id' : 'key'} '${ref}'.`
          ]);
        }
        return ok(representations.project(project));
      }
    }
  ];
}
