import { LocalForge } from '../local/host/local-forge';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight } from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

/**
 * Many people linking and unlinking at once: optimistic transactions must lose no
 * update, so the stored impacts equal a recomputation from the stored links.
 */
describe('concurrent linking', () => {
  let forge: LocalForge;
  beforeEach(() => {
    forge = new LocalForge();
  });
  afterEach(() => forge.stop());

  it('ends with stored scores equal to a from-scratch recomputation', async () => {
    const chain = findChain(forge.seed);
    const library = projectPage(forge, DEMO_USERS.bob, chain.projectId);
    const accounts = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark'];
    const insightIds: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const view = await library.ok('project/captureInsight', {
        insight: sampleInsight({
          summary: `Insight ${i}`,
          severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4],
          account: i % 5 === 4 ? undefined : { name: accounts[i % accounts.length]!, arr: 1000 * (i + 1), segment: 'smb' }
        })
      });
      insightIds.push(view.id);
    }
    const issues = [chain.subtaskId, chain.storyId, chain.otherStoryId, chain.epicId];
    const operations: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i += 1) {
      const issueId = issues[i % issues.length]!;
      const insightId = insightIds[(i * 7) % insightIds.length]!;
      const client = panel(forge, DEMO_USERS.bob, chain.projectId, issueId);
      operations.push(
        i % 3 === 2 ? client.call('panel/unlink', { insightId }) : client.call('panel/link', { insightIds: [insightId], note: `op ${i}` })
      );
    }
    const results = (await Promise.all(operations)) as { ok: boolean; error?: { code: string } }[];
    // Unlinking something not (yet) linked is a legitimate NOT_FOUND. Forty writers at once
    // retrying conflicts pass Forge's 1 000 storage requests per second, so some are told
    // BUSY (nothing written; try again). Nothing else may fail.
    for (const r of results) if (!r.ok) expect(['NOT_FOUND', 'BUSY']).toContain(r.error?.code);

    forge.host.clock.advance(60_000); // a minute later the quotas have refilled
    const expected = await recomputeFromScratch(issues);
    for (const issueId of issues) {
      const stored = await panel(forge, DEMO_USERS.bob, chain.projectId, issueId).ok('panel/getEvidence', {});
      const want = expected.get(issueId);
      expect({ issueId, score: stored.impact?.score.score ?? 0, count: stored.impact?.score.insightCount ?? 0 }).toEqual({
        issueId,
        score: want?.score ?? 0,
        count: want?.insightCount ?? 0
      });
    }
  });
});
