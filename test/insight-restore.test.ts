import type { Config } from '@jest/types';
import type { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { RESTORE_WINDOW_MINUTES } from '../src/contract/payloads';
import type { ImpactScore } from '../src/domain/scoring/score';
import { getInsight } from '../src/storage/insight-store';
import {
  DEMO_USERS,
  findChain,
  panel,
  projectPage,
  sampleInsight,
  testForge,
  type Chain
} from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

const REAL_TIMERS: Config.FakeableAPI[] = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout'
];

/**
 * The undo of a delete, through the real resolvers on the local host: the deleted
 * insight comes back from what the server kept, with its links and its issues' scores,
 * for a few minutes and to curators only.
 */
describe('restoring a deleted insight', () => {
  let forge: LocalForge;
  let chain: Chain;
  const library = (user: string = DEMO_USERS.alice) => projectPage(forge, user, chain.projectId);
  const evidence = async (issueId: string) =>
    (await panel(forge, DEMO_USERS.alice, chain.projectId, issueId).ok('panel/getEvidence', {})).impact;
  const scored = [() => chain.subtaskId, () => chain.storyId, () => chain.otherStoryId, () => chain.epicId];

  beforeEach(() => {
    forge = testForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => {
    forge.stop();
    jest.useRealTimers();
  });

  /** An insight of Acme Corp linked to the sub-task and to the other story, plus another insight on the story. */
  async function linkedInsight(): Promise<string> {
    const captured = await panel(forge, DEMO_USERS.alice, chain.projectId, chain.subtaskId).ok(
      'panel/captureAndLink',
      { insight: sampleInsight(), note: 'Blocks renewals' }
    );
    const insightId = captured.view.impact!.cards[0]!.insightId;
    await panel(forge, DEMO_USERS.alice, chain.projectId, chain.otherStoryId).ok('panel/link', {
      insightIds: [insightId],
      note: ''
    });
    await panel(forge, DEMO_USERS.alice, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Invoices fail in bulk', account: { name: 'Globex', arr: 5000 } }),
      note: ''
    });
    return insightId;
  }

  /** Each scored issue's stored score must be what scoring its evidence from scratch gives. */
  async function expectScoresFromScratch(): Promise<void> {
    const stored = new Map<string, ImpactScore>();
    for (const id of scored.map((f) => f())) {
      const impact = await evidence(id);
      if (impact) stored.set(id, impact.score);
    }
    const expected = await recomputeFromScratch(
      forge.jira,
      scored.map((f) => f()),
      { now: (issueId) => (stored.has(issueId) ? new Date(stored.get(issueId)!.computedAt) : undefined) }
    );
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [issueId, score] of stored) {
      expect(score.score).toBeCloseTo(expected.get(issueId)!.score, 6);
      expect(score.insightCount).toBe(expected.get(issueId)!.insightCount);
      expect(score.arrAtStake).toBe(expected.get(issueId)!.arrAtStake);
    }
  }

  it('brings back the insight, its links and notes, and the scores it fed', async () => {
    const insightId = await linkedInsight();
    const before = await evidence(chain.epicId);

    const deleted = await library().ok('project/deleteInsight', { insightId });
    expect(deleted.restorableUntil).toBeDefined();
    expect(await evidence(chain.subtaskId)).toBeNull();
    expect((await evidence(chain.epicId))!.score.insightCount).toBe(1);

    const restored = await library().ok('project/restoreInsight', { insightId });
    expect(restored.linksNotRestored).toBe(0);
    expect(restored.insight).toMatchObject({ id: insightId, status: 'linked', linkCount: 2 });
    expect(restored.insight.account?.name).toBe('Acme Corp');

    const subtask = await evidence(chain.subtaskId);
    expect(subtask!.cards.map((c) => [c.summary, c.note])).toEqual([
      ['Checkout times out when paying by invoice', 'Blocks renewals']
    ]);
    expect((await evidence(chain.otherStoryId))!.score.insightCount).toBe(1);
    const epic = await evidence(chain.epicId);
    expect(epic!.score.insightCount).toBe(before!.score.insightCount);
    expect(epic!.score.arrAtStake).toBe(before!.score.arrAtStake);
    const linked = await library().ok('project/listInsights', { status: 'linked' });
    expect(linked.items.map((i) => i.id)).toContain(insightId);
    const found = await library().ok('project/listInsights', { query: 'paying by invoice' });
    expect(found.items.map((i) => i.id)).toEqual([insightId]);
    await expectScoresFromScratch();
  });

  it('leaves out a link to an issue deleted in Jira since, and scores stay exact', async () => {
    const insightId = await linkedInsight();
    await library().ok('project/deleteInsight', { insightId });
    forge.jira.deleteIssue(chain.otherStoryId);
    await forge.settle();

    const restored = await library().ok('project/restoreInsight', { insightId });
    expect(restored.linksNotRestored).toBe(1);
    expect(restored.insight.linkCount).toBe(1);
    expect((await evidence(chain.subtaskId))!.score.insightCount).toBe(1);
    expect((await getInsight(insightId))?.linkCount).toBe(1);
    await expectScoresFromScratch();
  });

  it('brings an unlinked insight back to the inbox', async () => {
    const captured = await library().ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Wants dark mode' })
    });
    await library().ok('project/deleteInsight', { insightId: captured.id });
    expect((await library().ok('project/inboxCounts', {})).total).toBe(0);
    const restored = await library().ok('project/restoreInsight', { insightId: captured.id });
    expect(restored.insight).toMatchObject({ status: 'new', linkCount: 0, summary: 'Wants dark mode' });
    const inbox = await library().ok('project/listInsights', { status: 'new' });
    expect(inbox.items.map((i) => i.id)).toEqual([captured.id]);
  });

  it('refuses a user who may not curate, and changes nothing', async () => {
    const insightId = await linkedInsight();
    await library().ok('project/deleteInsight', { insightId });
    const epic = await evidence(chain.epicId);
    forge.host.meter.reset();
    for (const user of [DEMO_USERS.carol, DEMO_USERS.dave]) {
      const refused = await library(user).call('project/restoreInsight', { insightId });
      expect(refused).toMatchObject({ ok: false });
      if (!refused.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.error.code);
    }
    expect(forge.host.meter.snapshot().byPath['kvs /api/v1/transaction']).toBeUndefined();
    expect(await getInsight(insightId)).toBeUndefined();
    expect(await evidence(chain.epicId)).toEqual(epic);
    // The undo is still there for a curator.
    expect((await library().ok('project/restoreInsight', { insightId })).insight.id).toBe(insightId);
  });

  it(`refuses after ${RESTORE_WINDOW_MINUTES} minutes, and changes nothing`, async () => {
    const insightId = await linkedInsight();
    await library().ok('project/deleteInsight', { insightId });
    const epic = await evidence(chain.epicId);
    // Only Date moves on (the app's clock and the stored copy's expiry); timers stay real.
    jest.useFakeTimers({ now: Date.now() + (RESTORE_WINDOW_MINUTES + 1) * 60_000, doNotFake: REAL_TIMERS });
    forge.host.meter.reset();
    const refused = await library().call('project/restoreInsight', { insightId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(forge.host.meter.snapshot().byPath['kvs /api/v1/transaction']).toBeUndefined();
    expect(await getInsight(insightId)).toBeUndefined();
    expect(await evidence(chain.epicId)).toEqual(epic);
  });

  it('restores once: a second undo, or one from another project, is refused', async () => {
    const insightId = await linkedInsight();
    await library().ok('project/deleteInsight', { insightId });
    const other = findChain(forge.seed, 1);
    expect(
      await projectPage(forge, DEMO_USERS.alice, other.projectId).call('project/restoreInsight', {
        insightId
      })
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await library().ok('project/restoreInsight', { insightId });
    expect(await library().call('project/restoreInsight', { insightId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    expect((await evidence(chain.subtaskId))!.score.insightCount).toBe(1);
    await expectScoresFromScratch();
  });

  it('offers no undo for a delete a job finishes', async () => {
    const captured = await library().ok('project/captureInsight', { insight: sampleInsight() });
    const issues = forge.seed.issues.filter((i) => i.projectId === chain.projectId && !i.securityLevel);
    for (const issue of issues.slice(0, 7))
      await library().ok('project/link', { issueId: issue.id, insightIds: [captured.id], note: '' });
    const deleted = await library().ok('project/deleteInsight', { insightId: captured.id });
    expect(deleted.pendingLinks).toBe(7);
    expect(deleted.restorableUntil).toBeUndefined();
    await forge.settle();
    expect(await library().call('project/restoreInsight', { insightId: captured.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
  });
});
