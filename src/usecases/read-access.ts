import type { AccessView } from '../contract/views';
import { NotFoundError } from '../domain/errors';
import { myPermissions } from '../jira/my-permissions';
import { projectCapabilities } from './capabilities';
import { rememberIssueAccess } from './issue-access';

/** What the acting user may do with the issue's evidence, for the panel to show only that. */
export async function issueAccessView(
  accountId: string,
  issueId: string,
  projectId: string
): Promise<AccessView> {
  const [onIssue, caps] = await Promise.all([
    myPermissions({ issueId }),
    projectCapabilities(accountId, projectId)
  ]);
  if (!onIssue.browse)
    throw new NotFoundError('Issue does not exist or you do not have permission to see it.');
  await rememberIssueAccess(accountId, issueId, onIssue);
  return {
    // As capabilities.mayChangeIssueEvidence: editors of this issue, and contributors.
    canEdit: onIssue.edit || onIssue.administer || onIssue.administerProject || caps.contribute,
    canContribute: caps.contribute,
    canCurate: caps.curate
  };
}

/** What the acting user may do in the project, for the project page to show only that. */
export async function projectAccessView(accountId: string, projectId: string): Promise<AccessView> {
  const caps = await projectCapabilities(accountId, projectId);
  return { canEdit: caps.contribute, canContribute: caps.contribute, canCurate: caps.curate };
}
