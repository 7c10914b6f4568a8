import { FieldSelection } from './field-selection';
import { issueNotFound, jiraError, notAuthenticated, ok, queryList } from './jira-errors';
import type { RouteDefinition } from './router';
import type { SeedIssue } from './seed';
import type { SiteContext } from './site-context';

/**
 * Reading issues: one by id or key, or up to 100 at once. An issue the caller may not
 * browse answers exactly like a missing one (404), as Jira does, so nothing leaks. The
 * bulk fetch leaves such issues out of its answer altogether: `issueErrors` lists only
 * issues Jira could not return for a retriable reason (`bulkFetchFailures`).
 */
export function issueRoutes({ state, permissions, representations }: SiteContext): RouteDefinition[] {
  return [
    {
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}',
      handler: ({ principal, query }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canBrowseIssue(principal, issue)) return issueNotFound();
        const selection = FieldSelection.parse(queryList(query, 'fields'), 'all');
        return ok(representations.issue(issue, selection, principal, queryList(query, 'properties')));
      }
    },
    {
      method: 'POST',
      template: '/rest/api/3/issue/bulkfetch',
      handler: ({ principal, body }) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const request = (body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown; properties?: unknown };
        const wanted = Array.isArray(request.issueIdsOrKeys) ? request.issueIdsOrKeys.map(String) : [];
        if (wanted.length === 0 || wanted.length > 100) {
          return jiraError(400, ['Provide between 1 and 100 issue IDs or keys in issueIdsOrKeys.']);
        }
        const fields = Array.isArray(request.fields) ? request.fields.map(String) : undefined;
        const properties = Array.isArray(request.properties) ? request.properties.map(String) : [];
        const selection = FieldSelection.parse(fields, 'all');
        const found = new Map<string, SeedIssue>();
        const issueErrors: { id: string; errorMessage: string }[] = [];
        for (const idOrKey of wanted) {
          const issue = state.findIssue(idOrKey);
          if (!issue || !permissions.canBrowseIssue(principal, issue)) continue;
          const failures = state.bulkFetchFailures.get(issue.id) ?? 0;
          if (failures > 0) {
            state.bulkFetchFailures.set(issue.id, failures - 1);
            issueErrors.push({ id: issue.id, errorMessage: 'The issue could not be fetched. Try again.' });
          } else found.set(issue.id, issue);
        }
        const issues = [...found.values()]
          .sort((a, b) => Number(a.id) - Number(b.id))
          .map((issue) => representations.issue(issue, selection, principal, properties));
        return ok({ issues, issueErrors });
      }
    }
  ];
}
