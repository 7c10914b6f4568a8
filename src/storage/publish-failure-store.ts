import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { entityKey } from './entities';
import { guarded } from './kvs-failure';

/**
 * Issues whose `customer-impact` property Jira's bulk task could not set, per project:
 * one small record each, written only by that project's (serial) queue events, so two
 * writers never race. An issue leaves its record once a publish succeeds.
 */
export interface PublishFailure {
  attempts: number;
  lastError: string;
  firstFailedAt: string;
  lastFailedAt: string;
}

const PREFIX = 'publish-failures:';
/** A record keeps at most this many issues: enough to show an admin what is wrong. */
export const MAX_RECORDED_FAILURES = 100;

const RecordSchema = z.record(
  z.string(),
  z.object({
    attempts: z.number().int().min(1),
    lastError: z.string(),
    firstFailedAt: z.string(),
    lastFailedAt: z.string()
  })
);

const keyOf = (projectId: string): string => `${PREFIX}${entityKey(projectId, 'project id')}`;

function parse(value: unknown): Record<string, PublishFailure> {
  const parsed = RecordSchema.safeParse(value);
  // A record this version cannot read is bookkeeping only: start it afresh.
  return parsed.success ? parsed.data : {};
}

export async function getPublishFailures(projectId: string): Promise<Record<string, PublishFailure>> {
  return parse(await guarded(() => kvs.get<unknown>(keyOf(projectId))));
}

export async function savePublishFailures(
  projectId: string,
  failures: Record<string, PublishFailure>
): Promise<void> {
  if (Object.keys(failures).length === 0) await guarded(() => kvs.delete(keyOf(projectId)));
  else await guarded(() => kvs.set(keyOf(projectId), failures));
}

/** Every project's record (first 100 projects with failures), for the admin page. */
export async function listPublishFailures(): Promise<Map<string, Record<string, PublishFailure>>> {
  const page = await guarded(() =>
    kvs.query().where('key', WhereConditions.beginsWith(PREFIX)).limit(100).getMany<unknown>()
  );
  const records = new Map<string, Record<string, PublishFailure>>();
  for (const item of page.results) records.set(item.key.slice(PREFIX.length), parse(item.value));
  return records;
}
