import type { Page } from '../src/contract/result';
import type { InsightView, RankedIssueView } from '../src/contract/views';
import { createDemoSeed } from '../local/jira/seed';
import type { LocalForge } from '../local/host/local-forge';
import { benchForge, judge, measure, VIRTUAL_RUN, type OperationRow } from './measure';
import {
  call,
  issueMaker,
  insightInput,
  LINK_NOTE,
  panelHandler,
  panelSite,
  projectHandler
} from './fixtures';
import { ACCOUNT_RESCORE, FAN_OUT_JOB } from './targets';
import { libraryFinds } from './evidence-scenarios';

const STORIES_PER_EPIC = 100;
const ACCOUNT = { name: 'Fanout Holdings', segment: 'enterprise' as const, arr: 240000 };

/** The project's stories: `epics` epics of 100 stories each. */
function fanOutSeed(epics: number) {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 40 });
  const project = seed.projects[0]!;
  const epicType = seed.issueTypes.find((t) => t.hierarchyLevel === 1)!;
  const storyType = seed.issueTypes.find((t) => t.hierarchyLevel === 0)!;
  const make = issueMaker(seed, project.id, project.key, 900000);
  const storyIds: string[] = [];
  for (let e = 0; e < epics; e += 1) {
    const epic = make(`Fan-out epic ${e}`, epicType.id);
    for (let s = 0; s < STORIES_PER_EPIC; s += 1)
      storyIds.push(make(`Fan-out story ${e}.${s}`, storyType.id, epic.id).id);
  }
  return { seed, projectId: project.id, storyIds };
}

/** Every ranked issue of the project (any status), read page by page as the project page does. */
async function allRanked(forge: LocalForge, projectId: string): Promise<Map<string, RankedIssueView>> {
  const found = new Map<string, RankedIssueView>();
  let cursor: string | undefined;
  do {
    const page = (await call(
      forge,
      projectHandler,
      { module: 'projectPage', projectId },
      'project/rankedIssues',
      {
        limit: 100,
        statusCategory: 'all',
        ...(cursor ? { cursor } : {})
      }
    )) as Page<RankedIssueView>;
    for (const item of page.items) found.set(item.issueId, item);
    cursor = page.cursor;
  } while (cursor);
  return found;
}

/**
 * One insight backing `stories` stories (under epics of 100), all linked through the
 * resolvers. On it, in turn: its account's revenue changes, it is merged into another
 * insight, and that one is deleted; each a job drained to the end, then checked from
 * what people see (the ranked list, the library).
 */
export async function fanOutJobs(stories: number): Promise<OperationRow[]> {
  const epics = Math.max(1, Math.round(stories / STORIES_PER_EPIC));
  const { seed, projectId, storyIds } = fanOutSeed(epics);
  const forge = benchForge(seed);
  const site = { module: 'projectPage' as const, projectId };
  const scale = `${storyIds.length.toLocaleString('en-US')} stories + ${epics} epics`;
  try {
    const source = (await call(forge, projectHandler, site, 'project/captureInsight', {
      insight: {
        ...insightInput(0),
        summary: 'Quarterly reconciliation zeppelin report is wrong',
        account: ACCOUNT
      }
    })) as InsightView;
    for (const [i, storyId] of storyIds.entries()) {
      await call(forge, panelHandler, panelSite(projectId, storyId), 'panel/link', {
        insightIds: [source.id],
        note: LINK_NOTE
      });
      // Linked at human pace (see rank-scenarios.ts); the sync runs as it would, later.
      forge.host.clock.advance(1000);
      if (i % 200 === 199) await forge.drainQueues();
    }
    await forge.drainQueues();
    const affected = storyIds.length + epics;

    // Row 7: the account's revenue changes; every issue it backs must be rescored.
    const before = await allRanked(forge, projectId);
    let failed = 0;
    let waited = 0;
    /** The queue's logical delays and backoff belong to a job's modelled time (never really waited). */
    const withWait = (row: OperationRow): OperationRow => ({
      ...row,
      modelledMs: row.modelledMs + waited,
      queueWaitMs: waited
    });
    const rescore = await measure(
      forge,
      VIRTUAL_RUN,
      'account revenue change (upsertAccount + job)',
      scale,
      async () => {
        await call(forge, projectHandler, site, 'project/upsertAccount', {
          account: { name: ACCOUNT.name, arr: 5000 }
        });
        ({ failed, waitedMs: waited } = await forge.drainQueues());
      }
    );
    forge.host.clock.advance(60_000);
    const after = await allRanked(forge, projectId);
    const rescored = [...after.values()].filter(
      (r) => r.arr === 5000 && before.get(r.issueId) !== undefined && before.get(r.issueId)!.score !== r.score
    ).length;
    const rows = [
      judge(
        {
          ...withWait(rescore),
          note: `${rescored} of ${affected} issues show the new revenue and a new score`,
          facts: { affected, rescored, failedEvents: failed }
        },
        ACCOUNT_RESCORE
      )
    ];

    // Row 8a: merged into another insight that already backs two of the stories.
    const target = (await call(forge, projectHandler, site, 'project/captureInsight', {
      insight: { ...insightInput(1), summary: 'Reconciliation report totals drift albatross' }
    })) as InsightView;
    for (const storyId of storyIds.slice(0, 2))
      await call(forge, panelHandler, panelSite(projectId, storyId), 'panel/link', {
        insightIds: [target.id],
        note: LINK_NOTE
      });
    await forge.drainQueues();
    const merge = await measure(
      forge,
      VIRTUAL_RUN,
      'merge an insight linked everywhere (job)',
      scale,
      async () => {
        await call(forge, projectHandler, site, 'project/mergeInsights', {
          sourceId: source.id,
          targetId: target.id
        });
        ({ failed, waitedMs: waited } = await forge.drainQueues());
      }
    );
    forge.host.clock.advance(60_000);
    const merged = await allRanked(forge, projectId);
    const single = [...merged.values()].filter((r) => r.insightCount === 1).length;
    const sourceGone = (await libraryFinds(forge, projectId, 'zeppelin', source.id)) === undefined;
    const kept = await libraryFinds(forge, projectId, 'albatross', target.id);
    const mergeConsistent =
      merged.size === affected && single === affected && sourceGone && kept?.linkCount === storyIds.length;
    rows.push(
      judge(
        {
          ...withWait(merge),
          note: `after: ${single} of ${affected} issues show exactly 1 insight; duplicate ${sourceGone ? 'gone' : 'still listed'}; survivor linked ${kept?.linkCount ?? 0} times`,
          facts: { consistent: mergeConsistent, failedEvents: failed }
        },
        FAN_OUT_JOB
      )
    );

    // Row 8b: the survivor, now linked everywhere, is deleted.
    const remove = await measure(
      forge,
      VIRTUAL_RUN,
      'delete an insight linked everywhere (job)',
      scale,
      async () => {
        await call(forge, projectHandler, site, 'project/deleteInsight', { insightId: target.id });
        ({ failed, waitedMs: waited } = await forge.drainQueues());
      }
    );
    forge.host.clock.advance(60_000);
    const left = await allRanked(forge, projectId);
    const deletedGone = (await libraryFinds(forge, projectId, 'albatross', target.id)) === undefined;
    rows.push(
      judge(
        {
          ...withWait(remove),
          note: `after: ${left.size} issues still ranked; insight ${deletedGone ? 'gone' : 'still listed'}`,
          facts: { consistent: left.size === 0 && deletedGone, failedEvents: failed }
        },
        FAN_OUT_JOB
      )
    );
    return rows;
  } finally {
    forge.stop();
  }
}
