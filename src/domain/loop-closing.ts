import { z } from 'zod';

/**
 * Closing the loop: when work that evidence backs is done, each service request the
 * evidence came from gets one internal comment naming the shipped issue. What is kept
 * per (shipped issue, request) is a told-record; it makes the comment happen once.
 *
 * - `posting`: written before the comment is sent. Found on a later run, it means the
 *   send may or may not have reached Jira: the request's comments are read to decide.
 * - `told`: the comment is there; nothing is sent again, whatever happens to the issue.
 * - `refused`: Jira said the request is gone or the app may not comment on it; retrying
 *   would never succeed, so it is not retried.
 */
export const ToldStateSchema = z.enum(['posting', 'told', 'refused']);
export type ToldState = z.output<typeof ToldStateSchema>;

export const ToldRequestSchema = z.object({
  requestKey: z.string(),
  state: ToldStateSchema,
  /** When the state was last set: for `told`, when the comment was posted. */
  at: z.string(),
  /** The account of the insight it came from, so the shipped view lists it under it. */
  accountKey: z.string().optional(),
  commentId: z.string().optional()
});
export type ToldRequest = z.output<typeof ToldRequestSchema>;

/** One shipped issue's told-records, by the request's Jira issue id. */
export const ToldRecordSchema = z.record(z.string(), ToldRequestSchema);
export type ToldRecord = z.output<typeof ToldRecordSchema>;

/** What an internal comment says of the shipped issue. */
export interface ShippedIssue {
  key: string;
  summary: string;
  /** The issue in Jira's browser view. */
  url: string;
}

/** The start of every such comment: also how a comment posted by an earlier run is recognised. */
export function toldCommentOpening(issueKey: string): string {
  return `Shipped: ${issueKey} `;
}

/**
 * The internal (agent-only) comment. Plain text: the service desk API takes the body as
 * text, and an agent reads it beside the request, so it names the issue, its summary and
 * where to open it, and says why the app wrote it.
 */
export function toldCommentBody(issue: ShippedIssue): string {
  return (
    `${toldCommentOpening(issue.key)}"${issue.summary}" is done.\n` +
    `${issue.url}\n\n` +
    'This request was linked to that work as customer evidence. You may want to let the customer know.'
  );
}

/** Whether a comment already on the request is this issue's told comment (see `posting`). */
export function isToldComment(body: string, issueKey: string): boolean {
  return body.startsWith(toldCommentOpening(issueKey));
}
