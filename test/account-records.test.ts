import type { LocalForge } from '../local/host/local-forge';
import { seedDemoData } from '../local/sandbox/demo-data';
import * as app from '../src/index';
import { getAccount } from '../src/storage/account-store';
import { DEMO_USERS, importRows, panel, projectPage, sampleInsight, testForge } from './evidence-kit';

/**
 * The complaints from the field, replayed on the seeded demo: a capture or an import that
 * spells an existing account differently must find that account and leave its name alone,
 * and a search for an account's name must find its insights.
 */
describe('accounts on the demo site', () => {
  let forge: LocalForge;
  let projectId: string;
  beforeAll(async () => {
    forge = testForge().useApp(app);
    await seedDemoData(forge, { insightsPerProject: 40 });
    projectId = forge.seed.projects[0]!.id;
    // A hang guard, not a speed check: seeding the demo site takes tens of seconds on a
    // loaded machine.
  }, 180_000);
  afterAll(() => forge.stop());

  const library = (): ReturnType<typeof projectPage> => projectPage(forge, DEMO_USERS.alice, projectId);

  it('keeps “Acme Corporation” as stored when a capture types “acme corporation”', async () => {
    const view = await library().ok('project/captureInsight', {
      insight: sampleInsight({ account: { name: 'acme  corporation' } })
    });
    expect(view.account?.name).toBe('Acme Corporation');
    expect((await getAccount('acme-corporation'))?.name).toBe('Acme Corporation');
  });

  it('keeps “Acme Corporation” as stored when an import names “ACME CORPORATION” or “Acmé Corporation”', async () => {
    const report = await importRows(library(), [
      {
        line: 2,
        key: 'Z-1',
        insight: sampleInsight({ summary: 'One', account: { name: 'ACME CORPORATION' } })
      },
      {
        line: 3,
        key: 'Z-2',
        insight: sampleInsight({ summary: 'Two', account: { name: 'Acmé Corporation' } })
      }
    ]);
    expect(report.progress.created).toBe(2);
    expect((await getAccount('acme-corporation'))?.name).toBe('Acme Corporation');
    const found = await library().ok('project/listInsights', { query: 'acme', limit: 50 });
    expect(found.items.filter((i) => ['One', 'Two'].includes(i.summary)).map((i) => i.account?.name)).toEqual(
      ['Acme Corporation', 'Acme Corporation']
    );
  });

  it('finds every Globex insight by the account’s name, in any case', async () => {
    const all = await library().ok('project/listInsights', { limit: 100 });
    const globex = all.items.filter((i) => i.account?.name === 'Globex').map((i) => i.id);
    expect(globex.length).toBeGreaterThan(0);
    for (const query of ['Globex', 'globex', 'GLOB']) {
      const found = await library().ok('project/listInsights', { query, limit: 100 });
      expect(found.items.map((i) => i.id).sort()).toEqual([...globex].sort());
    }
  });

  it('finds Globex insights from the issue panel’s search too', async () => {
    const issue = forge.seed.issues.find((i) => i.projectId === projectId && !i.securityLevel)!;
    const found = await panel(forge, DEMO_USERS.alice, projectId, issue.id).ok('panel/searchInsights', {
      query: 'globex',
      limit: 20
    });
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((i) => i.account?.name === 'Globex')).toBe(true);
  });

  it('finds an account’s insights by its new name once a curator renames it', async () => {
    // Linked and unlinked insights alike.
    await library().ok('project/captureInsight', { insight: sampleInsight({ account: { name: 'GLOBEX' } }) });
    const before = await library().ok('project/listInsights', { query: 'globex', limit: 100 });
    expect(before.items.length).toBeGreaterThan(1);
    await library().ok('project/upsertAccount', { account: { key: 'globex', name: 'Globex Intergalactic' } });
    await forge.drainQueues();
    const found = await library().ok('project/listInsights', { query: 'intergalactic', limit: 100 });
    expect(found.items.map((i) => i.id).sort()).toEqual(before.items.map((i) => i.id).sort());
    expect(found.items.every((i) => i.account?.name === 'Globex Intergalactic')).toBe(true);
  });
});
