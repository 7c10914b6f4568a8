import { kvs } from '@forge/kvs';
import { batchGetEntities } from './batch-get';
import { ENTITY, INDEX, KVS_LIMITS, groupKey } from './entities';
import { guarded } from './kvs-failure';
import { readAllPages } from './read-all-pages';
import type { GroupRecord } from './records';

/** Evidence groups by issue and group, in one storage round trip; keyed by `groupKey`. */
export function getGroups(
  keys: readonly { issueId: string; group: string }[]
): Promise<Map<string, GroupRecord>> {
  return batchGetEntities<GroupRecord>(
    ENTITY.evidenceGroup,
    keys.map((k) => groupKey(k.issueId, k.group))
  );
}

/** Every evidence group of an issue: a rebuild reads them, a normal write never does. */
export function groupsOfIssue(issueId: string): Promise<GroupRecord[]> {
  return guarded(async () => {
    const rows = await readAllPages((cursor) => {
      let builder = kvs
        .entity<GroupRecord>(ENTITY.evidenceGroup)
        .query()
        .index(INDEX.groupByIssue, { partition: [issueId] })
        .limit(KVS_LIMITS.pageSize);
      if (cursor) builder = builder.cursor(cursor);
      return builder.getMany();
    });
    return rows.map((row) => row.value);
  });
}
