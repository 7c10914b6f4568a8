import { z } from 'zod';
import type { LocalForge } from '../host/local-forge';

/**
 * The shell's status control: "Move to Done" and "Reopen" on the selected issue, done
 * the way a person does it in Jira, as the acting user through the local Jira's
 * transitions API. Jira then sends the issue-updated event to the app, exactly as for
 * any other change; the user's own permissions (Transition issues) decide.
 */
export const TransitionRequest = z.strictObject({
  accountId: z.string().min(1).max(128),
  issueId: z.string().regex(/^\d{1,18}$/, 'Must be a numeric Jira issue id'),
  /** `done`: into the done category; `open`: back to the first to-do status. */
  to: z.enum(['done', 'open'])
});

export type TransitionOutcome =
  { ok: true; status: string } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

interface TransitionList {
  transitions?: { id: string; name: string; to?: { statusCategory?: { key?: string } } }[];
}

function errorText(body: unknown, fallback: string): string {
  const messages = (body as { errorMessages?: unknown } | undefined)?.errorMessages;
  return Array.isArray(messages) && typeof messages[0] === 'string' ? messages[0] : fallback;
}

export function transitionAsUser(forge: LocalForge, input: unknown): TransitionOutcome {
  const parsed = TransitionRequest.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, message: `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? ''}` };
  }
  const { accountId, issueId, to } = parsed.data;
  const principal = { kind: 'user' as const, accountId };
  const path = `/rest/api/3/issue/${issueId}/transitions`;
  const listed = forge.jira.handle({
    method: 'GET',
    path,
    query: new URLSearchParams(),
    body: undefined,
    principal
  });
  if (listed.status !== 200)
    return { ok: false, status: 404, message: errorText(listed.body, 'The issue is not there.') };
  const category = to === 'done' ? 'done' : 'new';
  const transition = (listed.body as TransitionList).transitions?.find(
    (candidate) => candidate.to?.statusCategory?.key === category
  );
  if (!transition) {
    // Jira lists no transitions to a user without the permission; say which it is.
    const any = ((listed.body as TransitionList).transitions ?? []).length > 0;
    return any
      ? { ok: false, status: 409, message: `The issue is already ${to === 'done' ? 'done' : 'open'}.` }
      : {
          ok: false,
          status: 403,
          message: 'This user may not transition this issue (Transition issues permission).'
        };
  }
  const done = forge.jira.handle({
    method: 'POST',
    path,
    query: new URLSearchParams(),
    body: { transition: { id: transition.id } },
    principal
  });
  if (done.status !== 204)
    return { ok: false, status: 400, message: errorText(done.body, 'Jira refused it.') };
  return { ok: true, status: transition.name };
}
