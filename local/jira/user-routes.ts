import { jiraError, notAuthenticated, ok } from './jira-errors';
import type { RouteDefinition } from './router';
import type { SiteContext } from './site-context';

/**
 * `/myself` and the user look-ups. Users are identified by accountId only, as in Jira
 * Cloud since the GDPR migration; username and key parameters are ignored.
 */
const NO_USER = 'Specified user does not exist or you do not have required permissions';

export function userRoutes({ state, permissions, representations }: SiteContext): RouteDefinition[] {
  return [
    {
      method: 'GET',
      template: '/rest/api/3/myself',
      handler: ({ principal }) => {
        if (principal.kind === 'app') return ok(representations.appUser());
        if (principal.kind === 'anonymous') return notAuthenticated();
        const user = state.users.get(principal.accountId);
        return user ? ok(representations.user(user)) : notAuthenticated();
      }
    },
    {
      method: 'GET',
      template: '/rest/api/3/user',
      handler: ({ principal, query }) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const user = state.users.get(query.get('accountId') ?? '');
        return user ? ok(representations.user(user)) : jiraError(404, [NO_USER]);
      }
    },
    {
      method: 'GET',
      template: '/rest/api/3/user/bulk',
      handler: ({ principal, query }) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const ids = query.getAll('accountId').filter(Boolean);
        if (ids.length === 0) return jiraError(400, ['The accountId query parameter needs to be provided.']);
        const startAt = Math.max(0, Number(query.get('startAt') ?? 0) || 0);
        const maxResults = Math.min(200, Math.max(1, Number(query.get('maxResults') ?? 10) || 10));
        const users = [...new Set(ids)].map((id) => state.users.get(id)).filter((user) => user !== undefined);
        const page = users.slice(startAt, startAt + maxResults);
        const isLast = startAt + page.length >= users.length;
        const idParams = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
        const body: Record<string, unknown> = {
          self: `${state.baseUrl}/rest/api/3/user/bulk?startAt=${startAt}&maxResults=${maxResults}&${idParams}`,
          maxResults,
          startAt,
          total: users.length,
          isLast,
          values: page.map((user) => representations.userDetails(user))
        };
        if (!isLast) {
          body.nextPage = `${state.baseUrl}/rest/api/3/user/bulk?startAt=${startAt + maxResults}&maxResults=${maxResults}&${idParams}`;
        }
        return ok(body);
      }
    },
    {
      method: 'GET',
      template: '/rest/api/3/user/groups',
      handler: ({ principal, query }) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const accountId = query.get('accountId') ?? '';
        if (!state.users.has(accountId)) return jiraError(404, [NO_USER]);
        return ok(permissions.groupsOf(accountId).map((name) => representations.group(name)));
      }
    }
  ];
}
