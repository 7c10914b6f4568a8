import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { accountHistory, getAccount } from '../src/storage/account-store';
import { getInsight } from '../src/storage/insight-store';
import { moveAccountInsights } from '../src/usecases/account-merge';
import {
  DEMO_USERS,
  findChain,
  importRows,
  panel,
  projectPage,
  sampleInsight,
  type Chain
} from './evidence-kit';

/**
 * Merging a duplicate account into the one that stays: every insight of the duplicate
 * moves to the survivor and scores as the survivor's, the duplicate's name becomes an
 * alias that later captures and imports join, both histories record it, and a retried
 * merge changes nothing twice. A refused merge changes nothing.
 */
describe('merging duplicate accounts', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const page = (user: string = DEMO_USERS.alice) => projectPage(forge, user, chain.projectId);
  const story = () => panel(forge, DEMO_USERS.alice, chain.projectId, chain.storyId);
  const merge = (user: string = DEMO_USERS.alice) =>
    page(user).call('project/mergeAccounts', { sourceKey: 'acme-inc', targetKey: 'acme-corp' });

  /** The story backed by Acme Corp and by its duplicate "Acme Inc"; one more Acme Inc insight in the inbox. */
  async function seedDuplicates(): Promise<{ linked: string; inbox: string }> {
    await story().ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    const outcome = await story().ok('panel/captureAndLink', {
      insight: sampleInsight({
        summary: 'Invoice export is missing VAT',
        severity: 'low',
        account: { name: 'Acme Inc', segment: 'smb', arr: 1000 }
      }),
      note: ''
    });
    const linked = outcome.linked![0]!;
    const inbox = await page().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Wants SSO', account: { name: 'Acme Inc' } })
    });
    return { linked, inbox: inbox.id };
  }

  /** What a refused merge must leave as it was. */
  async function snapshot(): Promise<unknown> {
    return {
      evidence: await story().ok('panel/getEvidence', {}),
      library: await page().ok('project/listInsights', { limit: 100 }),
      source: await getAccount('acme-inc'),
      history: await accountHistory('acme-corp')
    };
  }

  it('moves every insight of the duplicate to the survivor and scores them as its own', async () => {
    const { linked, inbox } = await seedDuplicates();
    const before = (await story().ok('panel/getEvidence', {})).impact!.score;
    expect(before.uniqueAccounts).toBe(2);

    const merged = await page().ok('project/mergeAccounts', {
      sourceKey: 'acme-inc',
      targetKey: 'acme-corp'
    });
    expect(merged.survivor.name).toBe('Acme Corp');
    expect(merged.insightsMoved).toBe(2);
    await forge.drainQueues();

    expect((await getInsight(linked))?.accountKey).toBe('acme-corp');
    expect((await getInsight(inbox))?.accountKey).toBe('acme-corp');
    expect(await getAccount('acme-inc')).toBeUndefined();
    const after = (await story().ok('panel/getEvidence', {})).impact!;
    // One customer now: one contribution, at the highest severity of both insights.
    expect(after.score.uniqueAccounts).toBe(1);
    expect(after.score.contributions.map((c) => c.accountKey)).toEqual(['acme-corp']);
    expect(after.score.contributions[0]!.insightIds.sort()).toEqual(
      after.cards.map((c) => c.insightId).sort()
    );
    expect(after.cards.every((c) => c.account?.name === 'Acme Corp')).toBe(true);
    expect(after.score.score).toBeLessThan(before.score);
    // The library finds the moved insights under the survivor's name.
    const found = await page().ok('project/listInsights', { limit: 100, query: 'acme corp' });
    expect(found.items.map((i) => i.id)).toEqual(expect.arrayContaining([linked, inbox]));
  });

  it('records the merge in both accounts’ histories, once, however often it is retried', async () => {
    await seedDuplicates();
    expect((await merge()).ok).toBe(true);
    // A retried call and a repeated move (a queued job delivered twice) change nothing more.
    const again = await merge();
    expect(again).toMatchObject({ ok: true, value: { insightsMoved: 0 } });
    expect(
      await moveAccountInsights('acme-inc', 'acme-corp', { now: () => new Date(), newId: () => 'x' })
    ).toBe(0);
    await forge.drainQueues();
    const survivor = await accountHistory('acme-corp');
    expect(survivor.filter((h) => h.mergedFrom)).toEqual([
      expect.objectContaining({
        by: DEMO_USERS.alice,
        mergedFrom: { key: 'acme-inc', name: 'Acme Inc', insights: 2 }
      })
    ]);
    expect((await accountHistory('acme-inc')).map((h) => h.mergedInto)).toEqual([
      { key: 'acme-corp', name: 'Acme Corp' }
    ]);
    const view = await page().ok('project/accountView', { accountKey: 'acme-corp' });
    expect(view.totals.insights).toBe(3);
    expect(view.history[0]?.mergedFrom?.name).toBe('Acme Inc');
    expect(await page().call('project/accountView', { accountKey: 'acme-inc' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
  });

  it('makes the duplicate’s name an alias: captures and imports naming it join the survivor', async () => {
    await seedDuplicates();
    expect((await merge()).ok).toBe(true);
    const captured = await page().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Later ticket', account: { name: 'ACME Inc.' } })
    });
    expect(captured.accountKey).toBe('acme-corp');
    expect(captured.account?.name).toBe('Acme Corp');
    const linked = await story().ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Later call', account: { name: 'Acme Inc' } }),
      note: ''
    });
    expect(linked.view.impact!.score.uniqueAccounts).toBe(1);
    const imported = await importRows(page(), [
      {
        line: 2,
        insight: {
          summary: 'Imported',
          sourceKind: 'ticket',
          observedAt: '2026-11-01',
          account: { name: 'Acme Inc' }
        }
      }
    ]);
    expect((await getInsight(imported.queued[0]!.insightId))?.accountKey).toBe('acme-corp');
    expect(await getAccount('acme-inc')).toBeUndefined();
  });

  it('refuses a user who does not curate the project, and changes nothing', async () => {
    await seedDuplicates();
    const before = await snapshot();
    for (const user of [DEMO_USERS.carol, DEMO_USERS.frank, DEMO_USERS.dave]) {
      const result = await merge(user);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.error.code);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a duplicate with evidence in another project, and accounts that do not exist', async () => {
    await seedDuplicates();
    const other = findChain(forge.seed, 1);
    await projectPage(forge, DEMO_USERS.alice, other.projectId).ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Elsewhere', account: { name: 'Acme Inc' } })
    });
    const before = await snapshot();
    expect(await merge()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await page().call('project/mergeAccounts', { sourceKey: 'no-such-account', targetKey: 'acme-corp' })
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await page().call('project/mergeAccounts', { sourceKey: 'acme-inc', targetKey: 'no-such-account' })
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with a typed error', async () => {
    await seedDuplicates();
    expect(
      await page().call('project/mergeAccounts', { sourceKey: 'acme-corp', targetKey: 'acme-corp' })
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(
      await page().call('project/mergeAccounts', { sourceKey: 'acme inc!', targetKey: 'acme-corp' })
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await getAccount('acme-inc')).toBeDefined();
  });
});
