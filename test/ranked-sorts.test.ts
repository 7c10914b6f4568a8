import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
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
 * The backlog sorted by score, accounts, revenue at stake and newest evidence: each order
 * is read from its own index, pages without skipping, keeps the level filter, and the
 * revenue order is refused to a user who may not see customer identity.
 */
describe('ranked backlog sorts', () => {
  let forge: LocalForge;
  let chain: Chain;
  /** Three issues with no parent, so no roll-up row joins the ranking. */
  let big: string;
  let many: string;
  let fresh: string;
  beforeEach(async () => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
    const standalone = forge.seed.issues.filter(
      (i) => i.projectId === chain.projectId && !i.securityLevel && !i.parentId && i.issueTypeId === '10003'
    );
    [big, many, fresh] = standalone.slice(0, 3).map((i) => i.id) as [string, string, string];
    const capture = (issueId: string, overrides: Record<string, unknown>) =>
      panel(forge, DEMO_USERS.bob, chain.projectId, issueId).ok('panel/captureAndLink', {
        insight: sampleInsight(overrides),
        note: ''
      });
    // Two large customers, critical: the highest score and the most revenue.
    await capture(big, { observedAt: '2026-10-01T09:00:00.000Z' });
    await capture(big, {
      summary: 'Second large customer',
      observedAt: '2026-09-15T09:00:00.000Z',
      account: { name: 'Globex', segment: 'enterprise', arr: 180000 }
    });
    // Three small customers: the most accounts (ties in an index have no promised order), the least revenue, the oldest evidence.
    for (const n of [1, 2, 3]) {
      await capture(many, {
        summary: `Small shop ${n}`,
        severity: 'low',
        observedAt: '2026-08-01T09:00:00.000Z',
        account: { name: `Small Shop ${n}`, segment: 'smb', arr: 500 }
      });
    }
    // A mid-sized customer heard from last: the newest evidence.
    await capture(fresh, {
      summary: 'Fresh report',
      severity: 'low',
      observedAt: '2026-11-20T09:00:00.000Z',
      account: { name: 'Midway', segment: 'mid_market', arr: 50000 }
    });
    await forge.drainQueues();
  });
  afterEach(() => forge.stop());

  const bob = (): AppClient => projectPage(forge, DEMO_USERS.bob, chain.projectId);
  const order = async (sort: 'score' | 'accounts' | 'revenue' | 'newest'): Promise<string[]> =>
    (await bob().ok('project/rankedIssues', { statusCategory: 'all', sort })).items.map((r) => r.issueId);

  it('orders the backlog by each sort, highest first', async () => {
    expect((await order('score'))[0]).toBe(big);
    expect(await order('accounts')).toEqual([many, big, fresh]);
    expect(await order('revenue')).toEqual([big, fresh, many]);
    expect(await order('newest')).toEqual([fresh, big, many]);
  });

  it('pages a sort other than score without skipping or repeating issues', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await bob().ok('project/rankedIssues', {
        statusCategory: 'all',
        sort: 'accounts',
        limit: 1,
        ...(cursor ? { cursor } : {})
      });
      seen.push(...page.items.map((r) => r.issueId));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([many, big, fresh]);
  });

  it('keeps the level filter under another sort and names each issue’s ancestors', async () => {
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight({
        summary: 'Story evidence',
        observedAt: '2026-07-01T09:00:00.000Z',
        account: { name: 'Four', segment: 'smb', arr: 1 }
      }),
      note: ''
    });
    await forge.drainQueues();
    const epics = await bob().ok('project/rankedIssues', {
      statusCategory: 'all',
      level: 'epic',
      sort: 'newest'
    });
    expect(epics.items.map((r) => r.issueId)).toEqual([chain.epicId]);
    const stories = await bob().ok('project/rankedIssues', {
      statusCategory: 'all',
      level: 'standard',
      sort: 'accounts'
    });
    const ids = stories.items.map((r) => r.issueId);
    expect(ids.slice(0, 2)).toEqual([many, big]);
    expect(ids.slice(2).sort()).toEqual([fresh, chain.storyId].sort());
    expect(stories.items.find((r) => r.issueId === chain.storyId)?.ancestorIds).toEqual([chain.epicId]);
    expect(stories.items.find((r) => r.issueId === big)?.ancestorIds).toEqual([]);
  });

  it('refuses the revenue order to a user who may not see customer identity, and serves the others', async () => {
    await new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' }).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] },
      confirmSelfMask: true
    });
    const carol = projectPage(forge, DEMO_USERS.carol, chain.projectId);
    const refused = await carol.call('project/rankedIssues', { statusCategory: 'all', sort: 'revenue' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byAccounts = await carol.ok('project/rankedIssues', { statusCategory: 'all', sort: 'accounts' });
    expect(byAccounts.items.map((r) => r.issueId)).toEqual([many, big, fresh]);
  });

  it('sorts search hits the same way', async () => {
    const hits = await bob().ok('project/rankedIssues', {
      statusCategory: 'all',
      sort: 'newest',
      query: forge.seed.issues.find((i) => i.id === fresh)!.summary
    });
    expect(hits.items[0]?.issueId).toBe(fresh);
  });
});
