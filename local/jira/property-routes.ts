import { issueNotFound, jiraError, notAuthenticated, ok } from './jira-errors';
import type { RouteDefinition } from './router';
import type { SiteContext } from './site-context';

/**
 * Issue entity properties. Reading needs browse; writing needs browse and edit (the app
 * may always). Status codes follow the spec per operation: the key list has no 401,
 * and deleting without edit permission is a 404, not a 403.
 */
const MAX_KEY = 255;
const MAX_VALUE = 32_768;

export function propertyRoutes({ state, permissions }: SiteContext): RouteDefinition[] {
  const propertyMissing = (key: string) => jiraError(404, [`The property with key '${key}' does not exist.`]);
  return [
    {
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}/properties',
      handler: ({ principal }, params) => {
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canBrowseIssue(principal, issue)) return issueNotFound();
        const keys = [...(state.properties.get(issue.id)?.keys() ?? [])].sort().map((key) => ({
          key,
          self: `${state.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`
        }));
        return ok({ keys });
      }
    },
    {
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      handler: ({ principal }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canBrowseIssue(principal, issue)) return issueNotFound();
        const key = params.propertyKey ?? '';
        const value = state.property(issue.id, key);
        return value === undefined ? propertyMissing(key) : ok({ key, value: structuredClone(value) });
      }
    },
    {
      method: 'PUT',
      template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      handler: ({ principal, body }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canBrowseIssue(principal, issue)) return issueNotFound();
        if (!permissions.canEditIssue(principal, issue)) {
          return jiraError(403, ['You do not have permission to edit this issue.']);
        }
        const key = params.propertyKey ?? '';
        if (key.length === 0 || key.length > MAX_KEY) {
          return jiraError(400, [`The property key must be between 1 and ${MAX_KEY} characters.`]);
        }
        if (body === undefined)
          return jiraError(400, ['The property value must be a valid, non-empty JSON.']);
        if (JSON.stringify(body).length > MAX_VALUE) {
          return jiraError(400, [
            `The property value is too long. The maximum length is ${MAX_VALUE} characters.`
          ]);
        }
        let values = state.properties.get(issue.id);
        if (!values) {
          values = new Map();
          state.properties.set(issue.id, values);
        }
        const created = !values.has(key);
        values.set(key, structuredClone(body));
        return { status: created ? 201 : 200 };
      }
    },
    {
      method: 'DELETE',
      template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      handler: ({ principal }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canEditIssue(principal, issue)) return issueNotFound();
        const key = params.propertyKey ?? '';
        if (!state.properties.get(issue.id)?.delete(key)) return propertyMissing(key);
        return { status: 204 };
      }
    }
  ];
}
