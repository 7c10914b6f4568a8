import { ENTITY, impactViewKey } from './entities';
import { impactToStored, type ImpactRecord } from './records';
import type { Expect, WriteSet } from './write-set';

/** Stages an issue's rank row (on condition) and, beside it, its view. */
export function putImpact(set: WriteSet, record: ImpactRecord, expect: Expect): void {
  const { row, view } = impactToStored(record);
  set.put(ENTITY.impact, record.issueId, row, expect);
  set.putBeside(impactViewKey(record.issueId), view);
}

/** Stages the removal of an issue's rank row (on condition) and its view. */
export function removeImpact(set: WriteSet, issueId: string, expect: Expect): void {
  set.remove(ENTITY.impact, issueId, expect);
  set.putBeside(impactViewKey(issueId), undefined);
}
