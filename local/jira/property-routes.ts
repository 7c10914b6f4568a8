import { issueNotFound, jiraError, notAuthenticated, ok } from './jira-errors';
import { PERMISSION_CATALOG, type PermissionInfo } from './permission-catalog';
import type { RouteDefinition } from './router';
import type { SiteContext } from './site-context';

/**
 * Issue entity properties. Reading needs browse; writing needs browse and edit (the app
 * through its add-ons role). Status codes follow the spec per operation: the key list
 * has no 401, and deleting without edit permission is a 404, not a 403.
 *
 * The bulk set is asynchronous and non-transactional, as documented: it answers 303 with
 * the location of a task, and nothing is written (nor visible to JQL) until the task
 * completes — here, when it is first polled (`GET /task/{id}`), unless tasks are held.
 * Issues that do not exist are ignored; issues the caller may not edit are listed in the
 * task's result as `{ failedIssues: [{ issueId, errorMessages }] }` (the docs say only
 * that failures are in the result, not its shape: this one is the local host's).
 */
const MAX_KEY = 255;
const MAX_VALUE = 32_768;

export function propertyRoutes({ state, permissions }: SiteContext): RouteDefinition[] {
  const propertyMissing = (key: string) => jiraError(404, [`The property with key '${key}' does not exist.`]);
  return [
    {
      // Bulk set by issue: up to 100 issues × 10 properties. Jira runs it as a task and
      // answers 303 with the task's location; here it completes before answering.
      // Issues that do not exist or that the caller may not edit are skipped, as in Jira.
      method: 'POST',
      template: '/rest/api/3/issue/properties/multi',
      handler: ({ principal, body }) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issues = (body as { issues?: unknown } | undefined)?.issues;
        if (!Array.isArray(issues) || issues.length === 0 || issues.length > 100) {
          return jiraError(400, ['Provide between 1 and 100 issues.']);
        }
        for (const entry of issues as { issueID?: unknown; properties?: unknown }[]) {
          const properties = entry.properties;
          if (typeof entry.issueID !== 'number' || typeof properties !== 'object' || properties === null) {
            return jiraError(400, ['Each issue needs an issueID and properties.']);
          }
          const count = Object.keys(properties).length;
          if (count === 0 || count > 10)
            return jiraError(400, ['Set between 1 and 10 properties per issue.']);
          for (const [key, value] of Object.entries(properties)) {
            if (key.length === 0 || key.length > MAX_KEY || JSON.stringify(value).length > MAX_VALUE) {
              return jiraError(400, [`The property '${key}' is not valid.`]);
            }
          }
        }
        const entries = structuredClone(issues) as { issueID: number; properties: Record<string, unknown> }[];
        const taskId = String(state.nextTaskId());
        state.tasks.set(taskId, {
          id: taskId,
          description: 'Bulk set issue properties',
          submittedBy: principal.kind === 'app' ? 'app' : principal.accountId,
          submitted: Date.now(),
          status: 'ENQUEUED',
          run: () => {
            const failedIssues: { issueId: number; errorMessages: string[] }[] = [];
            for (const entry of entries) {
              const issue = state.findIssue(String(entry.issueID));
              if (!issue) continue; // "if an issue is not found, it is ignored"
              if (!permissions.canEditIssue(principal, issue)) {
                failedIssues.push({
                  issueId: entry.issueID,
                  errorMessages: ['You do not have permission to edit this issue.']
                });
                continue;
              }
              let values = state.properties.get(issue.id);
              if (!values) {
                values = new Map();
                state.properties.set(issue.id, values);
              }
              for (const [key, value] of Object.entries(entry.properties)) values.set(key, value);
            }
            return { failedIssues };
          }
        });
        return { status: 303, headers: { location: `${state.baseUrl}/rest/api/3/task/${taskId}` } };
      }
    },
    {
      method: 'GET',
      template: '/rest/api/3/task/{taskId}',
      handler: ({ principal }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const task = state.tasks.get(params.taskId ?? '');
        if (!task) return jiraError(404, [`The task with ID '${params.taskId ?? ''}' does not exist.`]);
        const who = principal.kind === 'app' ? 'app' : principal.accountId;
        if (who !== task.submittedBy && !permissions.hasGlobal(principal, administer()))
          return jiraError(403, ['You do not have permission to view this task.']);
        if (task.status === 'ENQUEUED' && !state.holdTasks) {
          task.result = task.run();
          task.status = 'COMPLETE';
          task.finished = Date.now();
        }
        const done = task.status === 'COMPLETE';
        return ok({
          self: `${state.baseUrl}/rest/api/3/task/${task.id}`,
          id: task.id,
          description: task.description,
          status: task.status,
          ...(done ? { result: task.result } : {}),
          submittedBy: 0,
          progress: done ? 100 : 0,
          elapsedRuntime: done ? (task.finished ?? task.submitted) - task.submitted : 0,
          submitted: task.submitted,
          ...(done ? { started: task.submitted, finished: task.finished } : {}),
          lastUpdate: task.finished ?? task.submitted
        });
      }
    },
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

function administer(): PermissionInfo {
  const info = PERMISSION_CATALOG.get('ADMINISTER');
  if (!info) throw new Error('Local Jira: ADMINISTER missing from the catalog');
  return info;
}
