import { LocalForge } from '../local/host/local-forge';
import type { JiraSeed } from '../local/jira/seed';
import * as app from '../src/index';
import { getImpacts } from '../src/storage/impact-store';
import { linksOfIssue } from '../src/storage/link-store';
import { DEMO_USERS, projectPage, sampleInsight } from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

/** Initiative → epic → story → sub-task in the seed, and a second initiative. */
interface DeepChain {
  projectId: string;
  initiativeId: string;
  otherInitiativeId: string;
  epicId: string;
  storyId: string;
  subtaskId: string;
}

function findDeepChain(seed: JiraSeed): DeepChain {
  const initiativeType = seed.issueTypes.find((t) => t.hierarchyLevel === 2)!.id;
  const [initiative, other] = seed.issues.filter((i) => i.issueTypeId === initiativeType);
  const childOf = (parentId: string) => seed.issues.filter((i) => i.parentId === parentId);
  for (const epic of childOf(initiative!.id)) {
    for (const story of childOf(epic.id)) {
      const [subtask] = childOf(story.id);
      if (subtask) {
        return {
          projectId: initiative!.projectId,
          initiativeId: initiative!.id,
          otherInitiativeId: other!.id,
          epicId: epic.id,
          storyId: story.id,
          subtaskId: subtask.id
        };
      }
    }
  }
  throw new Error('The demo seed has no initiative → epic → story → sub-task chain');
}

/**
 * Roll-up over the whole hierarchy: evidence on a sub-task counts on its story, epic and
 * the initiative above the epic (Jira Premium's levels above epics), and follows an epic
 * moved to another initiative.
 */
describe('roll-up through every level of the issue hierarchy', () => {
  let forge: LocalForge;
  let chain: DeepChain;

  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findDeepChain(forge.seed);
  });
  afterEach(() => forge.stop());

  // Bob leads the initiatives' project: a curator there by default.
  const library = () => projectPage(forge, DEMO_USERS.bob, chain.projectId);
  const scores = async (issueIds: string[]): Promise<(number | undefined)[]> => {
    const impacts = await getImpacts(issueIds);
    return issueIds.map((id) => impacts.get(id)?.score);
  };

  async function linkToSubtask(): Promise<string> {
    const insight = await library().ok('project/captureInsight', { insight: sampleInsight() });
    await library().ok('project/link', {
      issueId: chain.subtaskId,
      insightIds: [insight.id],
      note: 'Evidence'
    });
    return insight.id;
  }

  it('an insight on a sub-task scores on its story, epic and initiative; unlinking removes it from all', async () => {
    const insightId = await linkToSubtask();
    const [subtask, ...above] = await scores([
      chain.subtaskId,
      chain.storyId,
      chain.epicId,
      chain.initiativeId
    ]);
    expect(subtask).toBeGreaterThan(0);
    expect(above).toEqual([subtask, subtask, subtask]);
    const initiative = (await getImpacts([chain.initiativeId])).get(chain.initiativeId)!;
    expect(initiative.readModel.cards.map((c) => c.fromIssueId)).toEqual([chain.subtaskId]);

    await library().ok('project/unlink', { issueId: chain.subtaskId, insightId });
    expect(await scores([chain.subtaskId, chain.storyId, chain.epicId, chain.initiativeId])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined
    ]);
  });

  it('moving an epic to another initiative moves its evidence there, sub-tasks included', async () => {
    await linkToSubtask();
    const [epicScore] = await scores([chain.epicId]);

    forge.jira.moveIssue(chain.epicId, { parentId: chain.otherInitiativeId });
    await forge.settle();

    expect(await scores([chain.initiativeId, chain.otherInitiativeId, chain.epicId])).toEqual([
      undefined,
      epicScore,
      epicScore
    ]);
    for (const link of await linksOfIssue(chain.subtaskId)) {
      expect(link.ancestorPath).toBe(`/${chain.otherInitiativeId}/${chain.epicId}/${chain.storyId}/`);
    }
    const issueIds = [
      chain.initiativeId,
      chain.otherInitiativeId,
      chain.epicId,
      chain.storyId,
      chain.subtaskId
    ];
    const expected = await recomputeFromScratch(forge.jira, issueIds);
    expect(await scores(issueIds)).toEqual(issueIds.map((id) => expected.get(id)?.score));
  });

  it('deleting an initiative takes its roll-up away; the epic below keeps its evidence, now at the top', async () => {
    await linkToSubtask();
    const [epicScore] = await scores([chain.epicId]);

    forge.jira.deleteIssue(chain.initiativeId);
    await forge.settle();

    expect(await scores([chain.initiativeId, chain.epicId, chain.subtaskId])).toEqual([
      undefined,
      epicScore,
      epicScore
    ]);
    for (const link of await linksOfIssue(chain.subtaskId)) {
      expect(link.ancestorPath).toBe(`/${chain.epicId}/${chain.storyId}/`);
    }
  });

  it('a story linked under an initiative reads its ancestors from the epic’s stored place, in one Jira round trip', async () => {
    await linkToSubtask();
    const story = await library().ok('project/captureInsight', {
      insight: sampleInsight({ account: { name: 'Globex', segment: 'smb', arr: 5000 } })
    });
    forge.host.meter.reset();
    await library().ok('project/link', { issueId: chain.storyId, insightIds: [story.id], note: '' });
    expect(forge.host.meter.snapshot().calls.jira).toBe(2); // the issue and my permissions, in parallel
    const [storyScore, initiativeScore] = await scores([chain.storyId, chain.initiativeId]);
    expect(initiativeScore).toBe(storyScore);
  });
  it('linking full batches of insights from different accounts costs the same however much the story holds', async () => {
    // Exact counts: without the host's injected batch-item failures, whose retries land on
    // whichever batch the seeded draw picks and would be counted as the link's own cost.
    forge.stop();
    forge = new LocalForge({ flakyBatchItems: 'off' }).useApp(app);
    chain = findDeepChain(forge.seed);
    const captured: string[] = [];
    for (let i = 0; i < 75; i += 1) {
      const insight = await library().ok('project/captureInsight', {
        insight: sampleInsight({ account: { name: `Account ${i}`, segment: 'smb', arr: 1000 + i } })
      });
      captured.push(insight.id);
    }
    const linkBatch = async (from: number): Promise<number> => {
      forge.host.meter.reset();
      await library().ok('project/link', {
        issueId: chain.storyId,
        insightIds: captured.slice(from, from + 25),
        note: 'Evidence'
      });
      return forge.host.meter.snapshot().calls.kvs;
    };
    const first = await linkBatch(0);
    await linkBatch(25);
    // Each batch writes its groups beside the issues' totals; none recomputes an issue from
    // all its links, which would read more the more the story holds.
    expect(await linkBatch(50)).toBeLessThanOrEqual(first);
    const issueIds = [chain.storyId, chain.epicId, chain.initiativeId];
    const expected = await recomputeFromScratch(forge.jira, issueIds);
    expect(await scores(issueIds)).toEqual(issueIds.map((id) => expected.get(id)?.score));
  });
});
