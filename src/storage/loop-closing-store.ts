import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { ToldRecordSchema, type ToldRecord } from '../domain/loop-closing';
import { batchGetItems } from './batch-get';
import { loopClosingSettingKey, toldRequestsKey } from './entities';
import { guarded } from './kvs-failure';

const SettingSchema = z.object({ enabled: z.boolean() });

/** Whether the project tells service requests when work ships; off until a curator turns it on. */
export async function getLoopClosingSetting(projectId: string): Promise<boolean> {
  const parsed = SettingSchema.safeParse(
    await guarded(() => kvs.get<unknown>(loopClosingSettingKey(projectId)))
  );
  return parsed.success && parsed.data.enabled;
}

export async function saveLoopClosingSetting(projectId: string, enabled: boolean): Promise<void> {
  await guarded(() => kvs.set(loopClosingSettingKey(projectId), { enabled }));
}

function parse(value: unknown): ToldRecord {
  const parsed = ToldRecordSchema.safeParse(value);
  // Unreadable bookkeeping must not re-tell anyone: it reads as told by nobody only if
  // absent; a record of another shape is a bug to see, not to paper over.
  if (!parsed.success) throw new Error('A told-requests record has an unexpected shape.');
  return parsed.data;
}

/**
 * The requests told about one shipped issue, by request issue id. Written only by the
 * loop-closing events of the issue's project, which run one at a time, so a plain
 * read-then-set has no concurrent writer to lose.
 */
export async function getToldRequests(issueId: string): Promise<ToldRecord> {
  const stored = await guarded(() => kvs.get<unknown>(toldRequestsKey(issueId)));
  return stored === undefined ? {} : parse(stored);
}

export async function saveToldRequests(issueId: string, record: ToldRecord): Promise<void> {
  await guarded(() => kvs.set(toldRequestsKey(issueId), record));
}

/** Told-records of many shipped issues (the Shipped view's page), in one batch read. */
export async function getToldRequestsOf(issueIds: readonly string[]): Promise<Map<string, ToldRecord>> {
  const found = await batchGetItems<unknown>(issueIds.map((id) => ({ key: toldRequestsKey(id) })));
  const byKey = new Map(found.map((item) => [item.key, item.value]));
  const records = new Map<string, ToldRecord>();
  for (const id of issueIds) {
    const value = byKey.get(toldRequestsKey(id));
    if (value !== undefined) records.set(id, parse(value));
  }
  return records;
}
