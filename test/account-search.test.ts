import type { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import {
  DEMO_USERS,
  findChain,
  panel,
  projectPage,
  sampleInsight,
  testForge,
  type Chain
} from './evidence-kit';

/**
 * The account field's autocomplete: accounts whose name begins with what was typed,
 * case, spacing and accents aside, so a capture picks the stored account instead of
 * spelling a near-duplicate.
 */
describe('account autocomplete', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(async () => {
    forge = testForge().useApp(app);
    chain = findChain(forge.seed);
    for (const name of ['Acme Corporation', 'Acme Rockets', 'Globex', 'Ångström Labs']) {
      await library().ok('project/captureInsight', { insight: sampleInsight({ account: { name } }) });
    }
  });
  afterEach(() => forge.stop());

  const library = (): ReturnType<typeof projectPage> => projectPage(forge, DEMO_USERS.alice, chain.projectId);

  it('offers the accounts whose name begins with what was typed, by name', async () => {
    const found = await library().ok('project/searchAccounts', { query: 'ACME' });
    expect(found.items.map((a) => a.name)).toEqual(['Acme Corporation', 'Acme Rockets']);
    expect(found.exact).toBeUndefined();
    expect(
      (await library().ok('project/searchAccounts', { query: 'angst' })).items.map((a) => a.name)
    ).toEqual(['Ångström Labs']);
    expect((await library().ok('project/searchAccounts', { query: 'initech' })).items).toEqual([]);
  });

  it('names the stored account a variant spelling already means', async () => {
    const found = await library().ok('project/searchAccounts', { query: ' acme   CORPORATION ' });
    expect(found.items.map((a) => a.name)).toEqual(['Acme Corporation']);
    expect(found.exact).toBe('acme-corporation');
  });

  it('offers the stored name from the issue panel too, and the new name after a rename', async () => {
    await library().ok('project/upsertAccount', { account: { key: 'globex', name: 'Globex Industries' } });
    const story = panel(forge, DEMO_USERS.alice, chain.projectId, chain.storyId);
    expect((await story.ok('panel/searchAccounts', { query: 'globex i' })).items.map((a) => a.name)).toEqual([
      'Globex Industries'
    ]);
  });

  it('refuses an empty query', async () => {
    const result = await library().call('project/searchAccounts', { query: '   ' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION_FAILED');
  });
});
