import { NotFoundError } from '../domain/errors';
import type { IssueImpact } from '../domain/impact';
import { statusOfLinked } from '../domain/insight';
import { issueStatesAsApp } from '../jira/issue-states-as-app';
import { myPermissions } from '../jira/my-permissions';
import { linkKey } from '../storage/entities';
import { getInsights } from '../storage/insight-store';
import { getLinks, linksOfInsight } from '../storage/link-store';
import { getScoringSettings } from '../storage/settings-store';
import type { LinkRecord } from '../storage/records';
import type { Actor, Env } from './actor';
import { requireIssueEvidenceChange } from './capabilities';
import { applyChange } from './apply-change';
import { emptyChange, removeLink } from './evidence-change';
import { affectedChain } from './link-insights';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Removes one insight from an issue. The link row knows the issue's ancestors, so Jira is
 * asked only for the permission and for the state of the insight's other issues; the
 * link, the insight's status and every affected impact change in one transaction. The insight's status is derived from the issues it
 * still backs, as Jira has them now: back in the inbox with none, addressed when all are
 * done, linked while any is open.
 */
export async function unlinkInsight(
  actor: Actor,
  env: Env,
  issueId: string,
  insightId: string,
  inProject?: string
): Promise<IssueImpact | null> {
  // The permission check, the link (which names the issue's ancestors) and the state of
  // the insight's other issues in parallel: the last is a storage read then one Jira read,
  // so the unlink stays one Jira round trip deep. It is read before the check passes, as
  // the app, and used only once it has.
  const [access, links, firstCategories, insights, settings] = await Promise.all([
    myPermissions({ issueId }),
    getLinks(issueId, [insightId]),
    linksOfInsight(insightId).then((insightLinks) => categoriesOfOthers(insightLinks, issueId)),
    getInsights([insightId]),
    getScoringSettings()
  ]);
  const link = links.get(insightId);
  // An issue id from a payload must belong to the project the user acts in.
  if (!link || (inProject !== undefined && link.projectId !== inProject))
    throw new NotFoundError('That insight is not linked to this issue.');
  await requireIssueEvidenceChange(actor.accountId, link.projectId, access);
  let attempt = 0;
  return retryOnConflict(async () => {
    // A retry re-reads: a concurrent link or unlink may have changed the other issues.
    const first = attempt++ === 0;
    const categories = first
      ? firstCategories
      : await categoriesOfOthers(await linksOfInsight(insightId), issueId);
    const results = await applyChange(
      {
        prefetch: [insightId],
        links: [{ issueId, insightId }],
        // What was read beside Jira serves the first attempt; a retry reads afresh.
        ...(first
          ? { known: { insights, links: new Map([[linkKey(issueId, insightId), link]]), settings } }
          : {}),
        build: ({ link: stored, insights }) => {
          const current = stored(issueId, insightId);
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
                status: statusOfLinked(insight.status, linkCount, categories),
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

/**
 * The status categories of the other issues an insight backs, read as the app: the status
 * is the app's bookkeeping, not something the user sees of those issues. Issues Jira no
 * longer has are left out (their own delete event forgets their links).
 */
async function categoriesOfOthers(links: readonly LinkRecord[], issueId: string): Promise<string[]> {
  const others = links.filter((l) => l.issueId !== issueId).map((l) => l.issueId);
  if (others.length === 0) return [];
  const { states } = await issueStatesAsApp(others);
  return others.flatMap((id) => states.get(id)?.statusCategory ?? []);
}
