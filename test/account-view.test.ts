import { LocalForge } from '../local/host/local-forge';
import { createDemoSeed } from '../local/jira/seed';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  panel,
  projectPage,
  sampleInsight,
  type Chain
} from './evidence-kit';

/**
 * The account view: one customer's evidence in a project, the issues it backs with the
 * customer's share of each score, the done ones to tell it about, and its history. A
 * user sees only what they may see elsewhere; a user who may not see customer identity
 * gets no account view at all.
 */
describe('account view', () => {
  let forge: LocalForge;
  let chain: Chain;

  beforeEach(() => {
    const seed = createDemoSeed();
    chain = findChain(seed);
    // The other story sits under an issue security level: Bob sees it, Carol does not.
    const level = seed.issues.find((i) => i.securityLevel)!.securityLevel!;
    seed.issues.find((i) => i.id === chain.otherStoryId)!.securityLevel = level;
    forge = new LocalForge({ seed });
  });
  afterEach(() => forge.stop());

  const view = (user: string) =>
    projectPage(forge, user, chain.projectId).call('project/accountView', { accountKey: 'acme-corp' });

  async function seedEvidence(): Promise<void> {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Refund flow leaks card numbers' }),
      note: ''
    });
    await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Waiting in the inbox' })
    });
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Someone else', account: { name: 'Globex', arr: 10 } }),
      note: ''
    });
  }

  it("lists the account's insights, the issues they back with its share of each score, and the total", async () => {
    await seedEvidence();
    const result = await view(DEMO_USERS.bob);
    if (!result.ok) throw new Error(result.error.message);
    const { account, insights, issues, totals } = result.value;
    expect(account).toMatchObject({ name: 'Acme Corp', segment: 'enterprise', arr: 240000 });
    expect(insights.map((i) => i.summary).sort()).toEqual([
      'Checkout times out when paying by invoice',
      'Refund flow leaks card numbers',
      'Waiting in the inbox'
    ]);
    expect(issues.map((i) => i.issueId).sort()).toEqual([chain.storyId, chain.otherStoryId].sort());
    const story = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    const acme = story.impact!.score.contributions.find((c) => c.accountKey === 'acme-corp')!;
    const row = issues.find((i) => i.issueId === chain.storyId)!;
    // The story's score also holds Globex: the account's share is its own points only.
    expect(row.score).toBe(story.impact!.score.score);
    expect(row.contribution).toBe(acme.points);
    expect(row.contribution).toBeLessThan(row.score);
    expect(totals).toEqual({
      insights: 3,
      issues: 2,
      contribution: Math.round(issues.reduce((sum, i) => sum + i.contribution! * 100, 0)) / 100
    });
  });

  it('leaves out issues under security the reader is outside, and insights captured there', async () => {
    await seedEvidence();
    const result = await view(DEMO_USERS.carol);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.issues.map((i) => i.issueId)).toEqual([chain.storyId]);
    expect(result.value.insights.map((i) => i.summary)).not.toContain('Refund flow leaks card numbers');
    expect(result.value.totals.issues).toBe(1);
    expect(JSON.stringify(result.value)).not.toContain('card numbers');
  });

  it('lists done issues as shipped work to tell the customer about', async () => {
    await seedEvidence();
    const done = forge.seed.statuses.find((s) => s.category === 'done')!;
    forge.jira.setStatus(chain.storyId, done.id);
    const result = await view(DEMO_USERS.bob);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.shipped.map((i) => i.issueId)).toEqual([chain.storyId]);
  });

  it("shows the account's edits, newest first", async () => {
    await seedEvidence();
    const alice = projectPage(forge, DEMO_USERS.alice, chain.projectId);
    await alice.ok('project/upsertAccount', { account: { key: 'acme-corp', arr: 300000 } });
    await alice.ok('project/upsertAccount', { account: { key: 'acme-corp', segment: 'mid_market' } });
    const result = await view(DEMO_USERS.bob);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.history.map((h) => h.changes)).toEqual([
      [{ field: 'segment', before: 'enterprise', after: 'mid_market' }],
      [{ field: 'arr', before: 240000, after: 300000 }]
    ]);
    expect(result.value.history[0]!.by).toBe(DEMO_USERS.alice);
  });

  it('refuses a user who may not see customer identity, and one who may not browse the project', async () => {
    await seedEvidence();
    await new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' }).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
    });
    const masked = await view(DEMO_USERS.bob);
    expect(masked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(masked).toLowerCase()).not.toContain('acme');
    const outsider = await view(DEMO_USERS.dave);
    expect(outsider.ok).toBe(false);
    // Jira answers an outsider as if the project did not exist.
    if (!outsider.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(outsider.error.code);
    expect((await view(DEMO_USERS.alice)).ok).toBe(true);
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    expect(await view(DEMO_USERS.bob)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("lists only this project's insights of a shared account", async () => {
    await seedEvidence();
    const other = findChain(forge.seed, 1);
    await projectPage(forge, DEMO_USERS.alice, other.projectId).ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Elsewhere' })
    });
    const result = await view(DEMO_USERS.bob);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.insights.map((i) => i.summary)).not.toContain('Elsewhere');
    expect(result.value.inOtherProjects).toBe(true);
  });
});
