import { LocalForge } from '../local/host/local-forge';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, type Chain } from './evidence-kit';

/**
 * Merging two insights keeps everything the customer said: the duplicate's quote and
 * its source link stay on the survivor (in the library and on evidence cards, and
 * findable by search), both links' notes stay on an issue both backed, and the merged
 * insight still counts once in the score.
 */
describe('merging insights keeps every quote', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge();
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const story = () => panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
  const page = () => projectPage(forge, DEMO_USERS.bob, chain.projectId);

  async function twoOnTheStory(): Promise<{ target: string; source: string }> {
    const first = await story().ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: 'From support'
    });
    const second = await story().ok('panel/captureAndLink', {
      insight: sampleInsight({
        summary: 'Invoice checkout hangs',
        quote: 'Procurement escalated the hanging invoice screen twice.',
        sourceUrl: 'https://support.example.com/tickets/5120'
      }),
      note: 'From the QBR'
    });
    return { target: first.linked![0]!, source: second.linked![0]! };
  }

  it("keeps the duplicate's quote and source link on the survivor, in the library and on its card", async () => {
    const { target, source } = await twoOnTheStory();
    const merged = await page().ok('project/mergeInsights', { sourceId: source, targetId: target });
    expect(merged.quote).toBe('Our finance team gave up after the third timeout.');
    expect(merged.sourceUrl).toBe('https://support.example.com/tickets/4812');
    expect(merged.additionalQuotes).toEqual([
      expect.objectContaining({
        quote: 'Procurement escalated the hanging invoice screen twice.',
        sourceUrl: 'https://support.example.com/tickets/5120'
      })
    ]);
    const item = (await page().ok('project/listInsights', { limit: 100 })).items.find(
      (i) => i.id === target
    )!;
    expect(item.additionalQuotes?.map((q) => q.quote)).toEqual([
      'Procurement escalated the hanging invoice screen twice.'
    ]);
    const card = (await story().ok('panel/getEvidence', {})).impact!.cards.find(
      (c) => c.insightId === target
    )!;
    expect(card.additionalQuotes).toEqual([
      {
        quote: 'Procurement escalated the hanging invoice screen twice.',
        sourceUrl: 'https://support.example.com/tickets/5120'
      }
    ]);
  });

  it('counts the merged insight once in the score', async () => {
    const { target, source } = await twoOnTheStory();
    const before = (await story().ok('panel/getEvidence', {})).impact!.score;
    expect(before.insightCount).toBe(2);
    await page().ok('project/mergeInsights', { sourceId: source, targetId: target });
    const after = (await story().ok('panel/getEvidence', {})).impact!.score;
    expect(after.insightCount).toBe(1);
    expect(after.contributions.map((c) => c.insightIds)).toEqual([[target]]);
    // One account at the same highest severity and newest date: the same points as before.
    expect(after.score).toBe(before.score);
  });

  it('keeps both notes on an issue both insights backed', async () => {
    const { target, source } = await twoOnTheStory();
    await page().ok('project/mergeInsights', { sourceId: source, targetId: target });
    const card = (await story().ok('panel/getEvidence', {})).impact!.cards.find(
      (c) => c.insightId === target
    )!;
    expect(card.note).toBe('From support\n\nFrom the QBR');
  });

  it("finds the survivor by words only the duplicate's quote had", async () => {
    const { target, source } = await twoOnTheStory();
    await page().ok('project/mergeInsights', { sourceId: source, targetId: target });
    const found = await page().ok('project/listInsights', { query: 'procurement escalated', limit: 25 });
    expect(found.items.map((i) => i.id)).toEqual([target]);
  });

  it("takes the duplicate's quote and link as its own when the survivor had none", async () => {
    const bare = await page().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Bare', quote: '', sourceUrl: undefined })
    });
    const quoted = await page().ok('project/captureInsight', { insight: sampleInsight() });
    const merged = await page().ok('project/mergeInsights', { sourceId: quoted.id, targetId: bare.id });
    expect(merged.quote).toBe('Our finance team gave up after the third timeout.');
    expect(merged.sourceUrl).toBe('https://support.example.com/tickets/4812');
    expect(merged.additionalQuotes).toBeUndefined();
  });

  it('shows an edited quote on the evidence card at once, as it shows a merged one', async () => {
    const { target } = await twoOnTheStory();
    await page().ok('project/editInsight', {
      insightId: target,
      patch: { quote: 'Finance gave up entirely.' }
    });
    const card = (await story().ok('panel/getEvidence', {})).impact!.cards.find(
      (c) => c.insightId === target
    )!;
    expect(card.quote).toBe('Finance gave up entirely.');
  });
});
