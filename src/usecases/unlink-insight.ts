import { NotFoundError } from '../domain/errors';
import type { IssueImpact } from '../domain/impact';
import { myPermissions } from '../jira/my-permissions';
import { getLinks } from '../storage/link-store';
import type { Actor, Env } from './actor';
import { requireIssueEvidenceChange } from './capabilities';
import { applyChange } from './apply-change';
import { emptyChange, removeLink } from './evidence-change';
import { affectedChain } from './link-insights';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Removes one insight from an issue. The link row knows the issue's ancestors, so only
 * the permission check goes to Jira; the link, the insight's status and every affected
 * impact change in one transaction. An insight with no link left goes back to the inbox.
 */
export async function unlinkInsight(
  actor: Actor,
  env: Env,
  issueId: string,
  insightId: string,
  inProject?: string
): Promise<IssueImpact | null> {
  // The permission check and the link (which names the issue's ancestors) in parallel.
  const [access, links] = await Promise.all([myPermissions({ issueId }), getLinks(issueId, [insightId])]);
  const link = links.get(insightId);
  // An issue id from a payload must belong to the project the user acts in.
  if (!link || (inProject !== undefined && link.projectId !== inProject))
    throw new NotFoundError('That insight is not linked to this issue.');
  await requireIssueEvidenceChange(actor.accountId, link.projectId, access);
  return retryOnConflict(async () => {
    const results = await applyChange(
      {
        prefetch: [insightId],
        build: ({ linksOf, insights }) => {
          const current = linksOf(issueId).find((l) => l.issueId === issueId && l.insightId === insightId);
          if (!current) throw new NotFoundError('That insight is not linked to this issue.');
          const change = emptyChange();
          change.linkDeletes.push(removeLink(current));
          const insight = insights.get(insightId);
          if (insight) {
            const linkCount = Math.max(0, insight.linkCount - 1);
            change.insightPuts.push({
              insight: {
                ...insight,
                linkCount,
                status: linkCount === 0 && insight.status === 'linked' ? 'new' : insight.status,
                version: insight.version + 1
              },
              expect: { version: insight.version }
            });
          }
          return change;
        }
      },
      affectedChain(link),
      env.now()
    );
    return results.get(issueId) ?? null;
  });
}
