import { randomUUID } from 'node:crypto';
import { AppError, ConflictError, JiraThrottledError, UpstreamError } from '../domain/errors';
import {
  isInvocationLimit,
  isPushRateLimited,
  retryCode,
  retryLater,
  type QueueDelivery,
  type Retry
} from '../sync/event-retry';
import { parseSyncEvent, type SyncEvent } from '../sync/sync-events';
import type { Env } from '../usecases/actor';
import { continueAccountRescore } from '../usecases/account-rescore';
import { continueImport } from '../usecases/import-run';
import { continueDelivery } from '../usecases/intake/continue-delivery';
import { continueInsightJob } from '../usecases/insight-job';
import { closeLoop } from '../usecases/loop-closing';
import { publishIssues } from '../usecases/publish-issues';
import { markPageFailed, markSweepStopped, rescorePage, sweepStep } from '../usecases/rescore';

/** Forge delays a retried event by at most 15 minutes. */
const MAX_RETRY_AFTER_SECONDS = 900;
/** Forge's push rate is counted per minute: a minute later there is room again. */
const PUSH_RATE_RETRY_SECONDS = 60;

/**
 * The impact-sync queue's consumer, a plain function as `@forge/events` 2.x+ invokes it:
 * the pushed body is `event.body`, and a retry carries `event.retryContext`. Events
 * carry ids and step numbers only and every step is idempotent (checkpointed in
 * storage), so a failed or repeated event is simply run again: throttling and transient
 * failures come back with exponential backoff (at least what Jira's Retry-After asks for).
 */
export async function syncConsumer(event: QueueDelivery): Promise<unknown> {
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
  const now = new Date();
  try {
    if (body.kind === 'publish') await publishIssues(body.issueIds);
    else if (body.kind === 'rescore') await rescorePage(body, now);
    else if (body.kind === 'rescore-sweep') await sweepStep(body, now);
    else if (body.kind === 'insight-job') await continueInsightJob(body, jobEnv());
    else if (body.kind === 'import') await continueImport(body, jobEnv());
    else if (body.kind === 'intake') await continueDelivery(body, jobEnv());
    else if (body.kind === 'loop-close') await closeLoop(body, jobEnv());
    else await continueAccountRescore(body, jobEnv());
    return { ok: true };
  } catch (error) {
    if (isInvocationLimit(error)) {
      // Every retry would come from the same originating invocation and hit the same
      // limit: the step is checkpointed, and the next sweep (a fresh invocation) resumes.
      console.warn('Rescore chain paused at the cyclic-invocation limit; a sweep will resume it');
      if (body.kind === 'rescore-sweep') await markSweepStopped(body, now).catch(() => undefined);
      return { paused: true };
    }
    const retry = retryFor(error, event.retryContext?.retryCount ?? 0);
    if (!retry) throw error;
    const remainingMs = event.retryContext?.retentionWindow?.remainingTimeMs;
    if (body.kind === 'rescore' && remainingMs !== undefined && remainingMs < retry.retryAfter * 1000) {
      // Forge will not deliver this page again: say so on the admin page.
      await markPageFailed(body, retryCode(retry.reason), now).catch(() => undefined);
    }
    return retryLater(retry);
  }
}

function retryFor(error: unknown, retryCount: number): Retry | undefined {
  if (error instanceof JiraThrottledError) {
    return {
      retryAfter: backoff(retryCount, error.retryAfterSeconds),
      reason: 'rate-limited'
    };
  }
  if (isPushRateLimited(error)) {
    return {
      retryAfter: backoff(retryCount, PUSH_RATE_RETRY_SECONDS),
      reason: 'rate-limited'
    };
  }
  if (error instanceof UpstreamError || error instanceof ConflictError) {
    return { retryAfter: backoff(retryCount, 1), reason: 'transient' };
  }
  return undefined;
}

/** Time and ids for one job run (jobs create no ids). */
function jobEnv(): Env {
  return { now: () => new Date(), newId: () => randomUUID() };
}

function backoff(retryCount: number, atLeast: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(atLeast, 5 * 2 ** retryCount));
}
