import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { myPermissions, type Access } from '../jira/my-permissions';
import { cacheIssueAccess, getCachedIssueAccess } from '../storage/issue-access-store';

/**
 * How long "this user may browse this issue" is trusted without asking Jira again.
 * The panel's read answers from this cache in its single storage read; a user who
 * loses access to an issue may still read its evidence for at most this long.
 */
export const ISSUE_ACCESS_CACHE_MINUTES = 10;

const CachedSchema = z.object({ browse: z.literal(true) });

const HIDDEN = 'Issue does not exist or you do not have permission to see it.';

/**
 * Refuses (NOT_FOUND, as Jira does) a user who may not browse the issue. Forge's
 * context names the issue the module renders in, but nothing in Atlassian's docs says
 * an invocation proves the user may still see it, so the stricter reading is built:
 * a cached positive answer, else one Jira call whose positive answer is cached.
 */
export async function requireIssueBrowse(
  accountId: string,
  issueId: string,
  preloaded?: { access: unknown }
): Promise<void> {
  const cached = CachedSchema.safeParse(
    preloaded ? preloaded.access : await getCachedIssueAccess(accountId, issueId)
  );
  if (cached.success) return;
  const access = await myPermissions({ issueId }).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!access?.browse) throw new NotFoundError(HIDDEN);
  await cacheIssueAccess(accountId, issueId, ISSUE_ACCESS_CACHE_MINUTES);
}

/** Records what Jira just said about the user and the issue, so the next panel read is warm. */
export async function rememberIssueAccess(accountId: string, issueId: string, access: Access): Promise<void> {
  if (access.browse) await cacheIssueAccess(accountId, issueId, ISSUE_ACCESS_CACHE_MINUTES);
}
