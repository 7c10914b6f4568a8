import fc from 'fast-check';
import { LocalForge } from '../local/host/local-forge';
import { InsightInputSchema } from '../src/domain/insight';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, type Chain } from './evidence-kit';

/**
 * What the schemas accept, storage accepts: a capture that passes validation is never
 * refused later by the entity store as an opaque INTERNAL error, and distinct customer
 * names in any script stay distinct accounts.
 */
describe('validation agrees with storage', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge();
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const capture = (insight: unknown, note = '') =>
    panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).call('panel/captureAndLink', {
      insight: insight as never,
      note
    });

  it('stores every capture the schema accepts: blank quotes and notes, tiny and huge ARR, any script', async () => {
    const blank = fc.constantFrom('', ' ', '\t', '\n \u3000', '\u00a0', '\u001c', ' \u001f\u0001 ');
    const text = fc.oneof(blank, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }));
    const arr = fc.oneof(
      fc.constantFrom(0, 0.01, 1e-200, 5e-324, 1e12),
      fc.double({ min: 0, max: 1e12, noNaN: true })
    );
    await fc.assert(
      fc.asyncProperty(text, text, text, arr, text, async (summaryText, quote, name, revenue, note) => {
        // Mostly a valid summary, so the other fields are what is tried.
        const summary = summaryText.length % 4 === 0 ? summaryText : `S${summaryText}`;
        const insight = sampleInsight({ summary, quote, account: { name, arr: revenue } });
        const accepted = InsightInputSchema.safeParse(insight).success;
        const answer = await capture(insight, note.slice(0, 1000));
        if (accepted) expect(answer).toMatchObject({ ok: true });
        else expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      }),
      { numRuns: 60 }
    );
  });

  it('keeps a blank quote or note as none, and refuses a blank summary or tag as invalid', async () => {
    const answer = await capture(sampleInsight({ quote: '   \n ' }));
    expect(answer).toMatchObject({ ok: true });
    const [card] = answer.ok ? (answer.value.view.impact?.cards ?? []) : [];
    expect(card?.quote).toBe('');
    // Information separators: not whitespace to JavaScript's trim, but to Java's.
    const separators = await capture(
      sampleInsight({ summary: 'Separators', quote: '\u001c\u001d' }),
      '\u001f'
    );
    expect(separators).toMatchObject({ ok: true });
    const stored = separators.ok
      ? separators.value.view.impact?.cards.find((c) => c.summary === 'Separators')
      : undefined;
    expect(stored).toMatchObject({ quote: '', note: '' });
    expect(await capture(sampleInsight({ summary: '\u001c' }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' }
    });
    expect(await capture(sampleInsight({ tags: ['ok', '\u001e'] }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' }
    });
  });

  it('gives every distinct name its own account, in any script or emoji', async () => {
    const names = ['株', 'x682a', 'Rocket 🚀', 'Rocket 🛸', '🚀', 'किताब', 'कताब'];
    for (const name of names) {
      expect(
        await capture(sampleInsight({ summary: `From ${name}`, account: { name, arr: 1000 } }))
      ).toMatchObject({
        ok: true
      });
    }
    const library = async () =>
      (await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/listInsights', { limit: 100 }))
        .items;
    const before = await library();
    for (const name of names)
      expect(before.find((i) => i.summary === `From ${name}`)?.account?.name).toBe(name);
    const story = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    expect(story.impact?.score.uniqueAccounts).toBe(names.length);

    // The same customer typed differently is still one account.
    expect(
      await capture(sampleInsight({ summary: 'Again', account: { name: '  ROCKET   🚀 ' } }))
    ).toMatchObject({
      ok: true
    });
    const after = await library();
    const keyOf = (summary: string) => after.find((i) => i.summary === summary)?.accountKey;
    expect(keyOf('Again')).toBe(keyOf('From Rocket 🚀'));
  });
});
