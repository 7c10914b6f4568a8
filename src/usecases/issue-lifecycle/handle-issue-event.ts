import type { IssueLifecycleEvent } from '../../domain/issue-event';
import { issueStatesAsApp } from '../../jira/issue-states-as-app';
import type { Env } from '../actor';
import { followIssueMove } from './follow-issue-move';
import { followStatusChange } from './follow-status-change';
import { forgetDeletedIssue } from './forget-deleted-issue';
import { forgetDeletedProject } from './forget-deleted-project';

/**
 * Keeps evidence in step with an issue's life in Jira. Events can come late, twice or out
 * of order, so none is trusted for state: the issue is re-read as the app (one read, before
 * any write) and every step converges on what Jira says now.
 */
export async function handleIssueEvent(event: IssueLifecycleEvent, env: Env): Promise<void> {
  if (event.kind === 'projectDeleted') {
    await forgetDeletedProject(event.projectId, env);
    return;
  }
  if (event.kind === 'deleted') {
    await forgetDeletedIssue(event, env);
    return;
  }
  // Every ancestor only when the issue moved: a status change needs none.
  const { states } = await issueStatesAsApp([event.issueId], { ancestors: event.placementChanged });
  const state = states.get(event.issueId);
  // Jira confirmed it gone since the update (a direct read's 404): its deleted event does
  // the rest. Anything short of that was a throw, and the event comes back later.
  if (!state) return;
  if (event.placementChanged) await followIssueMove(state, env);
  if (event.statusChanged) await followStatusChange(state, env);
}
