import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, entityKey } from './entities';
import { guarded } from './kvs-failure';
import { impactFromStored, type ImpactRecord, type StoredImpact } from './records';

/** The panel's hot read: one entity get, no query. */
export async function getImpact(issueId: string): Promise<ImpactRecord | undefined> {
  const row = await guarded(() => kvs.entity<StoredImpact>(ENTITY.impact).get(entityKey(issueId, 'issue id')));
  return row ? impactFromStored(row) : undefined;
}

export async function getImpacts(issueIds: readonly string[]): Promise<Map<string, ImpactRecord>> {
  const rows = await batchGetEntities<StoredImpact>(
    ENTITY.impact,
    issueIds.map((id) => entityKey(id, 'issue id'))
  );
  return new Map([...rows].map(([id, row]) => [id, impactFromStored(row)]));
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
    .entity<StoredImpact>(ENTITY.impact)
    .query()
    .index(INDEX.impactByProjectScore, { partition: [projectId] })
    .sort(Sort.DESC)
    .limit(limit);
  if (cursor) builder = builder.cursor(cursor);
  const page = await guarded(() => builder.getMany());
  const rows = page.results.map((row) => impactFromStored(row.value));
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
    .entity<StoredImpact>(ENTITY.impact)
    .query()
    .index(INDEX.impactByProjectIssue, { partition: [projectId] })
    .sort(Sort.ASC)
    .limit(limit);
  if (afterIssueId !== undefined) builder = builder.where(WhereConditions.greaterThan(afterIssueId));
  const page = await guarded(() => builder.getMany());
  return page.results.map((row) => impactFromStored(row.value));
}
