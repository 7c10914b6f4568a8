import type { HoldPoint } from '../local/host/interleaving';
import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { getInsights } from '../src/storage/insight-store';
import { linksOfInsight } from '../src/storage/link-store';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, type AppClient } from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

/**
 * Many people linking and unlinking at once: optimistic transactions must lose no
 * update, so the stored impacts equal a recomputation from the stored links.
 */
describe('concurrent linking', () => {
  let forge: LocalForge;
  beforeEach(() => {
    forge = new LocalForge();
  });
  afterEach(() => forge.stop());

  it('ends with stored scores equal to a from-scratch recomputation', async () => {
    const chain = findChain(forge.seed);
    const library = projectPage(forge, DEMO_USERS.bob, chain.projectId);
    const accounts = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark'];
    const insightIds: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const view = await library.ok('project/captureInsight', {
        insight: sampleInsight({
          summary: `Insight ${i}`,
          severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4],
          account:
            i % 5 === 4
              ? undefined
              : { name: accounts[i % accounts.length]!, arr: 1000 * (i + 1), segment: 'smb' }
        })
      });
      insightIds.push(view.id);
    }
    const issues = [chain.subtaskId, chain.storyId, chain.otherStoryId, chain.epicId];
    const operations: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i += 1) {
      const issueId = issues[i % issues.length]!;
      const insightId = insightIds[(i * 7) % insightIds.length]!;
      const client = panel(forge, DEMO_USERS.bob, chain.projectId, issueId);
      operations.push(
        i % 3 === 2
          ? client.call('panel/unlink', { insightId })
          : client.call('panel/link', { insightIds: [insightId], note: `op ${i}` })
      );
    }
    const results = (await Promise.all(operations)) as { ok: boolean; error?: { code: string } }[];
    // Unlinking something not (yet) linked is a legitimate NOT_FOUND. Forty writers at once
    // retrying conflicts pass Forge's 1 000 storage requests per second, so some are told
    // BUSY (nothing written; try again). Nothing else may fail.
    for (const r of results) if (!r.ok) expect(['NOT_FOUND', 'BUSY']).toContain(r.error?.code);

    forge.host.clock.advance(60_000); // a minute later the quotas have refilled
    const expected = await recomputeFromScratch(forge.jira, issues);
    for (const issueId of issues) {
      const stored = await panel(forge, DEMO_USERS.bob, chain.projectId, issueId).ok('panel/getEvidence', {});
      const want = expected.get(issueId);
      expect({
        issueId,
        score: stored.impact?.score.score ?? 0,
        count: stored.impact?.score.insightCount ?? 0
      }).toEqual({
        issueId,
        score: want?.score ?? 0,
        count: want?.insightCount ?? 0
      });
    }
    // Forty writers at once on a loaded machine can take well over the default 30 s.
  }, 180_000);
});

/**
 * Every pair of write use cases on the same insight, link and account, in the worst
 * order: invocation A reads, then is held (by the local host) while invocation B runs
 * to completion, then commits what it computed from its stale reads. Optimistic
 * conditions must refuse that commit and A must retry on fresh data, so the end state
 * is one of the two serial orders: no link brought back after an unlink, delete or
 * merge, no lost count, scores equal to a from-scratch recomputation.
 */
