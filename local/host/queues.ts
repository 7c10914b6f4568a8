import { randomUUID } from 'node:crypto';
import { LogicalClock } from './logical-clock';
import type { ServiceResponse } from './services';
import { Prng } from '../jira/prng';

/**
 * The local Forge async events service: what `@forge/events`' `Queue` talks to through
 * `__requestAtlassianAsApp` (`/webhook/queue/publish|stats|cancel/...`). Pushed events
 * wait here until the host delivers them to the queue's consumer; a job's stats count
 * its events as Forge does (success, in progress, failed).
 *
 * The limits are the documented ones ("Async events limits"), answered with the status
 * codes the SDK turns into its typed errors (`validatePushAPIResponse`): 429 →
 * `RateLimitError`, 405 → `InvocationLimitReachedError`, 413 → `PayloadTooBigError`.
 */
export interface QueuedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  /** Earliest delivery, on the host's logical clock (ms). */
  notBefore: number;
  /** When the event first fell due: its retention window starts here. */
  firstDueAt: number;
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
  /** The invocation whose push (directly or down a chain) produced this event. */
  origin: string;
  /** A second delivery of an event already delivered (at-least-once delivery). */
  duplicate?: boolean;
}

interface JobCounts {
  success: number;
  inProgress: number;
  failed: number;
}

/** Product-event triggers (not queues) still retry a fixed number of times. */
export const MAX_RETRIES = 4;

export const QUEUE_LIMITS = {
  eventsPerPush: 50,
  pushBytes: 200 * 1024,
  /** Per event, when the consumer's function may run longer than 55 s. */
  longRunningEventBytes: 100 * 1024,
  retryDataBytes: 4 * 1024,
  eventsPerMinute: 500,
  /** Push requests from one originating invocation, downstream handlers included. */
  cyclicPushes: 1000,
  maxDelaySeconds: 900
} as const;

export interface LocalQueuesOptions {
  clock?: LogicalClock;
  /** How long Forge keeps retrying a failing event (the docs give no figure). */
  retentionWindowMs?: number;
  /** Share of deliveries the host repeats (at-least-once delivery), 0 to 1. */
  duplicateRate?: number;
  /** Seed of the generator that picks which deliveries repeat. */
  seed?: number;
}

/** Forge gives no retention figure in its docs; an hour is the stricter local choice. */
export const DEFAULT_RETENTION_MS = 60 * 60 * 1000;

export class LocalQueues {
  readonly clock: LogicalClock;
  readonly retentionWindowMs: number;
  private pending: QueuedEvent[] = [];
  private readonly jobs = new Map<string, JobCounts>();
  private readonly cancelled = new Set<string>();
  private readonly pushesByOrigin = new Map<string, number>();
  private readonly longRunning = new Set<string>();
  private minuteWindow = { minute: -1, events: 0 };
  private busiestMinute = 0;
  private readonly refused = { rateLimited: 0, cyclic: 0, tooBig: 0 };
  private duplicateRate: number;
  private random: () => number;
  private forcedDuplicates = 0;

  constructor(options: LocalQueuesOptions = {}) {
    this.clock = options.clock ?? new LogicalClock();
    this.retentionWindowMs = options.retentionWindowMs ?? DEFAULT_RETENTION_MS;
    this.duplicateRate = options.duplicateRate ?? 0;
    this.random = seededRandom(options.seed ?? 1);
  }

  /** The queue's consumer may run longer than 55 s, so each event is capped at 100 KB. */
  markLongRunning(queueName: string): void {
    this.longRunning.add(queueName);
  }

  /** Repeats the next `count` deliveries once more each, whatever the duplicate rate. */
  duplicateNext(count = 1): void {
    this.forcedDuplicates += count;
  }

  setDuplicateRate(rate: number, seed?: number): void {
    this.duplicateRate = rate;
    if (seed !== undefined) this.random = seededRandom(seed);
  }

  handle(path: string, body: unknown, origin: string): ServiceResponse {
    const request = (body ?? {}) as Record<string, unknown>;
    const jobId = typeof request.jobId === 'string' ? request.jobId : '';
    const queueName = typeof request.queueName === 'string' ? request.queueName : '';
    if (path.startsWith('/webhook/queue/publish/'))
      return this.publish(queueName, jobId, request.payload, origin);
    const job = this.jobs.get(jobId);
    if (!job) return { status: 404, body: { message: `Job ${jobId} does not exist` } };
    if (path.startsWith('/webhook/queue/stats/')) return { status: 200, body: { ...job } };
    if (path.startsWith('/webhook/queue/cancel/')) {
      this.cancelled.add(jobId);
      this.pending = this.pending.filter((e) => e.jobId !== jobId);
      job.inProgress = 0;
      return { status: 204 };
    }
    return { status: 404, body: { message: `Unknown queue operation ${path}` } };
  }

