import type { Page } from '../src/contract/result';
import type { InsightView } from '../src/contract/views';
import { benchForge, judge, measure, VIRTUAL_RUN, type BenchRun, type OperationRow } from './measure';
import {
  benchSeed,
  call,
  EDITOR,
  insightInput,
  linkAll,
  LINK_NOTE,
  panelHandler,
  panelSite,
  projectHandler,
  seedInsights
} from './fixtures';
import { EVIDENCE_WRITE, PANEL_NEXT_PAGE, PANEL_READ, SUBTASK_LINK } from './targets';

/**
 * One story under an epic with `n` insights linked to it (so the epic's subtree holds
 * `n`), and a sub-task under the story. The insights are written as captures store them;
 * every link goes through the resolvers, so the evidence rows hold for any storage layout
 * of groups, cards and impacts. Measured on it: the panel's first paint and
 * next page, and each evidence write a person makes there.
 */
export async function evidenceOnStory(
  n: number,
  run: BenchRun = VIRTUAL_RUN,
  setupBudgetMs = Infinity
): Promise<OperationRow[] | { skipped: string }> {
  const { seed, childIds, projectId } = benchSeed(1);
  const storyId = childIds[0]!;
  const subtaskType = seed.issueTypes.find((t) => t.hierarchyLevel === -1)!;
  const story = seed.issues.find((i) => i.id === storyId)!;
  const subtaskId = '990001';
  seed.issues.push({
    ...story,
    id: subtaskId,
    key: `${story.key}-S`,
    issueTypeId: subtaskType.id,
    summary: 'Benchmark sub-task',
    parentId: storyId
  });
  const forge = benchForge(seed, run);
  try {
    const started = performance.now();
    // Linked through the resolvers, 25 at a time: were each call to cost more the more the
    // story holds, setup would grow with the square of n. Past the budget the rows are not
    // measured (and say so) rather than the bench running for hours.
    const overBudget = (done: string): { skipped: string } | undefined => {
      const spent = performance.now() - started;
      return spent > setupBudgetMs
        ? {
            skipped: `setup over its ${Math.round(setupBudgetMs / 1000)} s budget: ${done} after ${Math.round(spent / 1000)} s`
          }
        : undefined;
    };
    // The insights are stored as captures store them (setup); linking goes through the app.
    const ids = seedInsights(forge, projectId, n + 2);
    const linked = ids.slice(0, n);
    const [spare, forSubtask] = ids.slice(n);
    for (let i = 0; i < linked.length; i += 25) {
      await linkAll(forge, projectId, storyId, linked.slice(i, i + 25));
      const over = i + 25 < linked.length ? overBudget(`${i + 25} of ${n} insights linked`) : undefined;
      if (over) return over;
    }
    const site = panelSite(projectId, storyId);
    const projectSite = { module: 'projectPage' as const, projectId };
    const scale = `${n.toLocaleString('en-US')} insights`;
    // Each row starts with the queues empty: what an earlier step left to sync is not its cost.
    const step = async (name: string, op: () => Promise<unknown>, note?: string): Promise<OperationRow> => {
      await forge.drainQueues();
      return measure(forge, run, name, scale, op, note);
    };
    const rows: OperationRow[] = [];
    rows.push(
      judge(
        await step('panel read (getEvidence)', () =>
          call(forge, panelHandler, site, 'panel/getEvidence', {})
        ),
        PANEL_READ
      )
    );
    if (n > 20) {
      const first = (await call(forge, panelHandler, site, 'panel/listCards', {})) as Page<unknown>;
      rows.push(
        judge(
          await step(
            'panel next page of cards (listCards)',
            () =>
              call(
                forge,
                panelHandler,
                site,
                'panel/listCards',
                first.cursor ? { cursor: first.cursor } : {}
              ),
            first.cursor ? 'second page' : 'no second page offered'
          ),
          PANEL_NEXT_PAGE
        )
      );
    }
    const under = 'story under epic';
    rows.push(
      judge(
        await step(
          'link 1 insight',
          () => call(forge, panelHandler, site, 'panel/link', { insightIds: [spare!], note: LINK_NOTE }),
          under
        ),
        EVIDENCE_WRITE
      ),
      judge(
        await step(
          'unlink 1 insight',
          () => call(forge, panelHandler, site, 'panel/unlink', { insightId: spare! }),
          under
        ),
        EVIDENCE_WRITE
      ),
      judge(
        await step(
          'edit an insight linked there (editInsight)',
          () =>
            call(forge, projectHandler, projectSite, 'project/editInsight', {
              insightId: linked[0]!,
              patch: { severity: 'critical' }
            }),
          under
        ),
        EVIDENCE_WRITE
      ),
      judge(
        await step(
          'capture and link on the panel',
          () =>
            call(forge, panelHandler, site, 'panel/captureAndLink', {
              insight: { ...insightInput(n + 7), sourceKind: 'interview', observedAt: '2026-11-20' },
              note: LINK_NOTE
            }),
          under
        ),
        EVIDENCE_WRITE
      ),
      judge(
        await step(
          'link 1 insight to a sub-task',
          () =>
            call(forge, panelHandler, panelSite(projectId, subtaskId), 'panel/link', {
              insightIds: [forSubtask!],
              note: LINK_NOTE
            }),
          'sub-task under story under epic'
        ),
        SUBTASK_LINK
      )
    );
    return rows;
  } finally {
    forge.stop();
  }
}

/** Whether the library lists an insight for `query` (first page), as a person would look. */
export async function libraryFinds(
  forge: Parameters<typeof call>[0],
  projectId: string,
  query: string,
  insightId: string
): Promise<InsightView | undefined> {
  const page = (await call(
    forge,
    projectHandler,
    { module: 'projectPage', projectId },
    'project/listInsights',
    {
      query,
      limit: 100
    }
  )) as Page<InsightView>;
  return page.items.find((i) => i.id === insightId);
}

export { EDITOR };
