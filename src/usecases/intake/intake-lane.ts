import { latestIntakeDeliveries, type IntakeDelivery } from '../../storage/intake-delivery-store';
import { getIntakeLane, saveIntakeLane, type IntakeLane } from '../../storage/intake-lane-store';
import { listIntakeSources } from '../../storage/intake-source-store';
import { pushEvents } from '../../sync/sync-queue';
import type { Env } from '../actor';

/**
 * Every source's deliveries are written through one lane, so together they keep the
 * import's pace (import-pacing: 1 500 of Forge's 4 000 write units a minute) however
 * many sources deliver at once; each source pacing itself would add the paces up.
 *
 * - All intake steps share one concurrency key: they run one at a time.
 * - The lane names the step whose turn it is. A step that is not it (a delivery's first
 *   event while another delivery is being written, or a repeated event) does nothing:
 *   the lane reaches its delivery when the ones before it are done.
 * - An idle lane is taken by the next event, which hands it to the oldest unfinished
 *   delivery, so each source's deliveries are written in the order they came.
 *
 * The lane's clock is the queue's delays, never a stored time: storage is billed the
 * minute it is written, and each step waits what its own writes cost.
 */
export const INTAKE_CONCURRENCY_KEY = 'intake';

/** A lane that expected a step for this long without seeing it lost that event: take it over. */
const STALE_LANE_MS = 20 * 60 * 1000;

/** Deliveries per source looked at for unfinished work: the newest, as unfinished ones are. */
const SCAN_PER_SOURCE = 25;

export interface LaneStep {
  sourceId: string;
  deliveryId: string;
  step: number;
}

const sameStep = (a: LaneStep, b: LaneStep): boolean =>
  a.sourceId === b.sourceId && a.deliveryId === b.deliveryId && a.step === b.step;

/** Pushes a step's event under the lane's key. */
export async function pushLaneStep(target: LaneStep, delayInSeconds: number): Promise<void> {
  await pushEvents([
    {
      body: { kind: 'intake', ...target },
      concurrencyKey: INTAKE_CONCURRENCY_KEY,
      ...(delayInSeconds > 0 ? { delayInSeconds } : {})
    }
  ]);
}

/** Queues `target` as the lane's next step, then records it as the one the lane waits for. */
export async function handLaneTo(target: LaneStep, delayInSeconds: number, env: Env): Promise<void> {
  await pushLaneStep(target, delayInSeconds);
  await saveIntakeLane({ expect: target, expectSetAt: env.now().toISOString() });
}

/**
 * Whether `event` may write now. If the lane is idle, it is handed to the oldest
 * unfinished delivery instead when that is another one (at once), and `event` waits its turn.
 */
export async function takeLane(event: LaneStep, env: Env): Promise<boolean> {
  const lane = await getIntakeLane();
  if (lane.expect && !stale(lane, env)) return sameStep(lane.expect, event);
  const oldest = await oldestUnfinishedDelivery();
  if (!oldest) {
    // Nothing left to write: a repeated event of a finished delivery.
    if (lane.expect) await saveIntakeLane({});
    return false;
  }
  const target = { sourceId: oldest.sourceId, deliveryId: oldest.deliveryId, step: oldest.steps };
  if (sameStep(target, event)) {
    await saveIntakeLane({ expect: target, expectSetAt: env.now().toISOString() });
    return true;
  }
  await handLaneTo(target, 0, env);
  return false;
}

/** After a delivery's last step: the lane goes to the next unfinished delivery, or rests. */
export async function passLane(delayInSeconds: number, env: Env): Promise<void> {
  const next = await oldestUnfinishedDelivery();
  if (!next) {
    await saveIntakeLane({});
    return;
  }
  await handLaneTo(
    { sourceId: next.sourceId, deliveryId: next.deliveryId, step: next.steps },
    delayInSeconds,
    env
  );
}

function stale(lane: IntakeLane, env: Env): boolean {
  const since = lane.expectSetAt ? Date.parse(lane.expectSetAt) : Number.NaN;
  return Number.isNaN(since) || env.now().getTime() - since > STALE_LANE_MS;
}

async function oldestUnfinishedDelivery(): Promise<IntakeDelivery | undefined> {
  const sources = await listIntakeSources();
  const logs = await Promise.all(sources.map((s) => latestIntakeDeliveries(s.sourceId, SCAN_PER_SOURCE)));
  const unfinished = logs.flat().filter((d) => !d.finished && d.chunksDone < d.chunks);
  unfinished.sort(
    (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.deliveryId.localeCompare(b.deliveryId)
  );
  return unfinished[0];
}
