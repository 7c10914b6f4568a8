import { ForbiddenError } from '../domain/errors';
import { requireIssueBrowse } from '../usecases/issue-access';
import { requireCapability } from '../usecases/capabilities';
import { requireIssue, requireProject, type TrustedContext } from './trusted-context';

/**
 * Who may call an endpoint, declared once per endpoint in each surface's wiring. Every
 * gate is decided from Forge's trusted context (the acting user, the issue or project
 * the module renders in) and Jira's answer about that user, never from a payload id.
 *
 * - `browse-issue`: may browse the context issue (cached per user and issue).
 * - `browse-issue-in-read`: the same, checked by the use case inside its one storage
 *   read (the panel's first paint).
 * - `browse-project`: may browse the context project.
 * - `contribute` / `curate`: holds that role in the context project (domain/roles).
 * - `curate-beside-read`: the same as `curate`, checked by the use case beside its first
 *   storage read and before anything is written or answered (an edit, whose writes
 *   depend on what it reads, would otherwise wait for the check and then for that read).
 * - `change-issue-evidence`: may edit the target issue, or contributes in its project
 *   and may browse it; checked by the use case against the issue the payload names,
 *   after checking that issue belongs to the context.
 * - `administer`: Jira administrator; checked by the use case (admin-settings).
 * - `contribute-in-named-project`: contributes in the project the payload names (the
 *   issue action on a service request, whose context is the request's own project);
 *   checked by the use case, with Jira, before it reads or writes anything else.
 */
export type Gate =
  | 'browse-issue'
  | 'browse-issue-in-read'
  | 'browse-project'
  | 'contribute'
  | 'curate'
  | 'curate-beside-read'
  | 'change-issue-evidence'
  | 'administer'
  | 'contribute-in-named-project';

export type SurfaceGates<K extends string> = { readonly [P in K]: Gate };

/** Gates checked here rather than in the use case; reads may run beside their use case. */
export function gateCheck(
  gate: Gate,
  context: TrustedContext
): { before: boolean; check: () => Promise<void> } | null {
  switch (gate) {
    case 'browse-issue':
      return { before: false, check: () => requireIssueBrowse(context.accountId, requireIssue(context)) };
    case 'browse-project':
      return {
        before: false,
        check: () => requireCapability(context.accountId, requireProject(context), 'browse')
      };
    case 'contribute':
    case 'curate':
      return {
        before: true,
        check: () => requireCapability(context.accountId, requireProject(context), gate)
      };
    case 'browse-issue-in-read':
    case 'curate-beside-read':
    case 'change-issue-evidence':
    case 'administer':
    case 'contribute-in-named-project':
      return null;
    default:
      throw new ForbiddenError('This action is not available.');
  }
}

/**
 * Runs a call under its gate. A write's gate is passed before the use case starts; a
 * read's gate runs beside it (reads change nothing), and a refused gate wins over
 * whatever the read found, so a refused user learns nothing from it.
 */
export async function underGate<T>(gate: Gate, context: TrustedContext, run: () => Promise<T>): Promise<T> {
  const guard = gateCheck(gate, context);
  if (!guard) return run();
  if (guard.before) {
    await guard.check();
    return run();
  }
  const [allowed, value] = await Promise.allSettled([guard.check(), run()]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (value.status === 'rejected') throw value.reason;
  return value.value;
}
