import { LocalForge } from '../local/host/local-forge';
import { createDemoSeed } from '../local/jira/seed';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, type Chain } from './evidence-kit';

/**
 * Evidence from places the viewer cannot see: a story under an issue security level
 * (trust-and-safety and admins only) sits under an epic everyone in the project can
 * see. The epic's score counts the story's evidence; its content reaches only those
 * who can see the story.
 */
describe('evidence from restricted issues', () => {
  let forge: LocalForge;
  let chain: Chain;

  beforeEach(() => {
    const seed = createDemoSeed();
    chain = findChain(seed);
    const level = seed.issues.find((i) => i.securityLevel)!.securityLevel!;
    const story = seed.issues.find((i) => i.id === chain.otherStoryId)!;
    story.securityLevel = level;
    // Reads are counted here: without transiently failing batch items, whose retries are
    // the platform's noise, not the app's cost (the integration suites keep them on).
    forge = new LocalForge({ seed, flakyBatchItems: 'off' });
  });
  afterEach(() => forge.stop());

  async function seedEvidence(): Promise<void> {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight({
        summary: 'Chargeback ring uses our refund flow',
        quote: 'Secret quote from the fraud team',
        account: { name: 'Secretive Bank', segment: 'enterprise', arr: 900000 }
      }),
      note: 'Restricted note'
    });
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Visible evidence' }),
      note: ''
    });
  }

  it("counts a restricted child's evidence in the epic's score but shows its content only to those who see the child", async () => {
    await seedEvidence();
    const asBob = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.epicId).ok(
      'panel/getEvidence',
      {}
    );
    const asCarol = await panel(forge, DEMO_USERS.carol, chain.projectId, chain.epicId).ok(
      'panel/getEvidence',
      {}
    );
    expect(asBob.impact!.cards.map((c) => c.summary).sort()).toEqual([
      'Chargeback ring uses our refund flow',
      'Visible evidence'
    ]);
    expect(asCarol.impact!.cards.map((c) => c.summary)).toEqual(['Visible evidence']);
    expect(asCarol.impact!.totalCards).toBe(1);
    expect(asCarol.impact!.score.score).toBe(asBob.impact!.score.score);
    const seenByCarol = JSON.stringify(asCarol).toLowerCase();
    for (const secret of [
      'chargeback ring',
      'secret quote',
      'restricted note',
      'secretive bank',
      '900000',
      chain.otherStoryId
    ]) {
      expect(seenByCarol).not.toContain(secret);
    }
    // The same holds on the project page and in what a write answers.
    const onProjectPage = await projectPage(forge, DEMO_USERS.carol, chain.projectId).ok(
      'project/getEvidence',
      {
        issueId: chain.epicId
      }
    );
    expect(JSON.stringify(onProjectPage).toLowerCase()).not.toContain('secretive bank');
    const frank = panel(forge, DEMO_USERS.frank, chain.projectId, chain.epicId);
    const linked = await frank.ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'On the epic' }),
      note: ''
    });
    expect(JSON.stringify(linked).toLowerCase()).not.toContain('secretive bank');
  });

  it("leaves a restricted child's customers and insights out of a shipped epic for those who cannot see the child", async () => {
    await seedEvidence();
    const done = forge.seed.statuses.find((s) => s.category === 'done')!;
    forge.jira.setStatus(chain.epicId, done.id);
    const epicRow = async (user: string) =>
      (await projectPage(forge, user, chain.projectId).ok('project/shipped', {})).find(
        (r) => r.issueId === chain.epicId
      )!;
    const asBob = await epicRow(DEMO_USERS.bob);
    const asCarol = await epicRow(DEMO_USERS.carol);
    expect(asBob.accounts.map((a) => a.name)).toContain('Secretive Bank');
    expect(asCarol.accounts.map((a) => a.name)).toEqual(['Acme Corp']);
    expect(asCarol.insights.map((i) => i.summary)).toEqual(['Visible evidence']);
    expect(asCarol.score).toBe(asBob.score);
  });

  it("keeps a restricted child's cards off later pages of an epic's evidence", async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    for (let i = 0; i < 20; i += 1) {
      await bob.ok('panel/captureAndLink', {
        insight: sampleInsight({ summary: `Visible ${i}`, account: { name: `Account ${i}`, arr: 50000 } }),
        note: ''
      });
    }
    // Low severity, old and small: it sorts after the first page of twenty.
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight({
        summary: 'Chargeback ring uses our refund flow',
        severity: 'low',
        observedAt: '2025-01-10T09:00:00.000Z',
        account: { name: 'Secretive Bank', arr: 10 }
      }),
      note: ''
    });
    const page = async (user: string) =>
      (await panel(forge, user, chain.projectId, chain.epicId).ok('panel/listCards', {})).items.map(
        (c) => c.summary
      );
    expect(await page(DEMO_USERS.bob)).toEqual(['Chargeback ring uses our refund flow']);
    expect(await page(DEMO_USERS.carol)).toEqual([]);
  });

  it('keeps insights captured on a restricted issue out of the library of those who cannot see it', async () => {
    await seedEvidence();
    const summaries = async (user: string) =>
      (await projectPage(forge, user, chain.projectId).ok('project/listInsights', { limit: 100 })).items.map(
        (i) => i.summary
      );
    expect(await summaries(DEMO_USERS.bob)).toContain('Chargeback ring uses our refund flow');
    expect(await summaries(DEMO_USERS.carol)).not.toContain('Chargeback ring uses our refund flow');
    expect(await summaries(DEMO_USERS.carol)).toContain('Visible evidence');
    const search = await panel(forge, DEMO_USERS.frank, chain.projectId, chain.storyId).ok(
      'panel/searchInsights',
      {
        query: 'chargeback'
      }
    );
    expect(search.items).toHaveLength(0);
  });

  it('costs one Jira call more only when a restricted descendant exists; none otherwise', async () => {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Visible evidence' }),
      note: ''
    });
    const carol = panel(forge, DEMO_USERS.carol, chain.projectId, chain.epicId);
    await carol.ok('panel/getAccess', {}); // the panel asks this on every load: it warms the access cache
    forge.host.meter.reset();
    await carol.ok('panel/getEvidence', {});
    expect(forge.host.meter.snapshot().calls).toMatchObject({ kvs: 1, jira: 0 });

    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Chargeback ring uses our refund flow' }),
      note: ''
    });
    forge.host.meter.reset();
    await carol.ok('panel/getEvidence', {});
    expect(forge.host.meter.snapshot().calls).toMatchObject({ kvs: 1, jira: 1 });
  });

  it('refuses a cold panel read to a user who cannot browse the issue, and caches only what Jira granted', async () => {
    await seedEvidence();
    const dave = panel(forge, DEMO_USERS.dave, chain.projectId, chain.storyId);
    expect(await dave.call('panel/getEvidence', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    expect(await dave.call('panel/getEvidence', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    const carol = panel(forge, DEMO_USERS.carol, chain.projectId, chain.storyId);
    forge.host.meter.reset();
    await carol.ok('panel/getEvidence', {});
    expect(forge.host.meter.snapshot().calls.jira).toBe(1);
    forge.host.meter.reset();
    await carol.ok('panel/getEvidence', {});
    expect(forge.host.meter.snapshot().calls).toMatchObject({ kvs: 1, jira: 0 });
  });
});