describe('interleaved writers on the same insight, link and account', () => {
  type Outcome = { ok: boolean; error?: { code: string } };
  interface World {
    forge: LocalForge;
    chain: ReturnType<typeof findChain>;
    /** Linked to the story, account Acme. */
    insightId: string;
    /** In the inbox, account Globex: a merge target. */
    otherId: string;
  }
  type Operation = (w: World) => Promise<Outcome>;

  const library = (w: World): AppClient => projectPage(w.forge, DEMO_USERS.alice, w.chain.projectId);
  const onStory = (w: World): AppClient =>
    panel(w.forge, DEMO_USERS.alice, w.chain.projectId, w.chain.storyId);
  const onOtherStory = (w: World): AppClient =>
    panel(w.forge, DEMO_USERS.alice, w.chain.projectId, w.chain.otherStoryId);

  const operations: Record<string, Operation> = {
    link: (w) => onOtherStory(w).call('panel/link', { insightIds: [w.insightId], note: 'also here' }),
    unlink: (w) => onStory(w).call('panel/unlink', { insightId: w.insightId }),
    editNote: (w) => onStory(w).call('panel/editNote', { insightId: w.insightId, note: 'edited' }),
    editInsight: (w) =>
      library(w).call('project/editInsight', { insightId: w.insightId, patch: { severity: 'low' } }),
    moveAccount: (w) =>
      library(w).call('project/editInsight', {
        insightId: w.insightId,
        patch: { account: { name: 'Initech', segment: 'smb', arr: 5000 } }
      }),
    deleteInsight: (w) => library(w).call('project/deleteInsight', { insightId: w.insightId }),
    merge: (w) => library(w).call('project/mergeInsights', { sourceId: w.insightId, targetId: w.otherId }),
    upsertAccount: (w) =>
      library(w).call('project/upsertAccount', {
        account: { name: 'Acme Corp', segment: 'enterprise', arr: 900000 }
      })
  };

  async function setUp(): Promise<World> {
    const forge = new LocalForge().useApp(app);
    const chain = findChain(forge.seed);
    const w: World = { forge, chain, insightId: '', otherId: '' };
    const linked = await onStory(w).ok('panel/captureAndLink', { insight: sampleInsight(), note: 'first' });
    const card = linked.view.impact?.cards[0];
    if (!card) throw new Error('capture did not link');
    w.insightId = card.insightId;
    const other = await library(w).ok('project/captureInsight', {
      insight: sampleInsight({
        summary: 'Invoices time out',
        account: { name: 'Globex', arr: 1000, segment: 'smb' }
      })
    });
    w.otherId = other.id;
    return w;
  }

  /** Inbox with no link, addressed when every issue it backs is done in Jira, else linked. */
  function derivedStatus(w: World, links: readonly { issueId: string }[]): string {
    if (links.length === 0) return 'new';
    const category = (issueId: string): string | undefined => {
      const statusId = w.forge.jira.getIssue(issueId)?.statusId;
      return w.forge.seed.statuses.find((s) => s.id === statusId)?.category;
    };
    return links.every((l) => category(l.issueId) === 'done') ? 'addressed' : 'linked';
  }

  /** What must hold after any two writers, whatever their order. */
  async function expectConsistent(w: World): Promise<void> {
    const { storyId, otherStoryId, epicId } = w.chain;
    const ids = [w.insightId, w.otherId];
    const insights = await getInsights(ids);
    const links = (await Promise.all(ids.map((id) => linksOfInsight(id)))).flat();
    for (const link of links) {
      // A link whose insight is gone was brought back by a stale write.
      expect({ link: `${link.issueId}:${link.insightId}`, insight: insights.has(link.insightId) }).toEqual({
        link: `${link.issueId}:${link.insightId}`,
        insight: true
      });
      expect(link.accountKey).toBe(insights.get(link.insightId)?.accountKey);
    }
    for (const insight of insights.values()) {
      const count = links.filter((l) => l.insightId === insight.id).length;
      expect({ id: insight.id, linkCount: insight.linkCount }).toEqual({ id: insight.id, linkCount: count });
      expect(insight.status).toBe(
        derivedStatus(
          w,
          links.filter((l) => l.insightId === insight.id)
        )
      );
    }
    const issues = [storyId, otherStoryId, epicId];
    const expected = await recomputeFromScratch(w.forge.jira, issues);
    for (const issueId of issues) {
      const stored = await panel(w.forge, DEMO_USERS.alice, w.chain.projectId, issueId).ok(
        'panel/getEvidence',
        {}
      );
      const want = expected.get(issueId);
      expect({
        issueId,
        score: stored.impact?.score.score ?? 0,
        count: stored.impact?.score.insightCount ?? 0
      }).toEqual({
        issueId,
        score: want?.score ?? 0,
        count: want?.insightCount ?? 0
      });
    }
  }

  /** Refusals a serial order explains (the other writer removed the insight or link first). */
  const SERIAL_REFUSALS = ['NOT_FOUND'];

  async function race(first: string, second: string, point: HoldPoint): Promise<{ conflicts: number }> {
    const w = await setUp();
    try {
      const stats = w.forge.host.interleaving.stats;
      const before = stats.conflicts;
      const hold = w.forge.host.interleaving.holdNextInvocation(point);
      const held = operations[first]!(w);
      await Promise.race([hold.reached, held]);
      const other = await operations[second]!(w);
      hold.release();
      const outcome = await held;
      expect(hold.wasReached()).toBe(true);
      for (const result of [outcome, other]) {
        if (!result.ok) expect(SERIAL_REFUSALS).toContain(result.error?.code);
      }
      // Jobs the writers queued (an account edit's rescore) run before the end state is read.
      await w.forge.drainQueues();
      await expectConsistent(w);
      return { conflicts: stats.conflicts - before };
    } finally {
      w.forge.stop();
    }
  }

  const names = Object.keys(operations);
  const pairs = names.flatMap((first) => names.map((second) => [first, second] as const));

  // Held before its commit: every evidence writer here rescores the epic, so A's
  // transaction meets a row B changed and must be refused (and retried) at least once.
  // An account edit writes only the account (its issues are rescored by a queued job):
  // it shares a row only with another edit of the account.
  const sharesARow = (first: string, second: string): boolean =>
    (first === 'upsertAccount') === (second === 'upsertAccount');
  it.each(pairs)('%s held before its commit while %s runs', async (first, second) => {
    const { conflicts } = await race(first, second, { at: 'commit' });
    if (sharesARow(first, second)) expect(conflicts).toBeGreaterThan(0);
  });

  // Held after its first read: A's later reads are fresh, but what it read first (the
  // link whose note it edits, the insight it edits) may be gone.
  it.each(pairs)('%s held after its first read while %s runs', async (first, second) => {
    await race(first, second, { at: 'afterFirstRead' });
  });

  it('rescores a link committed after an account edit whose rescore job already ran', async () => {
    const w = await setUp();
    try {
      // An issue outside the story's hierarchy: the two writers share no impact row.
      const elsewhere = w.forge.seed.issues.find(
        (i) => i.projectId === w.chain.projectId && !i.parentId && !i.securityLevel && i.id !== w.chain.epicId
      )!;
      const hold = w.forge.host.interleaving.holdNextInvocation({ at: 'commit' });
      const held = panel(w.forge, DEMO_USERS.alice, w.chain.projectId, elsewhere.id).call('panel/link', {
        insightIds: [w.insightId],
        note: ''
      });
      await Promise.race([hold.reached, held]);
      expect((await operations.upsertAccount!(w)).ok).toBe(true);
      await w.forge.drainQueues();
      hold.release();
      expect((await held).ok).toBe(true);
      await expectConsistent(w);
      const [expected] = (await recomputeFromScratch(w.forge.jira, [elsewhere.id])).values();
      const stored = await panel(w.forge, DEMO_USERS.alice, w.chain.projectId, elsewhere.id).ok(
        'panel/getEvidence',
        {}
      );
      expect(stored.impact?.score.score).toBe(expected?.score);
    } finally {
      w.forge.stop();
    }
  });

  it('does not bring back a link unlinked while its note was being edited', async () => {
    const { conflicts } = await race('editNote', 'unlink', { at: 'afterFirstRead' });
    expect(conflicts).toBeGreaterThan(0);
  });
});
