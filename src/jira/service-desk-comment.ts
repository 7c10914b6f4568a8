import api, { route } from '@forge/api';
import { z } from 'zod';
import { ForbiddenError, JiraThrottledError, NotFoundError, UpstreamError } from '../domain/errors';

/**
 * Internal comments on Jira Service Management requests, as the app
 * (`/rest/servicedeskapi/request/{issueIdOrKey}/comment`, scope `write:servicedesk-request`
 * to post and `read:servicedesk-request` to read). `public: false` makes a comment
 * internal: agents see it, the customer does not.
 */

type JiraResponse = Awaited<ReturnType<ReturnType<typeof api.asApp>['requestJira']>>;

const CommentSchema = z.object({
  id: z.string(),
  body: z.string().optional(),
  public: z.boolean().optional()
});
const CommentPageSchema = z.object({
  values: z.array(CommentSchema),
  isLastPage: z.boolean().optional()
});

/** Comments read per page; a request with more of the app's own would be unusual. */
const PAGE = 100;
/** Pages read before giving up on finding an earlier run's comment (and posting it again). */
const MAX_PAGES = 5;

async function send(
  path: ReturnType<typeof route>,
  method: 'GET' | 'POST',
  body?: unknown
): Promise<JiraResponse> {
  let response: JiraResponse;
  try {
    response = await api.asApp().requestJira(path, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    });
  } catch {
    throw new UpstreamError('Jira could not be reached.');
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new JiraThrottledError(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 5);
  }
  if (response.status === 404)
    throw new NotFoundError('The service request does not exist or the app cannot see it.');
  if (response.status === 401 || response.status === 403)
    throw new ForbiddenError('The app may not comment on this service request.');
  if (!response.ok) throw new UpstreamError(`Jira answered ${response.status}.`);
  return response;
}

/** Posts an internal comment on the request; answers the new comment's id. */
export async function postInternalComment(requestIssueId: string, body: string): Promise<{ id: string }> {
  const response = await send(route`/rest/servicedeskapi/request/${requestIssueId}/comment`, 'POST', {
    body,
    public: false
  });
  const parsed = CommentSchema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
  return { id: parsed.data.id };
}

/** The request's internal comments (bodies), oldest first, up to a few pages. */
export async function internalCommentsOf(requestIssueId: string): Promise<{ id: string; body: string }[]> {
  const comments: { id: string; body: string }[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const start = String(page * PAGE);
    const response = await send(
      route`/rest/servicedeskapi/request/${requestIssueId}/comment?public=false&internal=true&start=${start}&limit=${String(PAGE)}`,
      'GET'
    );
    const parsed = CommentPageSchema.safeParse(await response.json());
    if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
    comments.push(...parsed.data.values.map((c) => ({ id: c.id, body: c.body ?? '' })));
    if (parsed.data.isLastPage !== false || parsed.data.values.length < PAGE) break;
  }
  return comments;
}
