import { AppError, ConflictError, UpstreamError } from '../../domain/errors';
import { intakePatch } from '../../domain/intake/item-digest';
import {
  InsightInputSchema,
  ServiceRequestRefSchema,
  type Insight,
  type ServiceRequestRef
} from '../../domain/insight';
import { requestIssueIdAsApp } from '../../jira/request-issue';
import { parseWith } from '../../domain/parse';
import {
  getIntakeDelivery,
  getStagedIntakeItems,
  saveIntakeDelivery,
  type DeliveryItemOutcome,
  type IntakeDelivery,
  type StagedIntakeItem
} from '../../storage/intake-delivery-store';
import { getInsights } from '../../storage/insight-store';
import type { Env } from '../actor';
import { startAccountRescore } from '../account-rescore';
import { runChainStep } from '../checkpointed-step';
import { delayAfter, writeUnitsOf } from '../import-pacing';
import { writeImportedRows, type RowToWrite } from '../import-write';
import { patchInsight } from '../insight-edits';
import { retryOnConflict } from '../retry-on-conflict';
import { handLaneTo, passLane, pushLaneStep, takeLane } from './intake-lane';

/** Who an intake source's insights are created by: the source, as no person sent them. */
export const intakeCreator = (sourceId: string): string => `intake:${sourceId}`;

/**
 * Queues step `step` of a delivery on the intake lane (intake-lane.ts): every source's
 * steps share one concurrency key, and the lane lets one delivery write at a time.
 */
export async function queueDeliveryStep(
  delivery: Pick<IntakeDelivery, 'sourceId' | 'deliveryId'>,
  step: number,
  delayInSeconds: number
): Promise<void> {
  await pushLaneStep({ sourceId: delivery.sourceId, deliveryId: delivery.deliveryId, step }, delayInSeconds);
}

/**
 * Step `step` of a delivery writes its staged chunk `step` and records each item's
 * outcome, then queues the next chunk after a delay that keeps the writes at the
 * import's pace (import-pacing). Only the step whose turn it is on the intake lane
 * writes, so deliveries of many sources together keep that one pace; after a delivery's
 * last chunk the lane goes to the oldest unfinished delivery. However often Forge
 * delivers the event, the step runs once (runChainStep); a step that failed half way
 * runs again and finishes the rest.
 */
export async function continueDelivery(
  event: { sourceId: string; deliveryId: string; step: number },
  env: Env
): Promise<void> {
  if (!(await takeLane(event, env))) return;
  const delivery = await getIntakeDelivery(event.sourceId, event.deliveryId);
  // Expired: nothing left to write here.
  if (!delivery) return passLane(0, env);
  let delay = 0;
  let more = true;
  const outcome = await runChainStep({
    step: event.step,
    checkpoint: delivery,
    now: env.now(),
    save: saveIntakeDelivery,
    work: async (checkpoint) => {
      const result = await writeChunk(checkpoint, env);
      delay = delayAfter(result.units);
      more = result.delivery.chunksDone < result.delivery.chunks;
      return { checkpoint: result.delivery, more };
    },
    queueNext: (step) =>
      handLaneTo({ sourceId: delivery.sourceId, deliveryId: delivery.deliveryId, step }, delay, env)
  });
  if (outcome === 'duplicate' || (outcome === 'done' && !more)) await passLane(delay, env);
}

