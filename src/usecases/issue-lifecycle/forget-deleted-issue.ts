import { ancestorsOf, pathOf, TOP_LEVEL } from '../../domain/ancestry';
import { withAncestry, type IssuePlacement } from '../../jira/get-issue';
import { issueStatesAsApp } from '../../jira/issue-states-as-app';
import { linksAndImpactUnder } from '../../storage/link-store';
import type { Env } from '../actor';
import { applyChange, type AffectedIssue } from '../apply-change';
import { emptyChange } from '../evidence-change';
import { retryOnConflict } from '../retry-on-conflict';
import { placedChain, placementOf, samePlacement } from './link-placement';
import { rederiveStatus } from './rederive-status';
import { rewriteLinks, type LinkFate } from './rewrite-links';

/**
 * An issue was deleted in Jira: its links go with it (the insights stay, back in the inbox
 * when no link is left, addressed when every issue they still back is done), its impact
 * goes, and its ancestors are rescored without it.
 * Links of its descendants named it as an ancestor: they are re-placed where
 * Jira puts those issues now (a story of a deleted epic loses its parent), and deleted
 * when a direct read confirms Jira no longer has the issue (sub-tasks go with their
 * parent, and Jira sends no event for them).
 */
export async function forgetDeletedIssue(
  deleted: { issueId: string; projectId?: string },
  env: Env
): Promise<void> {
  const { issueId } = deleted;
  // Read as a top-level issue first: the ancestors Jira gave it are gone with it.
  const { links, impact } = await linksAndImpactUnder(issueId, TOP_LEVEL);
  const descendants = links.filter((l) => l.issueId !== issueId).map((l) => l.issueId);
  // Every Jira read happens before the first write: a failed read changes nothing.
  // A descendant is forgotten only when a direct read confirms it gone (sub-tasks are
  // deleted with their parent and get no event of their own); one Jira could not return
  // just now throws before any write, and the event is retried.
  const { states, gone } = await issueStatesAsApp(descendants, { ancestors: true });
  const placements = new Map<string, IssuePlacement>();
  for (const [id, state] of states) placements.set(id, withoutIssue(state, issueId));

  const fates: LinkFate[] = [];
  for (const link of links) {
    if (link.issueId === issueId || gone.has(link.issueId)) {
      fates.push({ link, fate: 'delete' });
      continue;
    }
    const placement = placements.get(link.issueId);
    if (!placement) continue;
    const to = placementOf(placement);
    if (!samePlacement(link, to)) fates.push({ link, fate: 'move', to });
  }
  // The event's project is optional: storage knows where the issue's evidence was.
  const projectId =
    impact?.projectId ?? links.find((l) => l.issueId === issueId)?.projectId ?? deleted.projectId;
  if (projectId === undefined) return; // nothing stored for it, nothing to forget
  const self: AffectedIssue = { issueId, projectId };
  await rewriteLinks(
    self,
    fates,
    (chunk) =>
      chunk.flatMap((f) => {
        const placement = f.fate === 'move' ? placements.get(f.link.issueId) : undefined;
        return placement ? placedChain(placement) : [];
      }),
    env.now
  );
  // An insight that still backs other issues may now back only done ones: addressed.
  const released = fates.filter((f) => f.fate === 'delete').map((f) => f.link.insightId);
  await rederiveStatus(released, env.now, [...states.values()]);
  // An impact with no link under it (left by an earlier partial run) is removed on its own.
  if (fates.length === 0 && impact) {
    await retryOnConflict(() => applyChange(emptyChange(), [self], env.now(), { rescore: true }));
  }
}

/**
 * The deleted issue cannot be anyone's ancestor any more, even if Jira's answer still
 * names it (its index may lag the deletion): a descendant under it loses that ancestor
 * and those above it.
 */
function withoutIssue(at: IssuePlacement, issueId: string): IssuePlacement {
  const ancestors = ancestorsOf(at.ancestorPath ?? TOP_LEVEL);
  const gone = ancestors.lastIndexOf(issueId);
  return gone < 0 ? at : withAncestry(at, pathOf(ancestors.slice(gone + 1)));
}
