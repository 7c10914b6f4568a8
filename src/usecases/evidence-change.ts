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
  linkSets: LinkRecord[];
  linkDeletes: { issueId: string; insightId: string }[];
  insightPuts: { insight: Insight; expect: Expect }[];
  insightDeletes: { id: string; expect: Expect }[];
  accountPuts: { account: Account; expect: Expect }[];
}

export function emptyChange(): EvidenceChange {
  return { linkSets: [], linkDeletes: [], insightPuts: [], insightDeletes: [], accountPuts: [] };
}

/** Does this link count toward the issue's (rolled-up) evidence? */
export function linkFallsUnder(link: LinkRecord, issueId: string): boolean {
  return link.issueId === issueId || link.parentId === issueId || link.grandparentId === issueId;
}
