import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver, { type Request } from '@forge/resolver';
import { randomUUID } from 'node:crypto';
import { AppError, ConflictError, UpstreamError } from '../domain/errors';
import { JiraThrottledError } from '../jira/publish-impact';
import { publishIssues } from '../sync/publish-issues';
import { rescorePage } from '../sync/rescore';
import { parseSyncEvent, SYNC_METHOD, type SyncEvent } from '../sync/sync-events';
import type { Env } from '../usecases/actor';
import { continueInsightJob } from '../usecases/insight-job';
import { continueAccountRescore } from '../usecases/account-rescore';

/** Forge delays a retried event by at most 15 minutes. */
const MAX_RETRY_AFTER_SECONDS = 900;

/**
 * The impact-sync queue's consumer. Events carry issue ids only and every step is
 * idempotent, so a failed event is simply run again: throttling and transient failures
 * come back with exponential backoff (at least what Jira's Retry-After asks for).
 */
const resolver = new Resolver();
resolver.define(SYNC_METHOD, async ({ payload }: Request) => {
  let event: SyncEvent;
  try {
    event = parseSyncEvent(payload);
  } catch (error) {
    // A malformed event never becomes valid: retrying it would only burn invocations.
    console.error(
      'Dropping a malformed impact-sync event',
      error instanceof AppError ? error.fieldIssues : error
    );
    return { dropped: true };
  }
  try {
    if (event.kind === 'publish') await publishIssues(event.issueIds);
    else if (event.kind === 'insight-job') await continueInsightJob(event, jobEnv());
    else if (event.kind === 'account-rescore') await continueAccountRescore(event, jobEnv());
    else await rescorePage(event, new Date());
    return { ok: true };
  } catch (error) {
    const retryCount = retryCountOf(payload);
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
});

export const syncConsumer = resolver.getDefinitions();

/** Time and ids for one job run (jobs create no ids). */
function jobEnv(): Env {
  return { now: () => new Date(), newId: () => randomUUID() };
}

function backoff(retryCount: number, atLeast: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(atLeast, 5 * 2 ** retryCount));
}

function retryCountOf(payload: unknown): number {
  const context = (payload as { retryContext?: { retryCount?: unknown } } | undefined)?.retryContext;
  return typeof context?.retryCount === 'number' ? context.retryCount : 0;
}
