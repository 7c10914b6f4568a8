import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { guarded } from './kvs-failure';

/**
 * The intake lane: which delivery step holds the right to write next. All intake steps
 * run one at a time (one concurrency key), so only they write this record and it needs
 * no condition; a delivery's web trigger never writes it.
 */
const IntakeLaneSchema = z.object({
  expect: z
    .object({ sourceId: z.string(), deliveryId: z.string(), step: z.number().int().min(0) })
    .optional(),
  /** When `expect` was set: a lane whose expected step never came is taken over later. */
  expectSetAt: z.string().optional()
});
export type IntakeLane = z.output<typeof IntakeLaneSchema>;

const LANE_KEY = 'intake-lane';

export async function getIntakeLane(): Promise<IntakeLane> {
  const stored = await guarded(() => kvs.get<unknown>(LANE_KEY));
  const parsed = IntakeLaneSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

export async function saveIntakeLane(lane: IntakeLane): Promise<void> {
  await guarded(() => kvs.set(LANE_KEY, lane));
}
