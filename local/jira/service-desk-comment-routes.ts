import { ok } from './jira-errors';
import { PERMISSION_CATALOG } from './permission-catalog';
import { APP_ACCOUNT_ID } from './product-events';
import type { RouteDefinition } from './router';
import { notLoggedIn, requestNotFound, serviceDeskError } from './service-desk-errors';
import type { SeedComment, SeedIssue } from './seed';
import type { SiteContext } from './site-context';
import type { JiraPrincipal } from '../host/services';

/**
 * Jira Service Management's request comments (`/rest/servicedeskapi/request/{issueIdOrKey}/comment`),
 * as the JSM REST API documents them: _Create request comment_ ("Permissions required:
 * User has Add Comments permission"; `public: false` makes it internal, and only a
 * customer is limited to public comments) and _Get request comments_ (`public`,
 * `internal`, `start`, `limit`; internal comments are shown to agents, never to customers).
 * An issue the caller may not browse answers 404 like a missing one, and so does an
 * issue outside a service project: it is no customer request ("Returned if the customer
 * request does not exist"), so a comment meant for a customer never lands on product
 * work. Without Add Comments, 403. Comments are kept on the issue with their visibility, so the sandbox's
 * issue view can show them. The app and users who may browse are treated as agents:
 * the local site has no portal customers.
 */
const invalid = (message: string) => serviceDeskError(400, message, 'sd.comment.error.invalid');

const ADD_COMMENTS = PERMISSION_CATALOG.get('ADD_COMMENTS')!;
const LIMIT_MAX = 100;

export function serviceDeskCommentRoutes({ state, permissions, now }: SiteContext): RouteDefinition[] {
  /** The issue behind a customer request the caller may see, if it is one. */
  const requestIssue = (principal: JiraPrincipal, idOrKey: string): SeedIssue | undefined => {
    const issue = state.findIssue(idOrKey);
    if (!issue || state.projects.get(issue.projectId)?.projectTypeKey !== 'service_desk') return undefined;
    return permissions.canBrowseIssue(principal, issue) ? issue : undefined;
  };
  const author = (principal: JiraPrincipal): string =>
    principal.kind === 'user' ? principal.accountId : APP_ACCOUNT_ID;

  const commentJson = (issue: SeedIssue, comment: SeedComment): Record<string, unknown> => {
    const user = state.users.get(comment.authorAccountId);
    const created = new Date(comment.created);
    return {
      id: comment.id,
      body: comment.body,
      public: comment.public,
      author: {
        accountId: comment.authorAccountId,
        displayName: user?.displayName ?? 'Customer Evidence',
        active: true
      },
      created: {
        iso8601: comment.created,
        jira: comment.created,
        friendly: created.toUTCString(),
        epochMillis: created.getTime()
      },
      _links: {
        self: `${state.baseUrl}/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}`
      }
    };
  };

  return [
    {
      method: 'POST',
      template: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
      handler: ({ principal, body }, params) => {
        if (principal.kind === 'anonymous') return notLoggedIn();
        const issue = requestIssue(principal, params.issueIdOrKey ?? '');
        if (!issue) return requestNotFound();
        if (!permissions.hasIssue(principal, issue, ADD_COMMENTS))
          return serviceDeskError(
            403,
            'You do not have permission to comment on this request.',
            'sd.comment.error.nopermission'
          );
        const request = (body ?? {}) as { body?: unknown; public?: unknown };
        if (typeof request.body !== 'string' || request.body.trim() === '')
          return invalid('The comment body is required.');
        if (request.public !== undefined && typeof request.public !== 'boolean')
          return invalid('public must be true or false.');
        const comments = issue.comments ?? [];
        const comment: SeedComment = {
          id: String(30_000 + [...state.issues.values()].reduce((n, i) => n + (i.comments?.length ?? 0), 0)),
          body: request.body,
          public: request.public ?? true,
          authorAccountId: author(principal),
          created: now().toISOString()
        };
        issue.comments = [...comments, comment];
        return ok(commentJson(issue, comment), 201);
      }
    },
    {
      method: 'GET',
      template: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
      handler: ({ principal, query }, params) => {
        if (principal.kind === 'anonymous') return notLoggedIn();
        const issue = requestIssue(principal, params.issueIdOrKey ?? '');
        if (!issue) return requestNotFound();
        const wantPublic = query.get('public') !== 'false';
        const wantInternal = query.get('internal') !== 'false';
        const start = Math.max(0, Number(query.get('start') ?? '0') || 0);
        const limit = Math.min(LIMIT_MAX, Math.max(1, Number(query.get('limit') ?? '50') || 50));
        const matching = (issue.comments ?? []).filter((c) => (c.public ? wantPublic : wantInternal));
        const values = matching.slice(start, start + limit);
        return ok({
          size: values.length,
          start,
          limit,
          isLastPage: start + values.length >= matching.length,
          values: values.map((c) => commentJson(issue, c)),
          _links: { base: state.baseUrl, context: '' }
        });
      }
    }
  ];
}
