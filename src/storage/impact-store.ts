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

/** Orders a project's rank rows can be read in, each from its own index, highest first. */
export type RankOrder = 'score' | 'accounts' | 'arr' | 'newest';

const ORDER_INDEX: Readonly<Record<Exclude<RankOrder, 'score'>, string>> = {
  accounts: INDEX.impactByProjectAccounts,
  arr: INDEX.impactByProjectArr,
  newest: INDEX.impactByProjectNewest
};

/**
 * A project's issues ordered by score, highest first: one index query whatever the
 * project's size, because the index is sorted by score; rows are small (no cards). With
 * a level band, the band's own index: a page of epics is as full as a page of all issues.
 * Another order (accounts, revenue, newest evidence) reads its own index of the whole
 * project; those have no band indexes (an entity has seven), so a band is the caller's
 * filter there.
 */
export async function rankByProject(
  projectId: string,
  cursor: string | undefined,
  limit: number,
  band?: LevelBand,
  order: RankOrder = 'score'
): Promise<{ rows: RankRow[]; cursor?: string }> {
  const [index, partition] =
    order !== 'score'
      ? [ORDER_INDEX[order], [projectId]]
      : band === undefined
        ? [INDEX.impactByProjectScore, [projectId]]
        : [INDEX.impactByProjectBandScore, [projectId, band]];
  let builder = kvs
    .entity<RankRow>(ENTITY.impact)
    .query()
    .index(index, { partition })
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
