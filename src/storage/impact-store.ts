import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { LevelBand } from '../domain/ancestry';
import { batchGetEntities, batchGetItems } from './batch-get';
import { ENTITY, INDEX, entityKey, impactViewKey } from './entities';
import { guarded } from './kvs-failure';
import { impactFromStored, type ImpactRecord, type ImpactView, type RankRow } from './records';

/** An issue's impact with its read model: the rank row and its view in one batch. */
export async function getImpact(issueId: string): Promise<ImpactRecord | undefined> {
  return (await getImpacts([issueId])).get(issueId);
}

/** Impacts with their read models, in one storage round trip. */
export async function getImpacts(issueIds: readonly string[]): Promise<Map<string, ImpactRecord>> {
  const items = await batchGetItems<RankRow | ImpactView>(
    issueIds.flatMap((id) => [
      { key: entityKey(id, 'issue id'), entityName: ENTITY.impact },
      { key: impactViewKey(id) }
    ])
  );
  const rows = new Map<string, RankRow>();
  const views = new Map<string, ImpactView>();
  for (const item of items) {
    if (item.entityName === ENTITY.impact) rows.set(item.key, item.value as RankRow);
    else views.set(item.key, item.value as ImpactView);
  }
  // In the order asked for, whatever order the batch answered in (retried keys come later).
  const out = new Map<string, ImpactRecord>();
  for (const id of issueIds) {
    const row = rows.get(id);
    if (row) out.set(id, impactFromStored(row, views.get(impactViewKey(id))));
  }
  return out;
}

/** Only the rank rows (scores and counts, no cards): what ranking and Jira need. */
export function getRankRows(issueIds: readonly string[]): Promise<Map<string, RankRow>> {
  return batchGetEntities<RankRow>(
    ENTITY.impact,
    issueIds.map((id) => entityKey(id, 'issue id'))
  );
}

/**
 * A project's issues ordered by score, highest first: one index query whatever the
 * project's size, because the index is sorted by score; rows are small (no cards). With
 * a level band, the band's own index: a page of epics is as full as a page of all issues.
 */
export async function rankByProject(
  projectId: string,
  cursor: string | undefined,
  limit: number,
  band?: LevelBand
): Promise<{ rows: RankRow[]; cursor?: string }> {
  let builder = kvs
    .entity<RankRow>(ENTITY.impact)
    .query()
    .index(band === undefined ? INDEX.impactByProjectScore : INDEX.impactByProjectBandScore, {
      partition: band === undefined ? [projectId] : [projectId, band]
    })
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
): Promise<RankRow[]> {
  let builder = kvs
    .entity<RankRow>(ENTITY.impact)
    .query()
    .index(INDEX.impactByProjectIssue, { partition: [projectId] })
    .sort(Sort.ASC)
    .limit(limit);
  if (afterIssueId !== undefined) builder = builder.where(WhereConditions.greaterThan(afterIssueId));
  const page = await guarded(() => builder.getMany());
  return page.results.map((row) => row.value);
}
