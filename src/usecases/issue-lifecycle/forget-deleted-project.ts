import { getInsights, queryInsights } from '../../storage/insight-store';
import { rankByProject } from '../../storage/impact-store';
import { linksOfInsight } from '../../storage/link-store';
import type { Env } from '../actor';
import { applyChange } from '../apply-change';
import { emptyChange, removeLink } from '../evidence-change';
import { affectedChain } from '../link-insights';
import { retryOnConflict } from '../retry-on-conflict';
import { forgetDeletedIssue } from './forget-deleted-issue';

const PAGE = 100;

/**
 * A project was deleted in Jira (its event, or the daily run finding it gone). Jira sends
 * no event for its issues, so each of its issues with evidence is forgotten as a deleted
 * issue (links go, insights elsewhere return to their inbox, ancestors elsewhere are
 * rescored), and then its insight library is deleted with any links those insights had
 * to other projects' issues, which are rescored. Ids are collected before anything is
 * deleted, so the pages read are never cut by the deletions; running it twice is safe.
 */
export async function forgetDeletedProject(projectId: string, env: Env): Promise<void> {
  const issueIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await rankByProject(projectId, cursor, PAGE);
    issueIds.push(...page.rows.map((row) => row.issueId));
    cursor = page.cursor;
  } while (cursor);
  for (const issueId of issueIds) await forgetDeletedIssue({ issueId, projectId }, env);

  const insightIds: string[] = [];
  let insightCursor: string | undefined;
  do {
    const page = await queryInsights({
      projectId,
      limit: PAGE,
      ...(insightCursor ? { cursor: insightCursor } : {})
    });
    insightIds.push(...page.items.map((insight) => insight.id));
    insightCursor = page.cursor;
  } while (insightCursor);
  for (const insightId of insightIds) {
    await retryOnConflict(async () => {
      const [insight] = [...(await getInsights([insightId])).values()];
      if (!insight || insight.projectId !== projectId) return;
      const links = await linksOfInsight(insightId);
      const change = emptyChange();
      change.insightDeletes.push({ id: insightId, expect: { version: insight.version } });
      for (const link of links) change.linkDeletes.push(removeLink(link));
      await applyChange(
        change,
        links.flatMap((link) => affectedChain(link)),
        env.now()
      );
    });
  }
}
