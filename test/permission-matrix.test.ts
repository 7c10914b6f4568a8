import { LocalForge } from '../local/host/local-forge';
import { createDemoSeed, DEMO_SERVICE_PROJECT } from '../local/jira/seed';
import type { ContractKey, PayloadOf } from '../src/contract/surfaces';
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
 * Every resolver, called by each kind of user. Authorisation comes from Forge's context,
 * Jira's answer for the acting user and the project's named roles; a refused call
 * changes nothing.
 *
 * - outsider (dave): no access in Jira.
 * - viewer (carol): browses the project; cannot see the restricted issues.
 * - contributor (ivan): browses; in the group named the project's contributors.
 * - curator (judy): browses; in the group named the project's curators.
 * - editor (frank): may edit every issue in Jira, but holds no role in the app.
 * - admin (alice): Jira administrator, so a curator everywhere by default.
 * - masked (judy again, with customer identity restricted to admins): a curator who
 *   sees evidence with accounts masked; access is the same as a curator's.
 */
type Expect = 'ok' | 'refused';
const ROLES = ['outsider', 'viewer', 'contributor', 'curator', 'editor', 'admin', 'masked'] as const;
type Role = (typeof ROLES)[number];
type Expectations = Record<Role, Expect>;
interface Row {
  key: ContractKey;
  payload: (ids: {
    insightId: string;
    spareId: string;
    sourceId: string;
    deletedId: string;
    chain: Chain;
  }) => unknown;
  /** `request`: the issue action on the service desk's request SUP-1. */
  site: 'panel' | 'project' | 'admin' | 'request';
  expect: Expectations;
}

const only = (...allowed: Role[]): Expectations =>
  Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? 'ok' : 'refused'])) as Expectations;
/** Anyone who may browse the issue or project. */
const read = only('viewer', 'contributor', 'curator', 'editor', 'admin', 'masked');
/** Whoever may edit the issue in Jira, and the project's contributors and curators. */
const changeIssueEvidence = only('contributor', 'curator', 'editor', 'admin', 'masked');
/** Contributors and curators only: Jira's project-wide "Edit issues" grants nothing here. */
const contribute = only('contributor', 'curator', 'admin', 'masked');
const curate = only('curator', 'admin', 'masked');
const administer = only('admin');

