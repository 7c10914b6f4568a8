import { z } from 'zod';
import { parseWith } from '../domain/parse';

/** Forge async queue that carries every update of Jira's copy of customer impact. */
export const SYNC_QUEUE = 'impact-sync';
/** The consumer's resolver method, as in manifest.yml. */
export const SYNC_METHOD = 'impact-sync';

const id = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/);

/**
 * What travels on the queue. Events carry ids only, never scores: the consumer reads the
 * current impact when it runs, so late or repeated events can never publish stale values.
 */
export const SyncEventSchema = z.discriminatedUnion('kind', [
  /** Publish these issues' stored impact to Jira. */
  z.strictObject({ kind: z.literal('publish'), issueIds: z.array(id).min(1).max(100) }),
  /** Recompute one page of a project's scores (settings changed, or the daily decay). */
  z.strictObject({
    kind: z.literal('rescore'),
    runId: id,
    projectId: id,
    cursor: z.string().max(2000).optional(),
    issuesDone: z.number().int().min(0).default(0)
  }),
  /** Take a widely linked insight's pending delete, merge or rescore a few transactions further. */
  z.strictObject({ kind: z.literal('insight-job'), insightId: id, projectId: id }),
  /** Rescore the next page of the issues an edited account's evidence feeds. */
  z.strictObject({ kind: z.literal('account-rescore'), accountKey: id, runId: id, projectId: id })
]);

export type SyncEvent = z.output<typeof SyncEventSchema>;
export type SyncEventInput = z.input<typeof SyncEventSchema>;

export function parseSyncEvent(input: unknown): SyncEvent {
  // Forge adds `retryContext` to a retried event's payload; it is not part of ours.
  const { retryContext: _retry, ...body } = (input ?? {}) as Record<string, unknown>;
  return parseWith(SyncEventSchema, body, 'sync event');
}
