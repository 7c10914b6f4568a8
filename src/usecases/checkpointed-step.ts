import type { ChainCheckpoint } from '../storage/rescore-store';

/** What became of one delivery of a chain step's event. */
export type StepOutcome = 'done' | 'requeued' | 'duplicate';

/**
 * Runs step `step` of a chain of queue events at most once, however often Forge
 * delivers its event (at least once). The chain's checkpoint says how many steps are
 * done and whether the next step's event is queued:
 *
 * - the step after the last one done: do it, save the checkpoint, then queue the next;
 * - the last step done, next not queued (the push failed): queue it now;
 * - anything else (an old or repeated event, a finished chain): nothing.
 *
 * A chain's events must run one at a time (one concurrency key), so the checkpoint is
 * only ever written by one of them.
 */
export async function runChainStep<S extends ChainCheckpoint>(args: {
  step: number;
  checkpoint: S;
  now: Date;
  save: (checkpoint: S) => Promise<void>;
  /** The step's work: the checkpoint to save (its own fields) and whether more follows. */
  work: (checkpoint: S) => Promise<{ checkpoint: S; more: boolean }>;
  queueNext: (step: number) => Promise<void>;
}): Promise<StepOutcome> {
  const { step, checkpoint, now, save, work, queueNext } = args;
  if (checkpoint.finished) return 'duplicate';
  if (step === checkpoint.steps - 1 && !checkpoint.nextQueued) {
    await queueNext(step + 1);
    await save({ ...checkpoint, nextQueued: true, updatedAt: now.toISOString() });
    return 'requeued';
  }
  if (step !== checkpoint.steps) return 'duplicate';
  const result = await work(checkpoint);
  const next: S = {
    ...result.checkpoint,
    steps: checkpoint.steps + 1,
    finished: !result.more,
    nextQueued: false,
    updatedAt: now.toISOString()
  };
  await save(next);
  if (result.more) {
    await queueNext(step + 1);
    await save({ ...next, nextQueued: true });
  }
  return 'done';
}
