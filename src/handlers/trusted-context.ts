import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';

/**
 * What Forge itself vouches for on an invocation: the acting user and the issue or
 * project the module is rendered in. Authorisation starts here, never from a payload.
 */
export interface TrustedContext {
  accountId: string;
  issueId?: string;
  projectId?: string;
}

const ContextSchema = z.object({
  accountId: z.string().min(1).optional(),
  extension: z
    .object({
      issue: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
      project: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).optional()
    })
    .optional()
});

export function trustedContext(raw: unknown): TrustedContext {
  const parsed = ContextSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.accountId) {
    throw new ForbiddenError('Sign in to Jira to use customer evidence.');
  }
  const context: TrustedContext = { accountId: parsed.data.accountId };
  const issueId = parsed.data.extension?.issue?.id;
  const projectId = parsed.data.extension?.project?.id;
  if (issueId) context.issueId = issueId;
  if (projectId) context.projectId = projectId;
  return context;
}

export function requireIssue(context: TrustedContext): string {
  if (!context.issueId) throw new ForbiddenError('This action is only available on an issue.');
  return context.issueId;
}

export function requireProject(context: TrustedContext): string {
  if (!context.projectId) throw new ForbiddenError('This action is only available in a project.');
  return context.projectId;
}
