import { NotFoundError } from '../domain/errors';
import type { IssueImpact } from '../domain/impact';
import { getLinks } from '../storage/link-store';
import type { Actor, Env } from './actor';
import { applyChange } from './apply-change';
import { emptyChange, rewriteLink } from './evidence-change';
import { affectedChain, placeForEdit } from './link-insights';
import { retryOnConflict } from './retry-on-conflict';

/** Rewrites the "why this is evidence" note of one link; cards on the chain follow. */
export async function editNote(
  actor: Actor,
  env: Env,
  issueId: string,
  insightId: string,
  note: string
): Promise<IssueImpact | null> {
  await placeForEdit(actor, issueId);
  return retryOnConflict(async () => {
    const links = await getLinks(issueId, [insightId]);
    const link = links.get(insightId);
    if (!link) throw new NotFoundError('That insight is not linked to this issue.');
    const change = emptyChange();
    const { note: _previous, ...rest } = link;
    change.linkSets.push(rewriteLink(link, note === '' ? rest : { ...rest, note }));
    const results = await applyChange(change, affectedChain(link), env.now());
    return results.get(issueId) ?? null;
  });
}
