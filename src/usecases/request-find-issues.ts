import type { IssueHit } from '../contract/views';
import type { Actor } from './actor';
import { readBesideCheck, requireCapability } from './capabilities';
import { findIssues } from './find-issues';

/**
 * Product issues to send a request's evidence to, by key or text, in a project the user
 * contributes to; the search runs beside the check and a refusal wins over its results.
 */
export function findIssuesForRequest(actor: Actor, projectId: string, query: string): Promise<IssueHit[]> {
  return readBesideCheck(
    requireCapability(actor.accountId, projectId, 'contribute'),
    findIssues(projectId, query)
  );
}
