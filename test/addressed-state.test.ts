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
});
