import type { LocalForge } from '../local/host/local-forge';
import { DEMO_USERS, findChain, projectPage, sampleInsight, testForge, type Chain } from './evidence-kit';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The inbox narrowed to what one of its counts counts: a source kind or an age band,
 * over the same insights the counts see, through the real resolvers.
 */
describe('the inbox filtered by source and age', () => {
  let forge: LocalForge;
  let chain: Chain;
  const library = () => projectPage(forge, DEMO_USERS.alice, chain.projectId);
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

  beforeEach(async () => {
    forge = testForge();
    chain = findChain(forge.seed);
    const rows = [
      { summary: 'Ticket this week', sourceKind: 'ticket', observedAt: daysAgo(2) },
      { summary: 'Ticket last year', sourceKind: 'ticket', observedAt: daysAgo(300) },
      { summary: 'Interview this month', sourceKind: 'interview', observedAt: daysAgo(12) },
      { summary: 'Survey this week', sourceKind: 'survey', observedAt: daysAgo(1) }
    ];
    for (const row of rows) await library().ok('project/captureInsight', { insight: sampleInsight(row) });
    // Linked, so out of the inbox: never listed by its filters.
    const linked = await library().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Linked ticket', observedAt: daysAgo(3) })
    });
    await library().ok('project/link', { issueId: chain.storyId, insightIds: [linked.id], note: '' });
  });
  afterEach(() => forge.stop());

  const summaries = async (payload: { source?: 'ticket' | 'interview'; age?: 'week' | 'month' | 'older' }) =>
    (await library().ok('project/triageInbox', payload)).items.map((i) => i.summary);

  it('lists the inbox of one source, newest first', async () => {
    expect(await summaries({ source: 'ticket' })).toEqual(['Ticket last year', 'Ticket this week']);
    expect(await summaries({ source: 'interview' })).toEqual(['Interview this month']);
  });

  it('lists the inbox of one age band, as the counts band it', async () => {
    const counts = await library().ok('project/inboxCounts', {});
    const week = await summaries({ age: 'week' });
    expect(week.sort()).toEqual(['Survey this week', 'Ticket this week']);
    expect(week).toHaveLength(counts.byAge.week);
    expect(await summaries({ age: 'month' })).toEqual(['Interview this month']);
    expect(await summaries({ age: 'older', source: 'ticket' })).toEqual(['Ticket last year']);
  });

  it('shows each insight with its account', async () => {
    const page = await library().ok('project/triageInbox', { source: 'interview' });
    expect(page.items[0]?.account?.name).toBe('Acme Corp');
    expect(page.cursor).toBeUndefined();
  });
});
