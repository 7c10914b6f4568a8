import { ForbiddenError, NotFoundError } from '../domain/errors';
import { isLeaving, type Insight, type ServiceRequestRef } from '../domain/insight';
import { isToldComment, toldCommentBody, type ToldRecord, type ToldRequest } from '../domain/loop-closing';
import { internalCommentsOf, postInternalComment } from '../jira/service-desk-comment';
import { shippedIssueAsApp, type ShippedIssueState } from '../jira/shipped-issue';
import { getInsights } from '../storage/insight-store';
import { linksOfIssue } from '../storage/link-store';
import { getLoopClosingSetting, getToldRequests, saveToldRequests } from '../storage/loop-closing-store';
import { pushEvents, projectKey } from '../sync/sync-queue';
import type { Env } from './actor';

/**
 * Queues the telling of a done issue's service requests, when its project opted in.
 * The event runs under the project's concurrency key, like every publish of the
 * project: two runs for one issue never overlap, so its told-record has one writer.
 */
export async function queueLoopClosing(issue: { id: string; projectId: string }): Promise<void> {
  if (!(await getLoopClosingSetting(issue.projectId))) return;
  await pushEvents([
    {
      body: { kind: 'loop-close', issueId: issue.id, projectId: issue.projectId },
      concurrencyKey: projectKey(issue.projectId)
    }
  ]);
}

/** A request to tell and the insight it came from (the first, when several share it). */
interface RequestToTell {
  request: ServiceRequestRef;
  accountKey?: string;
}

/**
 * The service requests behind an issue's evidence. "Backs" means linked to this very
 * issue: an epic's score rolls up its children's evidence, but each child tells its own
 * requests when it ships, and a request is told of the work that answered it, not of
 * every ancestor finished later. Insights being deleted or merged away tell nobody.
 */
function requestsOf(insights: Iterable<Insight>): RequestToTell[] {
  const byRequest = new Map<string, RequestToTell>();
  for (const insight of insights) {
    if (!insight.request || isLeaving(insight) || byRequest.has(insight.request.issueId)) continue;
    byRequest.set(insight.request.issueId, {
      request: insight.request,
      ...(insight.accountKey !== undefined ? { accountKey: insight.accountKey } : {})
    });
  }
  return [...byRequest.values()].sort((a, b) => a.request.issueId.localeCompare(b.request.issueId));
}

/**
 * Tells every service request behind a done issue's evidence, once: an internal comment
 * naming the shipped issue. Nothing happens when the project has not opted in, when the
 * issue is gone, or when it is no longer done (reopened before this ran: it tells when
 * done again). Per request, a told-record decides:
 *
 * - `told` or `refused`: nothing is sent, so a repeated event and a reopen-and-done-again
 *   post no second comment.
 * - none: the record is set to `posting`, then the comment is sent, then the record says
 *   `told`. A throttled or failed send throws and the queue retries the event.
 * - `posting`: an earlier run stopped between recording and hearing Jira's answer: the
 *   comment may exist. The request's internal comments are read; if this issue's comment
 *   is there the record becomes `told`, otherwise it is sent now. So no window is left
 *   in which a retry posts twice, and none in which a request is never told.
 */
export async function closeLoop(event: { issueId: string; projectId: string }, env: Env): Promise<void> {
  if (!(await getLoopClosingSetting(event.projectId))) return;
  let issue: ShippedIssueState;
  try {
    issue = await shippedIssueAsApp(event.issueId);
  } catch (error) {
    if (error instanceof NotFoundError) return;
    throw error;
  }
  if (!issue.done) return;
  const [links, record] = await Promise.all([linksOfIssue(issue.id), getToldRequests(issue.id)]);
  const insights = await getInsights(links.map((link) => link.insightId));
  const told: ToldRecord = { ...record };
  for (const target of requestsOf(insights.values())) {
    await tellOnce(issue, target, told, env);
  }
}

async function tellOnce(
  issue: ShippedIssueState,
  target: RequestToTell,
  told: ToldRecord,
  env: Env
): Promise<void> {
  const requestId = target.request.issueId;
  const previous = told[requestId];
  if (previous?.state === 'told' || previous?.state === 'refused') return;
  const save = async (state: ToldRequest['state'], commentId?: string): Promise<void> => {
    const entry: ToldRequest = {
      requestKey: target.request.issueKey,
      state,
      at: env.now().toISOString(),
      ...(target.accountKey !== undefined ? { accountKey: target.accountKey } : {}),
      ...(commentId !== undefined ? { commentId } : {})
    };
    told[requestId] = entry;
    await saveToldRequests(issue.id, told);
  };
  try {
    if (previous?.state === 'posting') {
      const earlier = (await internalCommentsOf(requestId)).find((c) => isToldComment(c.body, issue.key));
      if (earlier) {
        await save('told', earlier.id);
        return;
      }
    } else {
      await save('posting');
    }
    const comment = await postInternalComment(requestId, toldCommentBody(issue));
    await save('told', comment.id);
  } catch (error) {
    // The request is gone or closed to the app: no retry would change that.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      console.warn(`Could not tell service request ${target.request.issueKey}: ${error.message}`);
      await save('refused');
      return;
    }
    throw error;
  }
}
