import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { DEMO_USERS, findChain, projectPage, sampleInsight, type Chain } from './evidence-kit';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Triage in bulk from the project's inbox: many insights linked to one issue or dismissed
 * in one call, each answered on its own; the dismissal undone by restoring; and the
 * inbox counted by source and age as the user may see it.
 */
describe('bulk triage of the inbox', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const bob = () => projectPage(forge, DEMO_USERS.bob, chain.projectId);

  async function capture(count: number, overrides: Record<string, unknown> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const view = await bob().ok('project/captureInsight', {
        insight: sampleInsight({ summary: `Inbox item ${i}`, account: undefined, ...overrides })
      });
      ids.push(view.id);
    }
    return ids;
  }

  const inboxIds = async (): Promise<string[]> =>
    (await bob().ok('project/listInsights', { status: 'new', limit: 100 })).items.map((i) => i.id);

  it('dismisses many at once, and restoring them undoes it', async () => {
    const ids = await capture(3);
    const dismissed = await bob().ok('project/triageInsights', {
      insightIds: ids,
      action: { kind: 'dismiss' }
    });
    expect(dismissed.items).toEqual(
      ids.map((insightId) => ({ insightId, outcome: 'done', status: 'dismissed' }))
    );
    expect(await inboxIds()).toEqual([]);

    const restored = await bob().ok('project/triageInsights', {
      insightIds: ids,
      action: { kind: 'restore' }
    });
    expect(restored.items.map((i) => i.outcome)).toEqual(['done', 'done', 'done']);
    expect((await inboxIds()).sort()).toEqual([...ids].sort());
  });

  it('links many to one issue and says which were linked', async () => {
    const ids = await capture(2);
    const outcome = await bob().ok('project/triageInsights', {
      insightIds: ids,
      action: { kind: 'link', issueId: chain.storyId, note: 'Both ask for invoice payment' }
    });
    expect(outcome.items.map((i) => [i.insightId, i.outcome])).toEqual(ids.map((id) => [id, 'done']));
    const evidence = await bob().ok('project/getEvidence', { issueId: chain.storyId });
    expect(evidence.impact?.cards.map((c) => c.insightId).sort()).toEqual([...ids].sort());
    expect(await inboxIds()).toEqual([]);
  });

  it('refuses an insight of another project by id and still triages the rest', async () => {
    const [own] = await capture(1);
    const otherProject = forge.seed.projects[1]!.id;
    const foreign = await projectPage(forge, DEMO_USERS.alice, otherProject).ok('project/captureInsight', {
      insight: sampleInsight({ account: undefined })
    });
    for (const action of [
      { kind: 'dismiss' as const },
      { kind: 'link' as const, issueId: chain.storyId, note: '' }
    ]) {
      const outcome = await bob().ok('project/triageInsights', { insightIds: [foreign.id, own!], action });
      expect(outcome.items[0]).toMatchObject({
        insightId: foreign.id,
        outcome: 'refused',
        code: 'NOT_FOUND'
      });
      expect(outcome.items[1]).toMatchObject({ insightId: own, outcome: 'done' });
      if (action.kind === 'dismiss')
        await bob().ok('project/triageInsights', { insightIds: [own!], action: { kind: 'restore' } });
    }
    // The other project's insight is untouched.
    const theirs = await projectPage(forge, DEMO_USERS.alice, otherProject).ok('project/listInsights', {
      status: 'new'
    });
    expect(theirs.items.map((i) => i.id)).toContain(foreign.id);
  });

  it('refuses each linked insight on its own when dismissing', async () => {
    const ids = await capture(2);
    await bob().ok('project/link', { issueId: chain.storyId, insightIds: [ids[0]!], note: '' });
    const outcome = await bob().ok('project/triageInsights', {
      insightIds: ids,
      action: { kind: 'dismiss' }
    });
    expect(outcome.items[0]).toMatchObject({ outcome: 'refused', code: 'VALIDATION_FAILED' });
    expect(outcome.items[1]).toMatchObject({ outcome: 'done', status: 'dismissed' });
  });

  it('refuses a viewer, and changes nothing', async () => {
    const ids = await capture(2);
    const carol = projectPage(forge, DEMO_USERS.carol, chain.projectId);
    for (const action of [
      { kind: 'dismiss' as const },
      { kind: 'link' as const, issueId: chain.storyId, note: '' }
    ]) {
      const refused = await carol.call('project/triageInsights', { insightIds: ids, action });
      expect(refused.ok).toBe(false);
    }
    expect((await inboxIds()).sort()).toEqual([...ids].sort());
  });

  it('refuses a payload of more than 50 insights or one naming an insight twice', async () => {
    const [id] = await capture(1);
    const tooMany = await bob().call('project/triageInsights', {
      insightIds: Array.from({ length: 51 }, (_, i) => `id${i}`),
      action: { kind: 'dismiss' }
    });
    expect(tooMany.ok || tooMany.error.code).toBe('VALIDATION_FAILED');
    const twice = await bob().call('project/triageInsights', {
      insightIds: [id!, id!],
      action: { kind: 'dismiss' }
    });
    expect(twice.ok || twice.error.code).toBe('VALIDATION_FAILED');
    expect(await inboxIds()).toEqual([id]);
  });

  it('counts the inbox by source kind and by age', async () => {
    const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
    await capture(2, { sourceKind: 'interview', observedAt: daysAgo(50) });
    await capture(1, { sourceKind: 'survey', observedAt: daysAgo(10) });
    const [dismissed] = await capture(1, { sourceKind: 'survey', observedAt: daysAgo(1) });
    await bob().ok('project/setInsightStatus', { insightId: dismissed!, status: 'dismissed' });
    await capture(1, { sourceKind: 'ticket', observedAt: daysAgo(0) });

    const counts = await bob().ok('project/inboxCounts', {});
    expect(counts.total).toBe(4);
    expect(counts.bySource).toMatchObject({ interview: 2, survey: 1, ticket: 1, nps: 0 });
    expect(counts.byAge).toEqual({ week: 1, month: 1, older: 2 });
    expect(counts.partial).toBeUndefined();
  });
});
