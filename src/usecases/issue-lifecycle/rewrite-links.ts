import type { LinkRecord } from '../../storage/records';
import { applyChange, type AffectedIssue } from '../apply-change';
import { emptyChange, removeLink, rewriteLink } from '../evidence-change';
import { affectedChain, LINKS_PER_TRANSACTION } from '../link-insights';
import { retryOnConflict } from '../retry-on-conflict';
import { placeLink, type LinkPlacement } from './link-placement';
import { releaseInsights } from './release-insights';

/** What becomes of a stored link after a change in Jira: it goes, or it moves. */
export type LinkFate =
  { link: LinkRecord; fate: 'delete' } | { link: LinkRecord; fate: 'move'; to: LinkPlacement };

/**
 * Applies link fates, all of links that roll up into `scope` (the issue the event is
 * about), ten per transaction (a deleted link also rewrites its insight). Each
 * transaction recomputes every impact the chunk's links fed before and feed after, plus
 * `known(chunk)`: placements just read from Jira, which win over the stored ones. Each
 * attempt re-reads the links under the scope, so a link a concurrent writer already
 * removed is skipped and an insight's count is lowered once.
 */
export async function rewriteLinks(
  scope: AffectedIssue,
  fates: readonly LinkFate[],
  known: (chunk: readonly LinkFate[]) => AffectedIssue[],
  now: () => Date
): Promise<void> {
  for (let i = 0; i < fates.length; i += LINKS_PER_TRANSACTION) {
    const chunk = fates.slice(i, i + LINKS_PER_TRANSACTION);
    const affected = [
      scope,
      ...known(chunk),
      // Where a moved link goes first: an issue named twice keeps the first place named.
      ...chunk.flatMap((f) => [
        ...(f.fate === 'move' ? affectedChain(placeLink(f.link, f.to)) : []),
        ...affectedChain(f.link)
      ])
    ];
    const prefetch = [...new Set(chunk.filter((f) => f.fate === 'delete').map((f) => f.link.insightId))];
    await retryOnConflict(() =>
      applyChange(
        {
          prefetch,
          links: chunk.map((f) => f.link),
          build: ({ link: stored, insights }) => {
            const change = emptyChange();
            const deleted: LinkRecord[] = [];
            for (const f of chunk) {
              const link = stored(f.link.issueId, f.link.insightId);
              if (!link) continue;
              if (f.fate === 'move') {
                change.linkSets.push(rewriteLink(link, placeLink(link, f.to)));
                continue;
              }
              change.linkDeletes.push(removeLink(link));
              deleted.push(link);
            }
            change.insightPuts.push(...releaseInsights(deleted, insights));
            return change;
          }
        },
        affected,
        now()
      )
    );
  }
}
