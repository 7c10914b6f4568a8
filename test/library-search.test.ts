import path from 'node:path';
import { compileFilters, matchesFilter } from '../local/kvs/conditions';
import { loadEntityDefinitions } from '../local/kvs/manifest-entities';
import type { EntityValue } from '../local/kvs/entity-values';
import { LocalForge, REPO_ROOT } from '../local/host/local-forge';
import * as app from '../src/index';
import { fingerprint } from '../src/domain/fingerprint';
import type { Insight } from '../src/domain/insight';
import { insightToRecord } from '../src/storage/records';
import { getInsight } from '../src/storage/insight-store';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  importRows,
  panel,
  projectPage,
  sampleInsight,
  type Chain
} from './evidence-kit';

/**
 * Library search over a large library, under Forge's documented filter semantics: an
 * entity query's filters are applied to the page `limit` has already cut, so a page may
 * come back short or empty with a cursor to the next one.
 */
describe('library search', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge({ validateJira: false }).useApp(app);
    chain = findChain(forge.seed);
    filtersAfterLimit(forge);
  });
  afterEach(() => forge.stop());

  const bob = () => projectPage(forge, DEMO_USERS.bob, chain.projectId);

  it('finds the oldest insight of 10 000 by a word of its summary, quote, tag or account name', async () => {
    const old = await bob().ok('project/captureInsight', {
      insight: sampleInsight({
        summary: 'Quarantined payments vanish from the approval queue',
        quote: 'Every month-end our reconciliation shows gaps we cannot explain to the auditors.',
        tags: ['ledger-sync'],
        account: { name: 'Zephyr Holdings', segment: 'enterprise', arr: 90000 }
      })
    });
    seedNewerInsights(forge, chain.projectId, 9_999);

    for (const query of ['quarantined', 'Reconcil', 'ledger', 'zephyr', 'approval ZEPHYR']) {
      forge.host.meter.reset();
      const page = await bob().ok('project/listInsights', { query });
      expect({ query, ids: page.items.map((i) => i.id) }).toEqual({ query, ids: [old.id] });
      expect(page.items[0]!.account?.name).toBe('Zephyr Holdings');
      // One page of the term index, then the insights and their accounts.
      expect(forge.host.meter.snapshot().roundTrips.kvs).toBeLessThanOrEqual(3);
    }
    expect((await bob().ok('project/listInsights', { query: 'nonexistentword' })).items).toEqual([]);
  });

  it('finds nothing by account name for a user who may not see customer identity', async () => {
    const captured = await bob().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Quarantined payments vanish', account: { name: 'Zephyr Holdings' } })
    });
    await new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' }).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] },
      confirmSelfMask: true
    });
    const carol = projectPage(forge, DEMO_USERS.carol, chain.projectId);
    expect((await carol.ok('project/listInsights', { query: 'zephyr' })).items).toEqual([]);
    const bySummary = await carol.ok('project/listInsights', { query: 'quarantined' });
    expect(bySummary.items.map((i) => i.id)).toEqual([captured.id]);
    expect(JSON.stringify(bySummary)).not.toMatch(/Zephyr/);
    expect((await bob().ok('project/listInsights', { query: 'zephyr' })).items.map((i) => i.id)).toEqual([
      captured.id
    ]);
  });

  it('follows edits, imports and captures with a link, and never lists an insight twice', async () => {
    const captured = await bob().ok('project/captureInsight', {
      insight: sampleInsight({
        summary: 'Invoices export drops the tax column',
        quote: 'Invoice totals are off.'
      })
    });
    await bob().ok('project/editInsight', {
      insightId: captured.id,
      patch: { summary: 'Receipts export drops the tax column' }
    });
    expect((await bob().ok('project/listInsights', { query: 'receipts' })).items.map((i) => i.id)).toEqual([
      captured.id
    ]);
    // "invoice" is still in the quote; "invoices" was only in the old summary.
    expect((await bob().ok('project/listInsights', { query: 'invoices' })).items).toEqual([]);
    const invoic = await bob().ok('project/listInsights', { query: 'invoic' });
    expect(invoic.items.map((i) => i.id)).toEqual([captured.id]);

    const report = await importRows(bob(), [
      {
        line: 2,
        key: 'T-1',
        insight: sampleInsight({ summary: 'Dark mode contrast', account: { name: 'Umbra Labs' } })
      }
    ]);
    const [imported] = report.queued;
    expect((await bob().ok('project/listInsights', { query: 'umbra' })).items.map((i) => i.id)).toEqual([
      imported!.insightId
    ]);

    const linked = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/captureAndLink',
      {
        insight: sampleInsight({ summary: 'Webhooks retry forever', tags: ['integrations'] }),
        note: ''
      }
    );
    const card = linked.view.impact?.cards.find((c) => c.summary === 'Webhooks retry forever');
    // Linked, or addressed when the story is already done: found under the status it has.
    const { status } = (await getInsight(card!.insightId))!;
    expect(['linked', 'addressed']).toContain(status);
    const found = await bob().ok('project/listInsights', { query: 'integrations', status });
    expect(found.items.map((i) => i.id)).toEqual([card!.insightId]);
  });

  it('answers a search whose candidates rarely match with what it found and a cursor to search further', async () => {
    const dismissed = await bob().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Export to PDF cuts off wide tables' })
    });
    await bob().ok('project/setInsightStatus', { insightId: dismissed.id, status: 'dismissed' });
    // 400 newer insights with the same word, all in the inbox.
    seedNewerInsights(forge, chain.projectId, 400, 'export');

    const found: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page = await bob().ok('project/listInsights', {
        query: 'export',
        status: 'dismissed',
        limit: 25,
        ...(cursor ? { cursor } : {})
      });
      found.push(...page.items.map((i) => i.id));
      cursor = page.cursor;
      calls += 1;
    } while (cursor && found.length === 0);
    expect(found).toEqual([dismissed.id]);
    // Each call reads at most four pages of 25 candidates: the match is found by searching further.
    expect(calls).toBeGreaterThan(1);
  });
});

