import {
  InvocationError,
  InvocationErrorCode,
  InvocationLimitReachedError,
  RateLimitError,
  type AsyncEvent
} from '@forge/events';

/**
 * Forge's vocabulary for handing an async event (a queue event or a product-event
 * trigger) back to be delivered again. It lives with the queue so that `@forge/events`
 * stays in this folder: the handlers decide when to retry, this file says it to Forge.
 */

/** An event as Forge delivers it to a queue consumer: its body and, on a retry, the retry context. */
export type QueueDelivery = AsyncEvent;

/** The answer that makes Forge deliver the event again later. */
export type RetryAnswer = InvocationError;

/** Why an event is retried: the upstream asked us to slow down, or a failure that may clear. */
export type RetryReason = 'rate-limited' | 'transient';

/** When and why to deliver an event again. */
export interface Retry {
  retryAfter: number;
  reason: RetryReason;
}

/** Forge's code for each reason; it is also what a failed rescore page records. */
export function retryCode(reason: RetryReason): InvocationErrorCode {
  return reason === 'rate-limited'
    ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
    : InvocationErrorCode.FUNCTION_RETRY_REQUEST;
}

/** Asks Forge to deliver the event again after `retry.retryAfter` seconds. */
export function retryLater(retry: Retry): RetryAnswer {
  return new InvocationError({ retryAfter: retry.retryAfter, retryReason: retryCode(retry.reason) });
}

/**
 * True when Forge refused a push because the chain of invocations it would start is too
 * long: every retry would come from the same invocation and hit the same limit.
 */
export function isInvocationLimit(error: unknown): boolean {
  return error instanceof InvocationLimitReachedError;
}

/** True when Forge refused a push for its per-minute rate: a minute later there is room. */
export function isPushRateLimited(error: unknown): boolean {
  return error instanceof RateLimitError;
}
