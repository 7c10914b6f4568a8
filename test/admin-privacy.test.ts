import { LocalForge } from '../local/host/local-forge';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  panel,
  projectPage,
  sampleInsight,
  type Chain
} from './evidence-kit';

/**
 * The admin page's backend: Jira administrators only, validated scoring settings with a
 * preview that writes nothing, and privacy — identity and revenue masked by the backend
 * for users outside the allowed groups.
 */
describe('admin settings and privacy', () => {
  let forge: LocalForge;
  let chain: Chain;
  const admin = (accountId: string) => new AppClient(forge, accountId, { module: 'adminPage' });

  beforeEach(async () => {
    forge = new LocalForge();
    chain = findChain(forge.seed);
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
  });
  afterEach(() => forge.stop());

  it('lets only Jira administrators read or change settings', async () => {
    expect((await admin(DEMO_USERS.alice).ok('admin/getSettings', {})).scoring.recency.halfLifeDays).toBe(90);
    for (const user of [DEMO_USERS.bob, DEMO_USERS.carol, DEMO_USERS.dave]) {
      expect(await admin(user).call('admin/getSettings', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      });
      expect(
        await admin(user).call('admin/saveSettings', {
          privacy: { restrictIdentity: true, allowedGroups: [] }
        })
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      });
    }
    expect((await admin(DEMO_USERS.alice).ok('admin/getSettings', {})).privacy.restrictIdentity).toBe(false);
  });

  it('rejects invalid scoring settings with the field that is wrong, saving nothing', async () => {
    const result = await admin(DEMO_USERS.alice).call('admin/saveSettings', {
      scoring: { recency: { halfLifeDays: -3 } }
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.fieldIssues.map((i) => i.path)).toContain('scoring.recency.halfLifeDays');
    expect((await admin(DEMO_USERS.alice).ok('admin/getSettings', {})).scoring.recency.halfLifeDays).toBe(90);
  });

  it('previews how top scores would change, without writing anything', async () => {
    const before = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    const preview = await admin(DEMO_USERS.alice).ok('admin/previewScoring', {
      scoring: { severityWeights: { low: 1, medium: 2, high: 4, critical: 16 } }
    });
    const row = preview.find((r) => r.issueId === chain.storyId)!;
    expect(row.current).toBeCloseTo(before.impact!.score.score, 2);
    expect(row.preview).toBeCloseTo(row.current * 2, 0);
    const after = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    expect(after).toEqual(before);
  });

  it('saves scoring settings that the next recompute uses', async () => {
    const saved = await admin(DEMO_USERS.alice).ok('admin/saveSettings', {
      scoring: { recency: { halfLifeDays: 30 } }
    });
    expect(saved.scoring.recency.halfLifeDays).toBe(30);
    expect(saved.scoring.severityWeights.critical).toBe(8);
    const relinked = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/captureAndLink',
      {
        insight: sampleInsight({ summary: 'Another one', account: undefined }),
        note: ''
      }
    );
    expect(relinked.view.impact!.score.settingsHash).toBe(saved.settingsHash);
  });

  it('masks account names and revenue for users outside the allowed groups', async () => {
    await admin(DEMO_USERS.alice).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] },
      confirmSelfMask: true
    });

    const bob = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    expect(bob.identityHidden).toBeUndefined();
    expect(bob.impact!.cards[0]!.account!.name).toBe('Acme Corp');

    const carolPanel = panel(forge, DEMO_USERS.carol, chain.projectId, chain.storyId);
    const carol = await carolPanel.ok('panel/getEvidence', {});
    expect(carol.identityHidden).toBe(true);
    expect(carol.impact!.score.score).toBe(bob.impact!.score.score);
    expect(carol.impact!.score.arrAtStake).toBe(0);
    expect(carol.impact!.cards[0]!.account).toMatchObject({ arr: 0 });
    expect(carol.impact!.cards[0]!.account!.name).toMatch(/^Customer [0-9A-F]{6}$/);
    expect(JSON.stringify(carol)).not.toMatch(/Acme|240000/);

    const library = await projectPage(forge, DEMO_USERS.carol, chain.projectId).ok(
      'project/listInsights',
      {}
    );
    expect(JSON.stringify(library)).not.toMatch(/Acme|240000/);
    const ranked = await projectPage(forge, DEMO_USERS.carol, chain.projectId).ok('project/rankedIssues', {
      statusCategory: 'all'
    });
    expect(ranked.items.every((r) => r.arr === 0 && r.identityHidden)).toBe(true);

    // The answer is cached per user: the next panel read is one storage call (which also
    // brings the installation's alias key, which masked answers need) and no Jira call.
    forge.host.meter.reset();
    await carolPanel.ok('panel/getEvidence', {});
    expect(forge.host.meter.snapshot().calls).toMatchObject({ kvs: 1, jira: 0 });
  });

  it('stops masking as soon as the allowed groups change', async () => {
    await admin(DEMO_USERS.alice).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] },
      confirmSelfMask: true
    });
    const carolPanel = panel(forge, DEMO_USERS.carol, chain.projectId, chain.storyId);
    expect((await carolPanel.ok('panel/getEvidence', {})).identityHidden).toBe(true);
    await admin(DEMO_USERS.alice).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['viewers'] },
      confirmSelfMask: true
    });
    expect((await carolPanel.ok('panel/getEvidence', {})).identityHidden).toBeUndefined();
  });
});
