import { kvs } from '@forge/kvs';
import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { ENTITY } from '../src/storage/entities';
import type { RankRow } from '../src/storage/records';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, type Chain } from './evidence-kit';

/**
 * Ranked pages filtered by level read an index per level band, so a page of epics is
 * as full as a page of everything. Each impact learns its band from the level Jira gives
 * the issue it is linked on; rows stored before bands learn theirs from the daily run.
 */
describe('ranking by level band', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const ranked = async (level: 'epic' | 'standard' | 'subtask'): Promise<string[]> =>
    (
      await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/rankedIssues', {
        level,
        statusCategory: 'all'
      })
    ).items.map((i) => i.issueId);

  it('ranks a sub-task, its story and its epic each in its own band', async () => {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    await forge.drainQueues();
    expect(await ranked('epic')).toEqual([chain.epicId]);
    expect(await ranked('standard')).toEqual([chain.storyId]);
    expect(await ranked('subtask')).toEqual([chain.subtaskId]);
  });

  it('gives a row stored before bands its band in the daily run', async () => {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    await forge.drainQueues();
    // The epic's row as an earlier version stored it: no band.
    await forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, async () => {
      const row = await kvs.entity<RankRow>(ENTITY.impact).get(chain.epicId);
      const { band: _band, ...unbanded } = row!;
      await kvs.entity<RankRow>(ENTITY.impact).set(chain.epicId, unbanded);
    });
    expect(await ranked('epic')).toEqual([]);

    await forge.runScheduled('daily-impact-refresh');
    await forge.drainQueues();
    expect(await ranked('epic')).toEqual([chain.epicId]);
    expect(await ranked('standard')).toEqual([chain.storyId]);
  });
});
