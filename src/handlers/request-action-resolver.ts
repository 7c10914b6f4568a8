import { requestPayloads, type RequestContract } from '../contract/surfaces';
import { findIssuesForRequest } from '../usecases/request-find-issues';
import { prefillFromRequest } from '../usecases/request-prefill';
import { sendRequestToEvidence } from '../usecases/request-send';
import { defineSurface } from './define-surface';
import type { SurfaceGates } from './endpoint-gates';
import { requireIssue } from './trusted-context';

/**
 * Who may call each endpoint of the issue action. The request is Forge's context issue;
 * the product project the evidence goes to comes from the payload, so its role check is
 * the use case's (see endpoint-gates).
 */
export const REQUEST_ACTION_GATES: SurfaceGates<keyof RequestContract> = {
  'request/prefill': 'browse-issue',
  'request/findIssues': 'contribute-in-named-project',
  'request/send': 'contribute-in-named-project'
};

/**
 * "Send to customer evidence", the issue action on Jira Service Management requests. Its
 * own function rather than the panel's: it renders on requests, not product issues, its
 * gates name a project from the payload, and the panel's resolver stays as it is.
 */
export const requestActionResolver = defineSurface<RequestContract>(
  requestPayloads,
  {
    'request/prefill': (p, ctx) => prefillFromRequest(ctx, requireIssue(ctx), p.projectId),
    'request/findIssues': (p, ctx) => findIssuesForRequest(ctx, p.projectId, p.query),
    'request/send': (p, ctx, env) => sendRequestToEvidence(ctx, env, requireIssue(ctx), p)
  },
  REQUEST_ACTION_GATES,
  {
    // The customer's organizations name accounts: a masked user picks none of them.
    'request/prefill': (view, r) => (r.allowed ? view : { ...view, account: null, organizations: [] }),
    'request/findIssues': 'no-identity',
    'request/send': (view, r) =>
      view.accountConflicts ? { ...view, accountConflicts: r.conflicts(view.accountConflicts) } : view
  }
);
