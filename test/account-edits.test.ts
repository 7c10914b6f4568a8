import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { accountHistory, getAccount } from '../src/storage/account-store';
import { DEMO_USERS, findChain, importRows, panel, projectPage, sampleInsight } from './evidence-kit';

/**
 * Accounts are shared by every project. Only an explicit edit changes a stored account's
 * name, segment or revenue, and each edit is recorded and rescores what it affects; a
 * capture or an import fills what is missing and reports what it would have changed.
 */
describe('shared accounts', () => {
  let forge: LocalForge;
  let chain: ReturnType<typeof findChain>;
  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const library = (): ReturnType<typeof projectPage> => projectPage(forge, DEMO_USERS.alice, chain.projectId);
  const story = (): ReturnType<typeof panel> =>
    panel(forge, DEMO_USERS.alice, chain.projectId, chain.storyId);

  it('keeps segment and revenue that an edit leaves out', async () => {
    await library().ok('project/captureInsight', { insight: sampleInsight() });
    const edited = await library().ok('project/upsertAccount', {
      account: { key: 'acme-corp', name: 'ACME Corporation' }
    });
    expect({ name: edited.name, segment: edited.segment, arr: edited.arr }).toEqual({
      name: 'ACME Corporation',
      segment: 'enterprise',
      arr: 240000
    });
    expect(edited.changes).toEqual([{ field: 'name', before: 'Acme Corp', after: 'ACME Corporation' }]);
  });

  it('records who changed which field of an account, when, from what to what', async () => {
    await library().ok('project/captureInsight', { insight: sampleInsight() });
    await library().ok('project/upsertAccount', { account: { name: 'Acme Corp', arr: 900000 } });
    await library().ok('project/upsertAccount', { account: { name: 'Acme Corp', segment: 'mid_market' } });
    const history = await accountHistory('acme-corp');
    expect(history.map((h) => ({ by: h.by, changes: h.changes }))).toEqual([
      { by: DEMO_USERS.alice, changes: [{ field: 'arr', before: 240000, after: 900000 }] },
      { by: DEMO_USERS.alice, changes: [{ field: 'segment', before: 'enterprise', after: 'mid_market' }] }
    ]);
    expect(history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
  });

  it('rescores the issues of an edited account', async () => {
    await story().ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    const before = (await story().ok('panel/getEvidence', {})).impact!.score.score;
    const edited = await library().ok('project/upsertAccount', { account: { name: 'Acme Corp', arr: 5000 } });
    expect(edited.rescore?.insightsTotal).toBe(1);
    await forge.drainQueues();
    const after = await story().ok('panel/getEvidence', {});
    expect(after.impact!.cards[0]!.account?.arr).toBe(5000);
    expect(after.impact!.score.score).toBeLessThan(before);
  });

  it('does not rename or overwrite an account from a capture, and reports the differences', async () => {
    await library().ok('project/captureInsight', { insight: sampleInsight() });
    const view = await library().ok('project/captureInsight', {
      insight: sampleInsight({ account: { name: 'ACME corp', segment: 'smb', arr: 5 } })
    });
    expect(view.accountConflicts).toEqual([
      { accountKey: 'acme-corp', field: 'name', stored: 'Acme Corp', given: 'ACME corp' },
      { accountKey: 'acme-corp', field: 'segment', stored: 'enterprise', given: 'smb' },
      { accountKey: 'acme-corp', field: 'arr', stored: 240000, given: 5 }
    ]);
    const stored = await getAccount('acme-corp');
    expect({ name: stored?.name, segment: stored?.segment, arr: stored?.arr }).toEqual({
      name: 'Acme Corp',
      segment: 'enterprise',
      arr: 240000
    });
  });

  it('fills an account’s missing segment and revenue from a capture and rescores its issues', async () => {
    await story().ok('panel/captureAndLink', {
      insight: sampleInsight({ account: { name: 'Hooli' } }),
      note: ''
    });
    const linked = await panel(forge, DEMO_USERS.alice, chain.projectId, chain.otherStoryId).ok(
      'panel/captureAndLink',
      {
        insight: sampleInsight({
          summary: 'Refunds are slow',
          account: { name: 'Hooli', segment: 'smb', arr: 5000 }
        }),
        note: ''
      }
    );
    expect(linked.accountConflicts).toBeUndefined();
    await forge.drainQueues();
    const card = (await story().ok('panel/getEvidence', {})).impact!.cards[0]!;
    expect({ segment: card.account?.segment, arr: card.account?.arr }).toEqual({ segment: 'smb', arr: 5000 });
  });

  it('reports, per line, the rows of an import that name an account differently', async () => {
    await library().ok('project/captureInsight', { insight: sampleInsight() });
    const report = await importRows(library(), [
      {
        line: 2,
        key: 'T-1',
        insight: sampleInsight({ summary: 'One', account: { name: 'Acme Corp', arr: 1 } })
      },
      {
        line: 3,
        key: 'T-2',
        insight: sampleInsight({ summary: 'Two', account: { name: 'Acme Corp', arr: 240000 } })
      }
    ]);
    expect(report.progress.created).toBe(2);
    expect(report.progress.accountConflicts).toEqual([
      { line: 2, accountKey: 'acme-corp', field: 'arr', stored: 240000, given: 1 }
    ]);
    expect((await getAccount('acme-corp'))?.arr).toBe(240000);
  });
});
