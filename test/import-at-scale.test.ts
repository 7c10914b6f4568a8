import { longImportRow } from '../bench/import-rows';
import * as app from '../src/index';
import { getInsights } from '../src/storage/insight-store';
import type { LocalForge } from '../local/host/local-forge';
import { KVS_QUOTAS } from '../local/kvs/kvs-quota';
import { DEMO_USERS, findChain, importRows, projectPage, testForge } from './evidence-kit';

/**
 * A CSV import of thousands of long-quote rows, through the real resolvers and the
 * queue, with Forge's storage quotas on: every row lands once, a second import of the
 * file creates nothing, and the import's writes stay within half the installation's
 * write quota, so the people using the app meanwhile are never throttled.
 */
describe('importing a large CSV', () => {
  let forge: LocalForge;
  let peakWriteUnits: number;
  beforeEach(() => {
    forge = testForge({ validateJira: false }).useApp(app);
    peakWriteUnits = 0;
    const meter = forge.host.meter;
    const record = meter.recordUnits.bind(meter);
    meter.recordUnits = (kind, units) => {
      record(kind, units);
      peakWriteUnits = Math.max(peakWriteUnits, forge.host.kvsQuota.usage().writeUnitsLastMinute);
    };
  });
  afterEach(() => forge.stop());

  const writeCalls = (): number =>
    Object.entries(forge.host.meter.snapshot().byPath)
      .filter(([path]) => /^kvs .*(set|delete|transaction)/.test(path))
      .reduce((sum, [, n]) => sum + n, 0);

  it('writes 2 000 long rows once each, paced under half the write quota, and skips them on re-import', async () => {
    const chain = findChain(forge.seed);
    const bob = projectPage(forge, DEMO_USERS.bob, chain.projectId);
    const good = Array.from({ length: 2000 }, (_, i) => longImportRow(i));
    const bad = [
      { line: 3000, key: 'BAD-1', insight: { ...good[0]!.insight, summary: '' } },
      { line: 3001, key: 'BAD-2', insight: { ...good[1]!.insight, sourceUrl: 'javascript:alert(1)' } }
    ];
    // A step fails half way (one of its insight transactions): its event is retried and
    // the step resumes from its checkpoint.
    forge.host.faults.add({ kind: 'kvs', path: /\/transaction$/, keys: /imp-/, fault: 'error', times: 1 });
    forge.host.meter.reset();

    const first = await importRows(bob, [...good, ...bad], 'big-import');
    expect(first.invalid.map((r) => r.line)).toEqual([3000, 3001]);
    expect(first.invalid[1]!.fieldIssues.map((i) => i.path)).toContain('sourceUrl');
    expect(first.queued).toHaveLength(2000);
    expect(first.drained.retried).toBeGreaterThanOrEqual(1);
    expect(first.progress).toMatchObject({
      status: 'done',
      total: 2000,
      done: 2000,
      created: 2000,
      duplicates: 0,
      failedCount: 0
    });

    const stored = await getInsights(first.queued.map((r) => r.insightId));
    expect(stored.size).toBe(2000);
    expect([...stored.values()].map((i) => i.summary).sort()).toEqual(
      good.map((r) => r.insight.summary as string).sort()
    );
    const rows = good.length;
    expect(writeCalls() / rows).toBeLessThanOrEqual(1.1);
    expect(peakWriteUnits).toBeLessThanOrEqual(KVS_QUOTAS.writeUnitsPerMinute / 2);

    // A late second delivery of a step's event changes nothing.
    await app.syncConsumer({
      body: { kind: 'import', projectId: chain.projectId, importId: 'big-import', step: 3 }
    } as never);
    expect(await bob.ok('project/importProgress', { importId: 'big-import' })).toEqual(first.progress);

    // Library search finds an imported row by its own word, and shared words list each insight once.
    const own = await bob.ok('project/listInsights', { query: 'ORD101234' });
    expect(own.items.map((i) => i.id)).toEqual([first.queued[1234]!.insightId]);
    const shared = await bob.ok('project/listInsights', { query: 'controller', limit: 25 });
    expect(shared.items.length).toBeGreaterThan(0);
    expect(new Set(shared.items.map((i) => i.id)).size).toBe(shared.items.length);

    const again = await importRows(bob, good);
    expect(again.queued).toEqual([]);
    expect(again.duplicates).toHaveLength(2000);
    expect(again.progress).toMatchObject({ status: 'done', total: 0, created: 0 });
    expect((await getInsights(first.queued.map((r) => r.insightId))).size).toBe(2000);
    // Thousands of rows through the local host: a loaded machine takes minutes.
  }, 600_000);
});
