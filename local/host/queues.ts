import { randomUUID } from 'node:crypto';
import type { ServiceResponse } from './services';

/**
 * The local Forge async events service: what `@forge/events`' `Queue` talks to through
 * `__requestAtlassianAsApp` (`/webhook/queue/publish|stats|cancel/...`). Pushed events
 * wait here until the host delivers them to the queue's consumer; a job's stats count
 * its events as Forge does (success, in progress, failed).
 */
export interface QueuedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  /** Earliest delivery, on the host's logical clock (ms). */
  notBefore: number;
  concurrencyKey?: string;
  retryCount: number;
  retryReason?: string;
}

interface JobCounts {
  success: number;
  inProgress: number;
  failed: number;
}

/** Forge delivers an event at most this many extra times after its first attempt. */
export const MAX_RETRIES = 4;

const PUSH_LIMIT = 50;
const PAYLOAD_LIMIT_BYTES = 200 * 1024;

export class LocalQueues {
  private pending: QueuedEvent[] = [];
  private readonly jobs = new Map<string, JobCounts>();
  private readonly cancelled = new Set<string>();
  /** Logical time for delays and retry backoff, advanced by the host as it drains. */
  clock = 0;

  handle(path: string, body: unknown): ServiceResponse {
    const request = (body ?? {}) as Record<string, unknown>;
    const jobId = typeof request.jobId === 'string' ? request.jobId : '';
    const queueName = typeof request.queueName === 'string' ? request.queueName : '';
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(queueName, jobId, request.payload);
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

  private publish(queueName: string, jobId: string, payload: unknown): ServiceResponse {
    if (!Array.isArray(payload) || payload.length === 0 || payload.length > PUSH_LIMIT) {
      return { status: 400, body: { message: `Push between 1 and ${PUSH_LIMIT} events` } };
    }
    if (Buffer.byteLength(JSON.stringify(payload)) > PAYLOAD_LIMIT_BYTES) {
      return { status: 413, body: { errorMessage: 'Payload exceeds 200 KB' } };
    }
    const job = { success: 0, inProgress: 0, failed: 0 };
    this.jobs.set(jobId, job);
    for (const raw of payload as {
      body: Record<string, unknown>;
      delayInSeconds?: number;
      concurrency?: { key: string };
    }[]) {
      job.inProgress += 1;
      this.pending.push({
        queueName,
        jobId,
        eventId: randomUUID(),
        body: raw.body,
        notBefore: this.clock + (raw.delayInSeconds ?? 0) * 1000,
        ...(raw.concurrency ? { concurrencyKey: raw.concurrency.key } : {}),
        retryCount: 0
      });
    }
    return { status: 201, body: {} };
  }

  /** Drops every waiting event (the sandbox does, after seeding, before a full republish). */
  clear(): void {
    for (const event of this.pending) this.settle(event, 'failed');
    this.pending = [];
  }

  size(): number {
    return this.pending.length;
  }

  /**
   * Takes the events due now, at most one per concurrency key (events sharing a key run
   * one at a time, as Forge's `concurrency` option promises). When nothing is due yet,
   * the clock jumps to the next event's time: tests do not wait out real backoff.
   */
  takeDue(): QueuedEvent[] {
    if (this.pending.length === 0) return [];
    const earliest = Math.min(...this.pending.map((e) => e.notBefore));
    if (earliest > this.clock) this.clock = earliest;
    const keys = new Set<string>();
    const due: QueuedEvent[] = [];
    const rest: QueuedEvent[] = [];
    for (const event of this.pending) {
      const blocked = event.concurrencyKey !== undefined && keys.has(event.concurrencyKey);
      if (event.notBefore <= this.clock && !blocked) {
        due.push(event);
        if (event.concurrencyKey !== undefined) keys.add(event.concurrencyKey);
      } else rest.push(event);
    }
    this.pending = rest;
    return due;
  }

  succeeded(event: QueuedEvent): void {
    this.settle(event, 'success');
  }

  /** Re-queues the event with backoff, or records it failed after the last retry. */
  retry(event: QueuedEvent, retryAfterSeconds: number, reason: string): boolean {
    if (this.cancelled.has(event.jobId)) return false;
    if (event.retryCount >= MAX_RETRIES) {
      this.settle(event, 'failed');
      return false;
    }
    this.pending.push({
      ...event,
      retryCount: event.retryCount + 1,
      retryReason: reason,
      notBefore: this.clock + Math.max(1, retryAfterSeconds) * 1000
    });
    return true;
  }

  private settle(event: QueuedEvent, outcome: 'success' | 'failed'): void {
    const job = this.jobs.get(event.jobId);
    if (!job) return;
    job.inProgress = Math.max(0, job.inProgress - 1);
    job[outcome] += 1;
  }
}
