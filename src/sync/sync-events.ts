import { z } from 'zod';
import { parseWith } from '../domain/parse';

/** Forge async queue that carries every update of Jira's copy of customer impact. */
export const SYNC_QUEUE = 'impact-sync';

const id = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/);

/**
 * What travels on the queue. Events carry ids only, never scores: the consumer reads the
 * current impact when it runs, so late or repeated events can never publish stale values.
 */
export const SyncEventSchema = z.discriminatedUnion('kind', [
  /** Publish these issues' stored impact to Jira. */
  z.strictObject({ kind: z.literal('publish'), issueIds: z.array(id).min(1).max(100) }),
  /**
   * Recompute page `page` of a project's scores (settings changed, or the daily decay).
   * The page is a step number, not a position: where it starts is checkpointed in
   * storage, so no cursor outlives the invocation that read it.
   */
  z.strictObject({ kind: z.literal('rescore'), runId: id, projectId: id, page: z.number().int().min(0) }),
  /** Step `step` of a sweep that (re)starts the chains of a run's projects, a slice at a time. */
  z.strictObject({ kind: z.literal('rescore-sweep'), runId: id, sweepId: id, step: z.number().int().min(0) }),
  /** Take a widely linked insight's pending delete, merge or rescore a few transactions further. */
  z.strictObject({ kind: z.literal('insight-job'), insightId: id, projectId: id }),
  /** Write chunk `step` of a CSV import as insights (progress is checkpointed in storage). */
  z.strictObject({
    kind: z.literal('import'),
    projectId: id,
    importId: id,
    step: z.number().int().min(0)
  }),
  /** Write chunk `step` of an intake delivery's accepted items (progress is checkpointed in storage). */
  z.strictObject({
    kind: z.literal('intake'),
    sourceId: id,
    deliveryId: id,
    step: z.number().int().min(0)
  }),
  /**
   * Tell the service requests behind a done issue's evidence that it shipped (one internal
   * comment each, once: told-records in storage make a repeated event post nothing).
   */
  z.strictObject({ kind: z.literal('loop-close'), issueId: id, projectId: id }),
  /** Rescore the next page of the issues an edited account's evidence feeds. */
  z.strictObject({ kind: z.literal('account-rescore'), accountKey: id, runId: id, projectId: id })
]);

export type SyncEvent = z.output<typeof SyncEventSchema>;
export type SyncEventInput = z.input<typeof SyncEventSchema>;

/** Parses a delivered event's `body` (Forge keeps `retryContext` out of it since 2.x). */
export function parseSyncEvent(body: unknown): SyncEvent {
  return parseWith(SyncEventSchema, body, 'sync event');
}