const rows: Row[] = [
  { key: 'panel/getEvidence', site: 'panel', payload: () => ({}), expect: read },
  { key: 'panel/getAccess', site: 'panel', payload: () => ({}), expect: read },
  { key: 'panel/listCards', site: 'panel', payload: () => ({}), expect: read },
  { key: 'panel/searchInsights', site: 'panel', payload: () => ({}), expect: read },
  {
    key: 'panel/captureAndLink',
    site: 'panel',
    payload: () => ({ insight: sampleInsight(), note: '' }),
    expect: changeIssueEvidence
  },
  {
    key: 'panel/link',
    site: 'panel',
    payload: ({ spareId }) => ({ insightIds: [spareId], note: '' }),
    expect: changeIssueEvidence
  },
  {
    key: 'panel/editNote',
    site: 'panel',
    payload: ({ insightId }) => ({ insightId, note: 'n' }),
    expect: changeIssueEvidence
  },
  {
    key: 'panel/unlink',
    site: 'panel',
    payload: ({ insightId }) => ({ insightId }),
    expect: changeIssueEvidence
  },
  { key: 'panel/searchAccounts', site: 'panel', payload: () => ({ query: 'acme' }), expect: contribute },
  { key: 'project/getAccess', site: 'project', payload: () => ({}), expect: read },
  { key: 'project/rankedIssues', site: 'project', payload: () => ({}), expect: read },
  {
    key: 'project/getEvidence',
    site: 'project',
    payload: ({ chain }) => ({ issueId: chain.storyId }),
    expect: read
  },
  { key: 'project/listInsights', site: 'project', payload: () => ({}), expect: read },
  { key: 'project/searchIssues', site: 'project', payload: () => ({ query: 'card' }), expect: read },
  { key: 'project/shipped', site: 'project', payload: () => ({}), expect: read },
  { key: 'project/loopClosing', site: 'project', payload: () => ({}), expect: read },
  // Telling the project's service requests when work ships is the curators' choice.
  {
    key: 'project/setLoopClosing',
    site: 'project',
    payload: () => ({ enabled: true }),
    expect: curate
  },
  {
    key: 'project/captureInsight',
    site: 'project',
    payload: () => ({ insight: sampleInsight() }),
    expect: contribute
  },
  { key: 'project/searchAccounts', site: 'project', payload: () => ({ query: 'acme' }), expect: contribute },
  {
    key: 'project/importInsights',
    site: 'project',
    payload: () => ({
      importId: 'matrix-import',
      chunk: 0,
      rows: [{ line: 2, insight: { summary: 'Imported', sourceKind: 'ticket', observedAt: '2026-11-01' } }]
    }),
    expect: contribute
  },
  {
    key: 'project/startImport',
    site: 'project',
    payload: () => ({ importId: 'matrix-import', chunks: 1, total: 0 }),
    expect: contribute
  },
  {
    key: 'project/importProgress',
    site: 'project',
    payload: () => ({ importId: 'matrix-import' }),
    expect: contribute
  },
  { key: 'project/getImportMappings', site: 'project', payload: () => ({}), expect: contribute },
  {
    key: 'project/saveImportMappings',
    site: 'project',
    payload: () => ({
      mappings: {
        preset: 'zendesk',
        values: {
          severity: { urgent: 'critical' },
          sourceKind: {},
          accountSegment: {},
          sentiment: {},
          journeyStage: {}
        }
      }
    }),
    expect: contribute
  },
  {
    key: 'project/link',
    site: 'project',
    payload: ({ insightId, chain }) => ({ issueId: chain.otherStoryId, insightIds: [insightId], note: '' }),
    expect: changeIssueEvidence
  },
  {
    key: 'project/unlink',
    site: 'project',
    payload: ({ insightId, chain }) => ({ issueId: chain.storyId, insightId }),
    expect: changeIssueEvidence
  },
  {
    key: 'project/editInsight',
    site: 'project',
    payload: ({ insightId }) => ({ insightId, patch: { severity: 'low' } }),
    expect: curate
  },
  {
    key: 'project/upsertAccount',
    site: 'project',
    payload: () => ({ account: { name: 'Acme Corp', segment: 'smb', arr: 1000 } }),
    expect: curate
  },
  {
    key: 'project/deleteInsight',
    site: 'project',
    payload: ({ insightId }) => ({ insightId }),
    expect: curate
  },
  { key: 'project/triageInbox', site: 'project', payload: () => ({ source: 'ticket' }), expect: read },
  {
    key: 'project/restoreInsight',
    site: 'project',
    payload: ({ deletedId }) => ({ insightId: deletedId }),
    expect: curate
  },
  {
    key: 'project/setInsightStatus',
    site: 'project',
    payload: ({ spareId }) => ({ insightId: spareId, status: 'dismissed' }),
    expect: curate
  },
  {
    key: 'project/triageInsights',
    site: 'project',
    payload: ({ spareId }) => ({ insightIds: [spareId], action: { kind: 'dismiss' } }),
    expect: curate
  },
  {
    // Linking in bulk is the contributors' (Jira's "Edit issues" alone grants it nowhere here).
    key: 'project/triageInsights',
    site: 'project',
    payload: ({ spareId, chain }) => ({
      insightIds: [spareId],
      action: { kind: 'link', issueId: chain.storyId, note: '' }
    }),
    expect: contribute
  },
  { key: 'project/inboxCounts', site: 'project', payload: () => ({}), expect: read },
  {
    key: 'project/mergeInsights',
    site: 'project',
    payload: ({ insightId, spareId }) => ({ sourceId: spareId, targetId: insightId }),
    expect: curate
  },
  // Accounts by name: refused to a user who may not see customer identity.
  {
    key: 'project/accountView',
    site: 'project',
    payload: () => ({ accountKey: 'acme-corp' }),
    expect: only('viewer', 'contributor', 'curator', 'editor', 'admin')
  },
  {
    key: 'project/mergeAccounts',
    site: 'project',
    payload: () => ({ sourceKey: 'acme-inc', targetKey: 'acme-corp' }),
    expect: only('curator', 'admin')
  },
  { key: 'admin/getSettings', site: 'admin', payload: () => ({}), expect: administer },
  {
    key: 'admin/saveSettings',
    site: 'admin',
    payload: () => ({ scoring: { recency: { halfLifeDays: 30 } } }),
    expect: administer
  },
  { key: 'admin/previewScoring', site: 'admin', payload: () => ({ scoring: {} }), expect: administer },
  { key: 'admin/rescoreProgress', site: 'admin', payload: () => ({}), expect: administer },
  { key: 'admin/listRoles', site: 'admin', payload: () => ({}), expect: administer },
  {
    key: 'admin/saveRoles',
    site: 'admin',
    payload: ({ chain }) => ({
      projectId: chain.projectId,
      roles: { contributors: ['viewers'], curators: ['viewers'] }
    }),
    expect: administer
  },
  { key: 'admin/findGroups', site: 'admin', payload: () => ({ query: 'cx' }), expect: administer },
  { key: 'admin/listIntakeSources', site: 'admin', payload: () => ({}), expect: administer },
  {
    key: 'admin/createIntakeSource',
    site: 'admin',
    payload: ({ chain }) => ({
      name: 'Help desk',
      projectId: chain.projectId,
      mapping: { preset: 'intercom' }
    }),
    expect: administer
  },
  {
    key: 'admin/rotateIntakeSecret',
    site: 'admin',
    payload: ({ sourceId }) => ({ sourceId }),
    expect: administer
  },
  {
    key: 'admin/setIntakeSourceStatus',
    site: 'admin',
    payload: ({ sourceId }) => ({ sourceId, status: 'disabled' }),
    expect: administer
  },
  // The request's agents (alice, carol, ivan here) may read it; sending also takes a
  // contributor of the product project the evidence goes to.
  {
    key: 'request/prefill',
    site: 'request',
    payload: () => ({}),
    expect: only('viewer', 'contributor', 'admin')
  },
  {
    key: 'request/findIssues',
    site: 'request',
    payload: ({ chain }) => ({ projectId: chain.projectId, query: 'card' }),
    expect: contribute
  },
  {
    key: 'request/send',
    site: 'request',
    payload: ({ chain }) => ({
      projectId: chain.projectId,
      issueId: chain.otherStoryId,
      summary: 'Sent from the service desk',
      severity: 'high',
      note: ''
    }),
    expect: only('contributor', 'admin')
  }
];

