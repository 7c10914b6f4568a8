import { isUnder } from '../domain/ancestry';
import type { Account } from '../domain/account';
import type { Insight } from '../domain/insight';
import type { Expect } from '../storage/write-set';
import type { LinkRecord } from '../storage/records';

/**
 * A change to evidence, described before it is written, so that the impacts it
 * affects can be recomputed from the state *after* it and committed in the same
 * transaction.
 */
export interface EvidenceChange {
  /** Links to write: new ones expect absence, rewrites the version they were read at. */
  linkSets: { link: LinkRecord; expect: Expect }[];
  linkDeletes: { issueId: string; insightId: string; expect: Expect }[];
  insightPuts: { insight: Insight; expect: Expect }[];
  insightDeletes: { id: string; expect: Expect }[];
  accountPuts: { account: Account; expect: Expect }[];
}

export function emptyChange(): EvidenceChange {
  return { linkSets: [], linkDeletes: [], insightPuts: [], insightDeletes: [], accountPuts: [] };
}

/** What a write of a link read from storage expects to find: the row as it was read. */
export function asRead(link: LinkRecord): Expect {
  return { version: link.version ?? 0 };
}

/** Rewrites a link read from storage, on condition that nobody changed or removed it since. */
export function rewriteLink(link: LinkRecord, next: LinkRecord): EvidenceChange['linkSets'][number] {
  return { link: next, expect: asRead(link) };
}

/** Removes a link read from storage, on condition that nobody changed it since. */
export function removeLink(link: LinkRecord): EvidenceChange['linkDeletes'][number] {
  return { issueId: link.issueId, insightId: link.insightId, expect: asRead(link) };
}

/** Does this link count toward the issue's (rolled-up) evidence? */
export function linkFallsUnder(link: LinkRecord, issueId: string): boolean {
  return (
    link.issueId === issueId ||
    link.parentId === issueId ||
    link.grandparentId === issueId ||
    (link.ancestorPath !== undefined && isUnder(link.ancestorPath, issueId))
  );
}