/**
 * Makes the local KVS apply entity-query filters after the page limit, as Forge
 * documents ("pages with no results, with cursor pointing to the next page").
 */
function filtersAfterLimit(forge: LocalForge): void {
  const definitions = loadEntityDefinitions(path.join(REPO_ROOT, 'manifest.yml'));
  const handle = forge.kvs.handle.bind(forge.kvs);
  forge.kvs.handle = (route, body) => {
    const request = body as { entityName?: string; filters?: Parameters<typeof compileFilters>[0] };
    if (route !== '/api/v1/entity/query' || request.filters === undefined) return handle(route, body);
    const definition = definitions.find((d) => d.name === request.entityName)!;
    const filter = compileFilters(request.filters, definition)!;
    const answer = handle(route, { ...request, filters: undefined });
    if (answer.status !== 200) return answer;
    const page = answer.body as { data: { value: EntityValue }[]; cursor?: string };
    return {
      ...answer,
      body: { ...page, data: page.data.filter((row) => matchesFilter(filter, row.value)) }
    };
  };
}

/**
 * Writes `count` insights, newer than anything captured so far, straight into storage
 * (setup at scale). With `word`, each also has that word in its summary and its index
 * row, as the app would have written it.
 */
function seedNewerInsights(forge: LocalForge, projectId: string, count: number, word?: string): void {
  const items: { entityName: string; key: string; value: object }[] = [];
  const flush = (): void => {
    const answer = forge.kvs.handle('/api/v1/batch/set', items.splice(0));
    if (answer.status >= 300) throw new Error(`seeding failed: ${JSON.stringify(answer.body)}`);
  };
  for (let i = 0; i < count; i += 1) {
    const createdAt = new Date(Date.UTC(2027, 0, 1) + i * 60_000).toISOString();
    const insight: Insight = {
      id: `seed-${i}`,
      projectId,
      summary: `${word ?? 'Routine'} feedback number ${i}`,
      quote: 'Customers keep asking about the onboarding checklist and the mobile app.',
      sourceKind: 'survey',
      severity: 'low',
      sentiment: 'neutral',
      observedAt: createdAt,
      tags: ['survey'],
      status: 'new',
      linkCount: 0,
      createdAt,
      createdBy: DEMO_USERS.bob,
      updatedAt: createdAt,
      version: 1
    };
    items.push({ entityName: 'insight', key: insight.id, value: insightToRecord(insight) });
    if (word) {
      const term = { projectId, insightId: insight.id, term: `${word} ${createdAt}` };
      items.push({ entityName: 'search-term', key: `${insight.id}:${fingerprint(word)}`, value: term });
    }
    if (items.length >= 24) flush();
  }
  if (items.length > 0) flush();
}
