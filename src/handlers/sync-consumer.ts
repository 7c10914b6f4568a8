import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { AppError, ConflictError, UpstreamError } from '../domain/errors';
import { JiraThrottledError } from '../jira/publish-impact';
import { publishIssues } from '../sync/publish-issues';
import { rescorePage } from '../sync/rescore';
import { parseSyncEvent, type SyncEvent } from '../sync/sync-events';

/** Forge delays a retried event by at most 15 minutes. */
const MAX_RETRY_AFTER_SECONDS = 900;

/**
 * The impact-sync queue's consumer, a plain function as `@forge/events` 2.x+ invokes it:
 * the pushed body is `event.body`, and a retry carries `event.retryContext`. Events
 * carry issue ids only and every step is idempotent, so a failed event is simply run
 * again: throttling and transient failures come back with exponential backoff (at least
 * what Jira's Retry-After asks for).
 */
export async function syncConsumer(event: AsyncEvent): Promise<unknown> {
  let body: SyncEvent;
  try {
    body = parseSyncEvent(event.body);
  } catch (error) {
    // A malformed event never becomes valid: retrying it would only burn invocations.
    console.error(
      'Dropping a malformed impact-sync event',
      error instanceof AppError ? error.fieldIssues : error
    );
    return { dropped: true };
  }
  try {
    if (body.kind === 'publish') await publishIssues(body.issueIds);
    else await rescorePage(body, new Date());
    return { ok: true };
  } catch (error) {
    const retryCount = event.retryContext?.retryCount ?? 0;
    if (error instanceof JiraThrottledError) {
      return new InvocationError({
        retryAfter: backoff(retryCount, error.retryAfterSeconds),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
      });
    }
    if (error instanceof UpstreamError || error instanceof ConflictError) {
      return new InvocationError({
        retryAfter: backoff(retryCount, 1),
        retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST
      });
    }
    throw error;
  }
}

function backoff(retryCount: number, atLeast: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(atLeast, 5 * 2 ** retryCount));
}