const users: Record<Role, string> = {
  outsider: DEMO_USERS.dave,
  viewer: DEMO_USERS.carol,
  contributor: DEMO_USERS.ivan,
  curator: DEMO_USERS.judy,
  editor: DEMO_USERS.frank,
  admin: DEMO_USERS.alice,
  masked: DEMO_USERS.judy
};

describe('permission matrix', () => {
  let forge: LocalForge;
  let chain: Chain;
  let insightId: string;
  let spareId: string;
  let sourceId: string;
  let deletedId: string;
  const admin = () => new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });

  beforeEach(async () => {
    forge = new LocalForge({ seed: createDemoSeed({ serviceDesk: true }) });
    chain = findChain(forge.seed);
    await admin().ok('admin/saveRoles', {
      projectId: chain.projectId,
      roles: { contributors: ['cx-contributors'], curators: ['cx-curators'] }
    });
    const outcome = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok(
      'panel/captureAndLink',
      {
        insight: sampleInsight(),
        note: 'seeded'
      }
    );
    insightId = outcome.view.impact!.cards[0]!.insightId;
    const spare = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/captureInsight', {
      // Under a duplicate of the first insight's account, for the account merge.
      insight: sampleInsight({ summary: 'An unlinked duplicate', account: { name: 'Acme Inc' } })
    });
    spareId = spare.id;
    const source = await admin().ok('admin/createIntakeSource', {
      name: 'Support desk',
      projectId: chain.projectId,
      mapping: { preset: 'zendesk' }
    });
    sourceId = source.source.sourceId;
    // Deleted just now, so its undo is open.
    const page = projectPage(forge, DEMO_USERS.alice, chain.projectId);
    deletedId = (await page.ok('project/captureInsight', { insight: sampleInsight({ summary: 'Deleted' }) }))
      .id;
    await page.ok('project/deleteInsight', { insightId: deletedId });
  });
  afterEach(() => forge.stop());

  /** What a refused call must leave unchanged: the story's evidence, the library, the settings. */
  async function snapshot(): Promise<unknown> {
    return {
      story: await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/getEvidence', {}),
      library: await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/listInsights', {
        limit: 100
      }),
      settings: await admin().ok('admin/getSettings', {}),
      roles: await admin().ok('admin/listRoles', {}),
      intakeSources: await admin().ok('admin/listIntakeSources', {}),
      importMappings: await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok(
        'project/getImportMappings',
        {}
      )
    };
  }

  function clientFor(row: Row, accountId: string): AppClient {
    if (row.site === 'panel') return panel(forge, accountId, chain.projectId, chain.storyId);
    if (row.site === 'project') return projectPage(forge, accountId, chain.projectId);
    if (row.site === 'request') {
      const request = forge.seed.issues.find((issue) => issue.key === 'SUP-1')!;
      return new AppClient(forge, accountId, {
        module: 'issuePanel',
        issueId: request.id,
        projectId: DEMO_SERVICE_PROJECT.id
      });
    }
    return new AppClient(forge, accountId, { module: 'adminPage' });
  }

  for (const row of rows) {
    for (const role of ROLES) {
      it(`${row.key} as ${role}: ${row.expect[role]}`, async () => {
        if (role === 'masked') {
          await admin().ok('admin/saveSettings', {
            privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
          });
        }
        const before = await snapshot();
        const result = await clientFor(row, users[role]).call(
          row.key,
          row.payload({ insightId, spareId, sourceId, deletedId, chain }) as PayloadOf<typeof row.key>
        );
        if (row.expect[role] === 'ok') {
          expect(result.ok ? 'ok' : result.error).toBe('ok');
          if (role === 'masked' && row.key === 'panel/getEvidence') {
            expect(JSON.stringify(result).toLowerCase()).not.toContain('acme corp');
          }
          return;
        }
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.error.code);
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it('refuses an edit by a contributor before saying whether the insight exists', async () => {
    // The curator check runs beside the edit's first read; the refusal must win over what
    // the read found, or a contributor could probe for insight ids.
    const asContributor = projectPage(forge, users.contributor, chain.projectId);
    for (const id of [insightId, 'no-such-insight']) {
      expect(
        await asContributor.call('project/editInsight', { insightId: id, patch: { severity: 'low' } })
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(
      await projectPage(forge, users.curator, chain.projectId).call('project/editInsight', {
        insightId: 'no-such-insight',
        patch: { severity: 'low' }
      })
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  describe('restricted issues and references from payloads', () => {
    const restrictedIssue = () =>
      forge.seed.issues.find((i) => i.projectId === chain.projectId && i.securityLevel)!;

    it('never shows a viewer an issue they may not browse in the ranking', async () => {
      const restricted = restrictedIssue();
      await panel(forge, DEMO_USERS.alice, chain.projectId, restricted.id).ok('panel/captureAndLink', {
        insight: sampleInsight({ summary: 'Restricted evidence' }),
        note: ''
      });
      const asAlice = await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok(
        'project/rankedIssues',
        {}
      );
      const asCarol = await projectPage(forge, DEMO_USERS.carol, chain.projectId).ok(
        'project/rankedIssues',
        {}
      );
      expect(asAlice.items.map((r) => r.issueId)).toContain(restricted.id);
      expect(asCarol.items.map((r) => r.issueId)).not.toContain(restricted.id);
      const direct = await projectPage(forge, DEMO_USERS.carol, chain.projectId).call('project/getEvidence', {
        issueId: restricted.id
      });
      expect(direct).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it("refuses the restricted issue's panel to users outside its security level, cache or not", async () => {
      const restricted = restrictedIssue();
      const asBob = panel(forge, DEMO_USERS.bob, chain.projectId, restricted.id);
      await asBob.ok('panel/captureAndLink', {
        insight: sampleInsight({ summary: 'Fraud pattern' }),
        note: ''
      });
      expect((await asBob.ok('panel/getEvidence', {})).impact?.cards[0]?.summary).toBe('Fraud pattern');
      for (const user of [DEMO_USERS.carol, DEMO_USERS.frank, DEMO_USERS.ivan, DEMO_USERS.dave]) {
        const client = panel(forge, user, chain.projectId, restricted.id);
        for (const key of ['panel/getEvidence', 'panel/listCards', 'panel/getAccess'] as const) {
          expect(await client.call(key, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        }
      }
    });

    it('lets a contributor link only to issues they can browse', async () => {
      const restricted = restrictedIssue();
      const ivan = projectPage(forge, DEMO_USERS.ivan, chain.projectId);
      expect(
        await ivan.call('project/link', { issueId: restricted.id, insightIds: [spareId], note: '' })
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' }
      });
      expect(
        (await ivan.ok('project/link', { issueId: chain.otherStoryId, insightIds: [spareId], note: '' })).view
          .impact?.score.insightCount
      ).toBe(1);
    });

    it("refuses an insight of another project given its id, and keeps it out of this project's panel", async () => {
      const other = findChain(forge.seed, 1);
      const foreign = await projectPage(forge, DEMO_USERS.alice, other.projectId).ok(
        'project/captureInsight',
        {
          insight: sampleInsight({ summary: 'Roadmap of another team' })
        }
      );
      const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
      expect(await bob.call('panel/link', { insightIds: [foreign.id], note: '' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' }
      });
      const fromProjectPage = await projectPage(forge, DEMO_USERS.bob, chain.projectId).call('project/link', {
        issueId: chain.otherStoryId,
        insightIds: [foreign.id],
        note: ''
      });
      expect(fromProjectPage).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const cards = (await bob.ok('panel/getEvidence', {})).impact?.cards ?? [];
      expect(cards.map((c) => c.summary)).not.toContain('Roadmap of another team');
    });

    it('refuses issue ids of another project on the project page, even to a user who may browse both', async () => {
      const other = findChain(forge.seed, 1);
      const alice = panel(forge, DEMO_USERS.alice, other.projectId, other.storyId);
      const linked = await alice.ok('panel/captureAndLink', {
        insight: sampleInsight({ summary: 'Mobile evidence' }),
        note: ''
      });
      const mobileInsight = linked.view.impact!.cards[0]!.insightId;
      const here = projectPage(forge, DEMO_USERS.bob, chain.projectId);
      expect(await here.call('project/getEvidence', { issueId: other.storyId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' }
      });
      expect(
        await here.call('project/unlink', { issueId: other.storyId, insightId: mobileInsight })
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' }
      });
      expect(
        await here.call('project/link', { issueId: other.otherStoryId, insightIds: [spareId], note: '' })
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' }
      });
      expect((await alice.ok('panel/getEvidence', {})).impact?.score.insightCount).toBe(1);
    });

    it('gives imported insights ids that cannot be derived from the ticket key', async () => {
      const rows = [
        {
          line: 2,
          key: 'TICKET-1',
          insight: { summary: 'Imported', sourceKind: 'ticket', observedAt: '2026-11-01' }
        }
      ];
      const upload = { importId: 'ids-import', chunk: 0, rows };
      const first = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok(
        'project/importInsights',
        upload
      );
      const id = first.queued[0]!.insightId;
      expect(id).not.toContain(chain.projectId);
      expect(id).toMatch(/^imp-[0-9a-f]{32}$/);
      // Uploading it again names it the same; another installation (another secret) names it differently.
      const again = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok(
        'project/importInsights',
        upload
      );
      expect(again.queued.map((d) => d.insightId)).toEqual([id]);
      const elsewhere = new LocalForge();
      try {
        const there = await projectPage(elsewhere, DEMO_USERS.bob, chain.projectId).ok(
          'project/importInsights',
          upload
        );
        expect(there.queued[0]!.insightId).not.toBe(id);
      } finally {
        elsewhere.stop();
      }
    });
  });

  it('refuses a call with no acting user', async () => {
    const anonymous = panel(forge, undefined, chain.projectId, chain.storyId);
    expect(await anonymous.call('panel/getEvidence', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    });
  });
});
