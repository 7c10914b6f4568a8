import type { z } from 'zod';
import type { RequestSendPayload } from '../contract/payloads';
import type { RequestSendView } from '../contract/views';
import { NotFoundError } from '../domain/errors';
import { InsightInputSchema, ServiceRequestRefSchema } from '../domain/insight';
import { parseWith } from '../domain/parse';
import { getIssuePlacement } from '../jira/get-issue';
import { readServiceRequest } from '../jira/service-desk-request';
import type { Actor, Env } from './actor';
import { requireCapability } from './capabilities';
import { captureAndLink } from './link-insights';

type SendPayload = z.output<typeof RequestSendPayload>;

/**
 * Sends a service request to the evidence: one insight in the chosen product project,
 * linked to the chosen issue there, remembering the request it came from and linking
 * back to it. Nothing in the payload is taken on trust:
 *
 * - the request is the issue Forge renders the action on, read again as the user (404
 *   when they may not access it), and its id, key and link come from that read;
 * - the user must contribute in the named project (the capture gate), checked with Jira;
 * - the named issue must be one they can see, in that project (404 otherwise, as Jira
 *   answers for an issue one may not see); linking then checks they may change its
 *   evidence.
 *
 * Every check passes before anything is written: a refusal changes nothing.
 */
export async function sendRequestToEvidence(
  actor: Actor,
  env: Env,
  requestIssueId: string,
  payload: SendPayload
): Promise<RequestSendView> {
  // Read together; refusals are reported in a fixed order whatever answers first: the
  // request, then the role in the project, then the issue.
  const [read, allowed, placed] = await Promise.allSettled([
    readServiceRequest(requestIssueId),
    requireCapability(actor.accountId, payload.projectId, 'contribute'),
    getIssuePlacement(payload.issueId)
  ]);
  if (read.status === 'rejected') throw read.reason;
  if (allowed.status === 'rejected') throw allowed.reason;
  if (placed.status === 'rejected') throw placed.reason;
  const request = read.value;
  const placement = placed.value;
  if (placement.projectId !== payload.projectId)
    throw new NotFoundError('That issue is not in this project.');
  const origin = ServiceRequestRefSchema.parse({ issueId: request.issueId, issueKey: request.issueKey });
  const input = parseWith(
    InsightInputSchema,
    {
      summary: payload.summary,
      quote: payload.quote,
      sourceKind: 'ticket',
      ...(request.url ? { sourceUrl: request.url } : {}),
      ...(payload.account ? { account: payload.account } : {}),
      severity: payload.severity,
      observedAt: request.createdAt ?? env.now().toISOString()
    },
    'request/send'
  );
  const result = await captureAndLink(actor, env, placement.id, input, payload.note, { request: origin });
  const insightId = result.linked[0];
  if (insightId === undefined) throw new NotFoundError('The evidence could not be linked to that issue.');
  return {
    insightId,
    issueId: placement.id,
    issueKey: placement.key,
    projectId: placement.projectId,
    requestKey: request.issueKey,
    ...(result.accountConflicts ? { accountConflicts: result.accountConflicts } : {})
  };
}
