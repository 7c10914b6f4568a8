import { RESTORE_WINDOW_MINUTES } from '../contract/payloads';
import type { RestoreOutcome } from '../contract/views';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { statusOfLinked, type Insight } from '../domain/insight';
import type { IssuePlacement } from '../jira/get-issue';
import { forgetTrashedInsight, getTrashedInsight } from '../storage/insight-trash-store';
import type { LinkRecord } from '../storage/records';
import type { Actor, Env } from './actor';
import { survivorKeys } from './account-survivor';
import { applyChange } from './apply-change';
import { emptyChange } from './evidence-change';
import { chainOfPlacement, linkRow, placeForEdit } from './link-insights';
import { withAccount } from './project-insight';
import { retryOnConflict } from './retry-on-conflict';

/** A link of the deleted insight, with where its issue sits in Jira now. */
interface Placed {
  link: LinkRecord;
  placement: IssuePlacement;
}

/**
 * The undo of a delete: brings back an insight deleted within the last few minutes,
 * as the server kept it (see deleteInsight), with its links to the issues that still
 * exist in this project and whose evidence the user may still change. The insight, its
 * links and every affected issue's score land in one change, through the same path as a
 * link, so scores equal a recomputation from scratch. A restore after the window, of
 * another project's insight, or of one that exists again is refused and changes nothing.
 */
export async function restoreInsight(
  actor: Actor,
  env: Env,
  projectId: string,
  insightId: string
): Promise<RestoreOutcome> {
  const trashed = await getTrashedInsight(insightId);
  if (!trashed || trashed.insight.projectId !== projectId)
    throw new NotFoundError('There is no recently deleted insight with that id in this project.');
  const age = env.now().getTime() - Date.parse(trashed.deletedAt);
  if (age > RESTORE_WINDOW_MINUTES * 60_000)
    throw new NotFoundError(
      `A deleted insight can be restored for ${RESTORE_WINDOW_MINUTES} minutes; this one is gone for good.`
    );
  // Each issue as the user sees it now (and where it sits): one that is gone, moved to
  // another project or no longer theirs to change is left out, not an error.
  const [placed, survivors] = await Promise.all([
    Promise.all(trashed.links.map((link) => placeLink(actor, projectId, link))),
    trashed.insight.accountKey ? survivorKeys([trashed.insight.accountKey]) : undefined
  ]);
  const kept = placed.filter((p): p is Placed => p !== undefined);
  // An account merged into another since the delete: the insight joins the survivor.
  const accountKey = trashed.insight.accountKey
    ? (survivors?.get(trashed.insight.accountKey) ?? trashed.insight.accountKey)
    : undefined;

  const restored = await retryOnConflict(async () => {
    const now = env.now();
    let back: Insight | undefined;
    await applyChange(
      {
        prefetch: [insightId],
        links: kept.map(({ placement }) => ({ issueId: placement.id, insightId })),
        build: ({ insights }) => {
          if (insights.has(insightId))
            throw new ValidationError('This insight is in the library again: there is nothing to undo.');
          const { pending: _pending, mergeInto: _mergeInto, ...was } = trashed.insight;
          const categories = kept.flatMap(({ placement }) => placement.statusCategory ?? []);
          const insight: Insight = {
            ...was,
            linkCount: kept.length,
            status: statusOfLinked(was.status, kept.length, categories),
            version: was.version + 1
          };
          if (accountKey) insight.accountKey = accountKey;
          const change = emptyChange();
          change.insightPuts.push({ insight, expect: 'absent' });
          for (const { link, placement } of kept) {
            // Placed where the issue is now; who linked it, when and why stay as they were.
            const row: LinkRecord = {
              ...linkRow(placement, insight, actor, link.note ?? '', now),
              linkedBy: link.linkedBy,
              linkedAt: link.linkedAt
            };
            change.linkSets.push({ link: row, expect: 'absent' });
          }
          back = insight;
          return change;
        }
      },
      kept.flatMap(({ placement }) => chainOfPlacement(placement)),
      now
    );
    return back!;
  });
  // Once it is back the copy has served; if forgetting it fails, it expires on its own
  // and a second undo is refused because the insight exists.
  await forgetTrashedInsight(insightId).catch((error: unknown) =>
    console.warn('Could not forget a restored insight’s undo', error)
  );
  return { insight: await withAccount(restored), linksNotRestored: trashed.links.length - kept.length };
}

async function placeLink(actor: Actor, projectId: string, link: LinkRecord): Promise<Placed | undefined> {
  try {
    const { access: _access, ...placement } = await placeForEdit(actor, link.issueId, projectId, {
      ancestors: true
    });
    return { link, placement };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return undefined;
    throw error;
  }
}
