import { kvs } from '@forge/kvs';
import { getAccounts } from '../src/storage/account-store';
import { ENTITY, INDEX } from '../src/storage/entities';
import { getImpacts } from '../src/storage/impact-store';
import { getInsights } from '../src/storage/insight-store';
import type { LinkRecord } from '../src/storage/records';
import { getScoringSettings } from '../src/storage/settings-store';
import { collectCards, scoringItems } from '../src/usecases/build-impact';
import { scoreEvidence, type ImpactScore } from '../src/domain/scoring/score';

/** Every link stored in a project, read page by page (no roll-up index involved). */
async function linksOfProject(projectId: string): Promise<LinkRecord[]> {
  const links: LinkRecord[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<LinkRecord>(ENTITY.link)
      .query()
      .index(INDEX.linkByProject, { partition: [projectId] })
      .limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    links.push(...page.results.map((row) => row.value));
    cursor = page.nextCursor;
  } while (cursor);
  return links;
}

/** Whether a link's issue is the issue or any of its descendants, by what the row says of its ancestors. */
function fallsUnder(link: LinkRecord, issueId: string): boolean {
  return (
    link.issueId === issueId ||
    link.parentId === issueId ||
    link.grandparentId === issueId ||
    (link.ancestorPath ?? '').split('/').includes(issueId)
  );
}

/**
 * Scores issues from the stored links, insights and accounts alone, ignoring the
 * stored impacts' scores: the oracle the concurrency test compares against. The links
 * under an issue, at any depth, are found by scanning its project's links (the
 * project comes from the stored impact, or the `projectIds` given), not through the
 * roll-up indexes the app reads.
 */
export async function recomputeFromScratch(
  issueIds: readonly string[],
  projectIds: readonly string[] = []
): Promise<Map<string, ImpactScore>> {
  const settings = await getScoringSettings();
  const impacts = await getImpacts(issueIds);
  const projects = new Set([...projectIds, ...[...impacts.values()].map((impact) => impact.projectId)]);
  const all = (await Promise.all([...projects].map((id) => linksOfProject(id)))).flat();
  const scores = new Map<string, ImpactScore>();
  for (const issueId of issueIds) {
    const links = all.filter((link) => fallsUnder(link, issueId));
    if (links.length === 0) continue;
    const insights = await getInsights(links.map((l) => l.insightId));
    const keys = [...insights.values()].map((i) => i.accountKey).filter((k): k is string => k !== undefined);
    const accounts = await getAccounts(keys);
    const cards = collectCards({ issueId, links, insights, accounts });
    scores.set(issueId, scoreEvidence(scoringItems(cards), settings, new Date()));
  }
  return scores;
}