  private publish(queueName: string, jobId: string, payload: unknown, origin: string): ServiceResponse {
    if (!Array.isArray(payload) || payload.length === 0 || payload.length > QUEUE_LIMITS.eventsPerPush) {
      return { status: 400, body: { message: `Push between 1 and ${QUEUE_LIMITS.eventsPerPush} events` } };
    }
    const events = payload as {
      body: Record<string, unknown>;
      delayInSeconds?: number;
      concurrency?: { key: string; limit: number };
    }[];
    if (Buffer.byteLength(JSON.stringify(events)) > QUEUE_LIMITS.pushBytes) {
      this.refused.tooBig += 1;
      return { status: 413, body: { errorMessage: 'The maximum payload size is 200KB.' } };
    }
    if (
      this.longRunning.has(queueName) &&
      events.some((e) => Buffer.byteLength(JSON.stringify(e)) > QUEUE_LIMITS.longRunningEventBytes)
    ) {
      this.refused.tooBig += 1;
      return {
        status: 413,
        body: { errorMessage: 'An event for a long-running consumer exceeds the 100KB limit.' }
      };
    }
    const minute = Math.floor(this.clock.now() / 60_000);
    if (this.minuteWindow.minute !== minute) this.minuteWindow = { minute, events: 0 };
    if (this.minuteWindow.events + events.length > QUEUE_LIMITS.eventsPerMinute) {
      this.refused.rateLimited += 1;
      return { status: 429, body: { message: 'Too many requests.' } };
    }
    const pushes = this.pushesByOrigin.get(origin) ?? 0;
    if (pushes >= QUEUE_LIMITS.cyclicPushes) {
      this.refused.cyclic += 1;
      return { status: 405, body: { message: 'The limit on cyclic invocation has been reached.' } };
    }
    this.pushesByOrigin.set(origin, pushes + 1);
    this.minuteWindow.events += events.length;
    this.busiestMinute = Math.max(this.busiestMinute, this.minuteWindow.events);
    const job = { success: 0, inProgress: 0, failed: 0 };
    this.jobs.set(jobId, job);
    for (const raw of events) {
      job.inProgress += 1;
      const due = this.clock.now() + (raw.delayInSeconds ?? 0) * 1000;
      this.pending.push({
        queueName,
        jobId,
        eventId: randomUUID(),
        body: raw.body,
        ...(raw.delayInSeconds === undefined ? {} : { delayInSeconds: raw.delayInSeconds }),
        ...(raw.concurrency ? { concurrency: raw.concurrency } : {}),
        notBefore: due,
        firstDueAt: due,
        retryCount: 0,
        origin
      });
    }
    return { status: 201, body: {} };
  }

  /** Drops every waiting event. */
  clear(): void {
    for (const event of this.pending) if (!event.duplicate) this.settle(event, 'failed');
    this.pending = [];
  }

  size(): number {
    return this.pending.length;
  }

  /** Pushes refused by limit, and the most events accepted in one minute, so far. */
  stats(): {
    refused: { rateLimited: number; cyclic: number; tooBig: number };
    busiestMinute: number;
  } {
    return { refused: { ...this.refused }, busiestMinute: this.busiestMinute };
  }

  /** Push requests made so far on behalf of one originating invocation. */
  pushesFrom(origin: string): number {
    return this.pushesByOrigin.get(origin) ?? 0;
  }

  /**
   * Takes the events due now, at most one per concurrency key (events sharing a key run
   * one at a time, as Forge's `concurrency` option promises). When nothing is due yet,
   * the clock jumps to the next event's time: tests do not wait out real backoff.
   */
  takeDue(): QueuedEvent[] {
    if (this.pending.length === 0) return [];
    const earliest = Math.min(...this.pending.map((e) => e.notBefore));
    this.clock.advanceTo(earliest);
    const keys = new Set<string>();
    const due: QueuedEvent[] = [];
    const rest: QueuedEvent[] = [];
    for (const event of this.pending) {
      const key = event.concurrency?.key;
      const blocked = key !== undefined && keys.has(key);
      if (event.notBefore <= this.clock.now() && !blocked) {
        due.push(event);
        if (key !== undefined) keys.add(key);
      } else rest.push(event);
    }
    this.pending = rest;
    return due;
  }

  /**
   * Records a delivery that ended well. At-least-once delivery: now and then (seeded,
   * at `duplicateRate`, or when a test asked) the same event is delivered once more.
   */
  succeeded(event: QueuedEvent): boolean {
    if (!event.duplicate) this.settle(event, 'success');
    return this.maybeDuplicate(event);
  }

  private maybeDuplicate(event: QueuedEvent): boolean {
    if (event.duplicate) return false;
    const forced = this.forcedDuplicates > 0;
    if (!forced && !(this.duplicateRate > 0 && this.random() < this.duplicateRate)) return false;
    if (forced) this.forcedDuplicates -= 1;
    this.pending.push({ ...event, duplicate: true, notBefore: this.clock.now() + 1000 });
    return true;
  }

  /** Records an event Forge will not deliver again (e.g. its retryData was too large). */
  failed(event: QueuedEvent): void {
    if (!event.duplicate) this.settle(event, 'failed');
  }

  /**
   * Re-queues a failed delivery after `retryAfterSeconds`, as long as that is still
   * within the event's retention window; otherwise records it failed. Returns whether
   * it will be delivered again.
   */
  retry(event: QueuedEvent, retryAfterSeconds: number, reason: string, retryData?: unknown): boolean {
    if (this.cancelled.has(event.jobId)) return false;
    const next = this.clock.now() + Math.max(1, retryAfterSeconds) * 1000;
    if (next > event.firstDueAt + this.retentionWindowMs) {
      if (!event.duplicate) this.settle(event, 'failed');
      return false;
    }
    this.pending.push({
      ...event,
      retryCount: event.retryCount + 1,
      retryReason: reason,
      ...(retryData === undefined ? {} : { retryData }),
      notBefore: next
    });
    return true;
  }

  /** What the consumer is told about its retention window on a retry. */
  retentionOf(event: QueuedEvent): { startTime: string; remainingTimeMs: number } {
    return {
      startTime: new Date(event.firstDueAt).toISOString(),
      remainingTimeMs: Math.max(0, event.firstDueAt + this.retentionWindowMs - this.clock.now())
    };
  }

  private settle(event: QueuedEvent, outcome: 'success' | 'failed'): void {
    const job = this.jobs.get(event.jobId);
    if (!job) return;
    job.inProgress = Math.max(0, job.inProgress - 1);
    job[outcome] += 1;
  }
}

/** A seeded generator (the demo seed's), so a run can be replayed exactly. */
function seededRandom(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}
