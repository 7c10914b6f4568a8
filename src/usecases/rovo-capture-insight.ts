import { getIssuePlacement } from '../jira/get-issue';
import type { Actor, Env } from './actor';
import { requireCapability } from './capabilities';
import { captureAndLink } from './link-insights';
import type { InsightInput } from './prepare-capture';

/** What the capture action answers: what was stored and where, in words a person can read. */
export interface RovoCaptureAnswer {
  issueKey: string;
  insightId: string;
  /** The issue's customer-impact score with the new evidence. */
  score: number;
  message: string;
}

/**
 * Captures an insight into the project of the issue named by key and links it there, as
 * the acting user. Jira resolves the key as that user (an issue they cannot see is "not
 * found"), and only a contributor of that project may capture: the project page's
 * capture gate, stricter than the panel's (an editor who is no contributor adds evidence
 * in the panel, where they see what they link, not through a chat). The write itself is
 * the panel's capture-and-link: one transaction, nothing stored on refusal.
 */
export async function captureForRovo(
  actor: Actor,
  env: Env,
  issueKey: string,
  input: InsightInput
): Promise<RovoCaptureAnswer> {
  const issue = await getIssuePlacement(issueKey);
  await requireCapability(actor.accountId, issue.projectId, 'contribute');
  const result = await captureAndLink(actor, env, issue.id, input, '');
  const insightId = result.linked[0] ?? '';
  const conflicts = result.accountConflicts?.length ?? 0;
  // The stored account's values are identity the user may not be allowed to see: the
  // answer says that they differ, never what they are.
  const kept =
    conflicts > 0 ? ' The account already exists with other details; the stored ones were kept.' : '';
  return {
    issueKey: issue.key,
    insightId,
    score: result.impact?.score.score ?? 0,
    message: `Captured "${input.summary}" and linked it to ${issue.key}.${kept}`
  };
}
