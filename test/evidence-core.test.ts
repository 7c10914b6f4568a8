import { LocalForge } from '../local/host/local-forge';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, type Chain } from './evidence-kit';

/**
 * The evidence core end to end: the real resolvers, the real @forge/kvs and @forge/api,
 * on the local KVS engine and the local Jira (every Jira call checked against
 * Atlassian's OpenAPI description).
 */
describe('evidence core on the local Forge host', () => {
  let forge: LocalForge;
  let chain: Chain;

  beforeEach(() => {
    forge = new LocalForge();
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  it('captures an insight on an issue and shows it with an explained score', async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    const outcome = await bob.ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: 'Blocks renewals'
    });
    const impact = outcome.view.impact;
    expect(impact).not.toBeNull();
    expect(impact!.score.score).toBeGreaterThan(0);
    expect(impact!.score.uniqueAccounts).toBe(1);
    expect(impact!.score.arrAtStake).toBe(240000);
    expect(impact!.cards).toHaveLength(1);
    expect(impact!.cards[0]).toMatchObject({
      summary: 'Checkout times out when paying by invoice',
      note: 'Blocks renewals'
    });
    expect(impact!.score.contributions[0]).toMatchObject({ accountName: 'Acme Corp', severity: 'critical' });

    const read = await bob.ok('panel/getEvidence', {});
    expect(read.impact?.score.score).toBe(impact!.score.score);
  });

  it('reads the panel in one storage call and no Jira call', async () => {
    // Counted without transiently failing batch items, whose retries are not the app's cost.
    forge.stop();
    forge = new LocalForge({ flakyBatchItems: 'off' });
    chain = findChain(forge.seed);
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    await bob.ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    forge.host.meter.reset();
    await bob.ok('panel/getEvidence', {});
    const counts = forge.host.meter.snapshot();
    expect(counts.calls.kvs).toBe(1);
    expect(counts.calls.jira).toBe(0);
  });

  it('counts one account once, at its highest severity', async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    await bob.ok('panel/captureAndLink', { insight: sampleInsight({ severity: 'low' }), note: '' });
    const before = (await bob.ok('panel/getEvidence', {})).impact!.score.score;
    const outcome = await bob.ok('panel/captureAndLink', {
      insight: sampleInsight({ severity: 'low', summary: 'Invoice payment fails again' }),
      note: ''
    });
    expect(outcome.view.impact!.score.uniqueAccounts).toBe(1);
    expect(outcome.view.impact!.score.insightCount).toBe(2);
    expect(outcome.view.impact!.score.score).toBeCloseTo(before, 2);
  });

  it('rolls evidence up to the parent and epic as a union, never a sum', async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId);
    const captured = await bob.ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    const insightId = captured.view.impact!.cards[0]!.insightId;
    // The same insight linked to the story too must not count twice on the epic.
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/link', {
      insightIds: [insightId],
      note: ''
    });

    const epic = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.epicId).ok(
      'panel/getEvidence',
      {}
    );
    const story = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    const subtask = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok(
      'panel/getEvidence',
      {}
    );
    expect(epic.impact!.score.insightCount).toBe(1);
    expect(epic.impact!.score.score).toBeCloseTo(subtask.impact!.score.score, 2);
    expect(story.impact!.cards[0]!.fromIssueId).toBe(chain.storyId);
    expect(epic.impact!.cards[0]!.fromIssueId).toBe(chain.storyId);
  });

  it('unlinks, rescoring the chain and returning an orphaned insight to the inbox', async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId);
    const captured = await bob.ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    const insightId = captured.view.impact!.cards[0]!.insightId;
    const after = await bob.ok('panel/unlink', { insightId });
    expect(after.impact).toBeNull();
    const epic = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.epicId).ok(
      'panel/getEvidence',
      {}
    );
    expect(epic.impact).toBeNull();
    const inbox = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/listInsights', {
      status: 'new'
    });
    expect(inbox.items.map((i) => i.id)).toContain(insightId);
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    forge.host.meter.reset();
    const result = await bob.call('panel/captureAndLink', {
      insight: sampleInsight({ summary: '', sourceUrl: 'javascript:alert(1)' }),
      note: ''
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    const paths = result.error.fieldIssues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['insight.summary', 'insight.sourceUrl']));
    expect(forge.host.meter.snapshot().byPath['kvs /api/v1/transaction']).toBeUndefined();
    expect((await bob.ok('panel/getEvidence', {})).impact).toBeNull();
  });

  it('rejects unknown fields in a payload', async () => {
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    const result = await bob.call('panel/unlink', { insightId: 'x', issueId: '1' } as unknown as {
      insightId: string;
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION_FAILED');
  });

  it('ranks a project by impact, highest first, with Jira fields', async () => {
    const bob = (issueId: string) => panel(forge, DEMO_USERS.bob, chain.projectId, issueId);
    await bob(chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight({ severity: 'low', account: undefined }),
      note: ''
    });
    await bob(chain.subtaskId).ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    const page = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/rankedIssues', {
      limit: 10,
      statusCategory: 'all'
    });
    const scores = page.items.map((row) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.items.map((row) => row.issueId)).toEqual(
      expect.arrayContaining([chain.subtaskId, chain.storyId, chain.epicId, chain.otherStoryId])
    );
    expect(page.items[0]!.key).toMatch(/^[A-Z]+-\d+$/);
  });

  it('rescores every issue an insight is evidence for when it is edited or deleted', async () => {
    const bob = (issueId: string) => panel(forge, DEMO_USERS.bob, chain.projectId, issueId);
    const captured = await bob(chain.subtaskId).ok('panel/captureAndLink', {
      insight: sampleInsight({ severity: 'low' }),
      note: ''
    });
    const insightId = captured.view.impact!.cards[0]!.insightId;
    await bob(chain.otherStoryId).ok('panel/link', { insightIds: [insightId], note: '' });
    const before = (await bob(chain.epicId).ok('panel/getEvidence', {})).impact!.score.score;

    const library = projectPage(forge, DEMO_USERS.bob, chain.projectId);
    await library.ok('project/editInsight', {
      insightId,
      patch: { severity: 'critical', summary: 'Now critical' }
    });
    for (const issueId of [chain.subtaskId, chain.storyId, chain.otherStoryId, chain.epicId]) {
      const view = await bob(issueId).ok('panel/getEvidence', {});
      expect(view.impact!.cards[0]).toMatchObject({ summary: 'Now critical', severity: 'critical' });
    }
    expect((await bob(chain.epicId).ok('panel/getEvidence', {})).impact!.score.score).toBeCloseTo(
      before * 8,
      1
    );

    await library.ok('project/deleteInsight', { insightId });
    for (const issueId of [chain.subtaskId, chain.storyId, chain.otherStoryId, chain.epicId]) {
      expect((await bob(issueId).ok('panel/getEvidence', {})).impact).toBeNull();
    }
  });
});
