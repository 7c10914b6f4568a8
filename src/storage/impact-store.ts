import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, entityKey } from './entities';
import { guarded } from './kvs-failure';
import type { ImpactRecord } from './records';

/** The panel's hot read: one entity get, no query. */
export async function getImpact(issueId: string): Promise<ImpactRecord | undefined> {
  return guarded(() => kvs.entity<ImpactRecord>(ENTITY.impact).get(entityKey(issueId, 'issue id')));
}

export function getImpacts(issueIds: readonly string[]): Promise<Map<string, ImpactRecord>> {
  return batchGetEntities<ImpactRecord>(
    ENTITY.impact,
    issueIds.map((id) => entityKey(id, 'issue id'))
  );
}

/**
 * A project's issues ordered by score, highest first: one index query whatever the
 * project's size, because the index is sorted by score.
 */
export async function rankByProject(
  projectId: string,
  cursor: string | undefined,
  limit: number
): Promise<{ rows: ImpactRecord[]; cursor?: string }> {
  let builder = kvs
    .entity<ImpactRecord>(ENTITY.impact)
    .query()
    .index(INDEX.impactByProjectScore, { partition: [projectId] })
    .sort(Sort.DESC)
    .limit(limit);
  if (cursor) builder = builder.cursor(cursor);
  const page = await guarded(() => builder.getMany());
  const rows = page.results.map((row) => row.value);
  return page.nextCursor ? { rows, cursor: page.nextCursor } : { rows };
}

/**
 * Up to `limit` of a project's impacts in issue-id order, after `afterIssueId` when
 * given: a walk whose position is a stable key (rescoring changes scores, never ids),
 * so it can be checkpointed between invocations without keeping a cursor.
 */
export async function impactsAfter(
  projectId: string,
  afterIssueId: string | undefined,
  limit: number
): Promise<ImpactRecord[]> {
  let builder = kvs
    .entity<ImpactRecord>(ENTITY.impact)
    .query()
    .index(INDEX.impactByProjectIssue, { partition: [projectId] })
    .sort(Sort.ASC)
    .limit(limit);
  if (afterIssueId !== undefined) builder = builder.where(WhereConditions.greaterThan(afterIssueId));
  const page = await guarded(() => builder.getMany());
  return page.results.map((row) => row.value);
}
