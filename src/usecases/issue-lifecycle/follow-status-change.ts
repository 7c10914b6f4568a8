import type { IssueState } from '../../jira/issue-states-as-app';
import { linksOfIssue } from '../../storage/link-store';
import type { Env } from '../actor';
import { queueLoopClosing } from '../loop-closing';
import { rederiveStatus } from './rederive-status';

/**
 * An issue changed status in Jira. Each insight linked to it is re-derived from every
 * issue it backs, as Jira has them now (see rederiveStatus), with the state the trigger
 * just read for this issue. When it is done, the service requests behind its evidence
 * are told through the queue (if its project opted in; loop-closing makes it once).
 */
export async function followStatusChange(state: IssueState, env: Env): Promise<void> {
  const insightIds = (await linksOfIssue(state.id)).map((link) => link.insightId);
  await rederiveStatus(insightIds, env.now, [state]);
  if (state.statusCategory === 'done') await queueLoopClosing(state);
}