async function writeChunk(
  delivery: IntakeDelivery,
  env: Env
): Promise<{ delivery: IntakeDelivery; units: number }> {
  const staged = await getStagedIntakeItems(delivery.sourceId, delivery.deliveryId, delivery.chunksDone);
  const receivedAt = new Date(delivery.receivedAt);
  const creator = intakeCreator(delivery.sourceId);
  const current = await getInsights(staged.map((s) => s.insightId));
  // New JSM items' requests, read together (only those whose sender left out the id).
  const requests = new Map(
    await Promise.all(
      staged
        .filter((s) => !current.has(s.insightId))
        .map(async (s) => [s.insightId, await requestRef(s.request)] as const)
    )
  );
  const outcomes: DeliveryItemOutcome[] = [];
  const fresh: RowToWrite[] = [];
  const edits: { item: StagedIntakeItem; stored: Insight }[] = [];
  for (const item of staged) {
    const stored = current.get(item.insightId);
    const base = { index: item.index, externalId: item.externalId, insightId: item.insightId };
    let input;
    try {
      input = parseWith(InsightInputSchema, item.input, `item ${item.index}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ ...base, outcome: 'rejected', reason: error.message });
      continue;
    }
    if (!stored) {
      const request = requests.get(item.insightId);
      fresh.push({
        line: item.index,
        id: item.insightId,
        input,
        importKey: item.importKey,
        ...(request ? { request } : {})
      });
    } else if (stored.importKey !== item.importKey) edits.push({ item, stored });
    // Written by an earlier attempt of this step, or by an earlier delivery since receipt.
    else if (stored.createdBy === creator && stored.createdAt === delivery.receivedAt)
      outcomes.push({ ...base, outcome: 'created' });
    else if (stored.updatedAt === delivery.receivedAt) outcomes.push({ ...base, outcome: 'updated' });
    else outcomes.push({ ...base, outcome: 'duplicate' });
  }

  let units = 0;
  const conflicts: NonNullable<IntakeDelivery['accountConflicts']> = [];
  if (fresh.length > 0) {
    const written = await retryOnConflict(() =>
      writeImportedRows({ accountId: creator }, delivery.projectId, receivedAt, fresh)
    );
    units += written.units;
    conflicts.push(...written.accountConflicts.map(({ line, ...c }) => ({ index: line, ...c })));
    for (const key of written.filledExisting) await startAccountRescore(key, delivery.projectId, env);
    for (const row of fresh) {
      outcomes.push({
        index: row.line,
        externalId: externalIdOf(staged, row.id),
        insightId: row.id,
        outcome: 'created'
      });
    }
  }
  // An edited ticket edits its insight, rescoring the issues it is evidence for; the
  // edit is dated at receipt, which tells a retried step that it is done.
  const editEnv: Env = { now: () => receivedAt, newId: env.newId };
  for (const { item, stored } of edits) {
    const base = { index: item.index, externalId: item.externalId, insightId: item.insightId };
    const input = parseWith(InsightInputSchema, item.input, `item ${item.index}`);
    try {
      const view = await patchInsight(
        editEnv,
        stored.projectId,
        item.insightId,
        intakePatch(input, item.undated === true),
        Promise.resolve(),
        item.importKey
      );
      units += writeUnitsOf(view);
      for (const c of view.accountConflicts ?? []) conflicts.push({ index: item.index, ...c });
      outcomes.push({ ...base, outcome: 'updated' });
    } catch (error) {
      // Storage trouble is retried with the event; an insight being deleted or merged by
      // a curator takes no edit, which the delivery reports instead of failing for good.
      if (!(error instanceof AppError) || error instanceof UpstreamError || error instanceof ConflictError)
        throw error;
      outcomes.push({ ...base, outcome: 'rejected', reason: error.message });
    }
  }

  const count = (what: DeliveryItemOutcome['outcome']): number =>
    outcomes.filter((o) => o.outcome === what).length;
  const next: IntakeDelivery = {
    ...delivery,
    chunksDone: delivery.chunksDone + 1,
    created: delivery.created + count('created'),
    updated: delivery.updated + count('updated'),
    duplicates: delivery.duplicates + count('duplicate'),
    rejected: delivery.rejected + count('rejected'),
    outcomes: [...delivery.outcomes, ...outcomes].sort((a, b) => a.index - b.index)
  };
  const allConflicts = [...(delivery.accountConflicts ?? []), ...conflicts];
  if (allConflicts.length > 0) next.accountConflicts = allConflicts;
  // The checkpoint's own write.
  units += writeUnitsOf(next);
  return { delivery: next, units };
}

/**
 * A JSM item's request as the insight keeps it: with the id the sender gave, or else the
 * one Jira has for its key (read as the app, one call per item that lacks it).
 */
async function requestRef(staged: StagedIntakeItem['request']): Promise<ServiceRequestRef | undefined> {
  if (!staged) return undefined;
  const issueId = staged.issueId ?? (await requestIssueIdAsApp(staged.issueKey));
  const parsed = ServiceRequestRefSchema.safeParse({ issueId, issueKey: staged.issueKey });
  return parsed.success ? parsed.data : undefined;
}

function externalIdOf(staged: readonly StagedIntakeItem[], insightId: string): string {
  return staged.find((s) => s.insightId === insightId)?.externalId ?? '';
}
