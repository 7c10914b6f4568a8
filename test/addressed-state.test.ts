import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { getInsights } from '../src/storage/insight-store';
import { DEMO_USERS, findChain, projectPage, sampleInsight } from './evidence-kit';

const DONE = '10002';
const IN_PROGRESS = '3';
const TO_DO = '10000';

/**
 * An insight is addressed when every issue it backs is done, whatever order the
 * transitions happen (or arrive) in.
 */
describe('addressed insights', () => {
  it('are addressed only once every issue they back is done', async () => {
    const forge = new LocalForge().useApp(app);
    try {
      const chain = findChain(forge.seed);
      const library = projectPage(forge, DEMO_USERS.bob, chain.projectId);
      forge.jira.setStatus(chain.storyId, TO_DO);
      forge.jira.setStatus(chain.otherStoryId, TO_DO);
      await forge.settle();
      const insight = await library.ok('project/captureInsight', { insight: sampleInsight() });
      for (const issueId of [chain.storyId, chain.otherStoryId]) {
        await library.ok('project/link', { issueId, insightIds: [insight.id], note: '' });
      }
      const status = async (): Promise<string | undefined> =>
        (await getInsights([insight.id])).get(insight.id)?.status;

      forge.jira.setStatus(chain.storyId, DONE);
      await forge.settle();
      expect(await status()).toBe('linked'); // the other story is still open

      forge.jira.setStatus(chain.otherStoryId, DONE);
      await forge.settle();
      expect(await status()).toBe('addressed');

      forge.jira.setStatus(chain.storyId, IN_PROGRESS);
      await forge.settle();
      expect(await status()).toBe('linked');

      // Both done again, the transitions arriving together: the same answer.
      forge.jira.setStatus(chain.storyId, DONE);
      forge.jira.setStatus(chain.otherStoryId, IN_PROGRESS);
      forge.jira.setStatus(chain.otherStoryId, DONE);
      await forge.settle();
      expect(await status()).toBe('addressed');
    } finally {
      forge.stop();
    }
  });

  describe('follow every change of the issues they back', () => {
    let forge: LocalForge;
    let chain: ReturnType<typeof findChain>;
    let library: ReturnType<typeof projectPage>;
    const statusOf = async (id: string): Promise<string | undefined> =>
      (await getInsights([id])).get(id)?.status;

    beforeEach(async () => {
      forge = new LocalForge().useApp(app);
      chain = findChain(forge.seed);
      library = projectPage(forge, DEMO_USERS.bob, chain.projectId);
      forge.jira.setStatus(chain.storyId, DONE);
      forge.jira.setStatus(chain.otherStoryId, TO_DO);
      await forge.settle();
    });
    afterEach(() => forge.stop());

    it('linking an addressed insight to an open issue makes it linked again', async () => {
      const insight = await library.ok('project/captureInsight', { insight: sampleInsight() });
      const first = await library.ok('project/link', {
        issueId: chain.storyId,
        insightIds: [insight.id],
        note: ''
      });
      // Its only issue is done; the answer says so, for the library to file it.
      expect(first.statuses).toEqual({ [insight.id]: 'addressed' });
      expect(await statusOf(insight.id)).toBe('addressed');
      const second = await library.ok('project/link', {
        issueId: chain.otherStoryId,
        insightIds: [insight.id],
        note: ''
      });
      expect(second.statuses).toEqual({ [insight.id]: 'linked' });
      expect(await statusOf(insight.id)).toBe('linked');
    });

    it('unlinking the last open issue leaves it addressed', async () => {
      const insight = await library.ok('project/captureInsight', { insight: sampleInsight() });
      for (const issueId of [chain.storyId, chain.otherStoryId]) {
        await library.ok('project/link', { issueId, insightIds: [insight.id], note: '' });
      }
      expect(await statusOf(insight.id)).toBe('linked');
      await library.ok('project/unlink', { issueId: chain.otherStoryId, insightId: insight.id });
      expect(await statusOf(insight.id)).toBe('addressed');
    });

    it('deleting its last open issue in Jira leaves it addressed', async () => {
      const insight = await library.ok('project/captureInsight', { insight: sampleInsight() });
      for (const issueId of [chain.storyId, chain.otherStoryId]) {
        await library.ok('project/link', { issueId, insightIds: [insight.id], note: '' });
      }
      forge.jira.deleteIssue(chain.otherStoryId);
      await forge.settle();
      expect(await statusOf(insight.id)).toBe('addressed');
    });

    it('merging an insight backed by an open issue into an addressed one makes it linked', async () => {
      const target = await library.ok('project/captureInsight', { insight: sampleInsight() });
      const source = await library.ok('project/captureInsight', { insight: sampleInsight() });
      await library.ok('project/link', { issueId: chain.storyId, insightIds: [target.id], note: '' });
      await library.ok('project/link', { issueId: chain.otherStoryId, insightIds: [source.id], note: '' });
      expect(await statusOf(target.id)).toBe('addressed');
      const merged = await library.ok('project/mergeInsights', { sourceId: source.id, targetId: target.id });
      expect(merged.status).toBe('linked');
      expect(await statusOf(target.id)).toBe('linked');
    });
  });
});
