import { issueNotFound, jiraError, notAuthenticated, ok } from './jira-errors';
import { PERMISSION_CATALOG } from './permission-catalog';
import { APP_ACCOUNT_ID } from './product-events';
import type { RouteDefinition } from './router';
import type { SeedStatus } from './seed';
import type { SiteContext } from './site-context';

/**
 * Transitions, as a company-managed project with Jira's default simplified workflow has
 * them: every status can be reached from any other through a global transition named
 * after it (ids 11, 21, 31… in status order, as Jira numbers them). The list leaves out
 * the transition to the status the issue is in. Without _Transition issues_ the list is
 * empty and a transition is refused with 400, as REST v3's _Get transitions_ and
 * _Transition issue_ pages say; an issue the caller may not browse answers 404 like a
 * missing one. A performed transition answers 204 and sends Jira's issue-updated event.
 */
const TRANSITION_ISSUES = PERMISSION_CATALOG.get('TRANSITION_ISSUES')!;

export function transitionRoutes({
  state,
  permissions,
  representations,
  transition
}: SiteContext): RouteDefinition[] {
  const transitions = (): { id: string; status: SeedStatus }[] =>
    [...state.statuses.values()].map((status, index) => ({ id: String(10 * (index + 1) + 1), status }));

  return [
    {
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      handler: ({ principal, query }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canBrowseIssue(principal, issue)) return issueNotFound();
        const allowed = permissions.hasIssue(principal, issue, TRANSITION_ISSUES);
        const wanted = query.get('transitionId');
        const list = allowed
          ? transitions()
              .filter(({ id, status }) => status.id !== issue.statusId && (!wanted || wanted === id))
              .map(({ id, status }) => ({
                id,
                name: status.name,
                to: representations.status(status),
                hasScreen: false,
                isGlobal: true,
                isInitial: false,
                isAvailable: true,
                isConditional: false,
                isLooped: false
              }))
          : [];
        return ok({ expand: 'transitions', transitions: list });
      }
    },
    {
      method: 'POST',
      template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      handler: ({ principal, body }, params) => {
        if (principal.kind === 'anonymous') return notAuthenticated();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        if (!issue || !permissions.canBrowseIssue(principal, issue)) return issueNotFound();
        const request = (body ?? {}) as { transition?: { id?: unknown }; fields?: unknown; update?: unknown };
        // No transition has a screen: any field set with it is one Jira would refuse.
        const screenFields = [
          ...Object.keys(isRecord(request.fields) ? request.fields : {}),
          ...Object.keys(isRecord(request.update) ? request.update : {})
        ];
        if (screenFields.length > 0) {
          return jiraError(
            400,
            [],
            Object.fromEntries(
              screenFields.map((field) => [
                field,
                `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`
              ])
            )
          );
        }
        const id = request.transition?.id;
        if (typeof id !== 'string' && typeof id !== 'number')
          return jiraError(400, ["Missing 'transition' identifier"]);
        if (!permissions.hasIssue(principal, issue, TRANSITION_ISSUES))
          return jiraError(400, ['You do not have permission to transition this issue.']);
        const chosen = transitions().find((candidate) => candidate.id === String(id));
        if (!chosen || chosen.status.id === issue.statusId)
          return jiraError(400, [`Transition id '${String(id)}' is not valid for this issue.`]);
        const actor = principal.kind === 'app' ? APP_ACCOUNT_ID : principal.accountId;
        transition(issue, chosen.status.id, actor);
        return { status: 204 };
      }
    }
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
