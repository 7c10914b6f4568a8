import { randomUUID } from 'node:crypto';
import { AppError, ConflictError, UpstreamError } from '../domain/errors';
import { parseIssueEvent, type IssueLifecycleEvent } from '../domain/issue-event';
import { retryLater, type RetryAnswer } from '../sync/event-retry';
import { handleIssueEvent } from '../usecases/issue-lifecycle/handle-issue-event';

/** Forge delays a retried event by at most 15 minutes. */
const MAX_RETRY_AFTER_SECONDS = 900;

/**
 * The `issue-lifecycle` product-event trigger (issue deleted or updated in Jira): keeps
 * links, insight statuses and impacts in step with the issue, as the app. Events the app
 * does not act on return at once, with no storage or Jira call. A malformed event is
 * dropped (it would never become valid); when Jira or storage fails or a concurrent
 * writer keeps winning, the event is handed back to Forge to retry with backoff: every
 * step re-reads and converges, so running an event twice is safe.
 */
export async function issueEventsTrigger(
  event: unknown,
  _context: unknown
): Promise<RetryAnswer | undefined> {
  let parsed: IssueLifecycleEvent | undefined;
  try {
    parsed = parseIssueEvent(event);
  } catch (error) {
    console.warn('Ignoring a malformed issue event', error instanceof AppError ? error.fieldIssues : error);
    return undefined;
  }
  if (!parsed) return undefined;
  try {
    await handleIssueEvent(parsed, { now: () => new Date(), newId: () => randomUUID() });
    return undefined;
  } catch (error) {
    if (!(error instanceof UpstreamError || error instanceof ConflictError)) throw error;
    return retryLater({
      retryAfter: Math.min(MAX_RETRY_AFTER_SECONDS, 5 * 2 ** retryCountOf(event)),
      reason: 'transient'
    });
  }
}

function retryCountOf(event: unknown): number {
  const context = (event as { retryContext?: { retryCount?: unknown } } | null | undefined)?.retryContext;
  return typeof context?.retryCount === 'number' ? context.retryCount : 0;
}
