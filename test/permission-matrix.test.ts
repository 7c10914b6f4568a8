import { LocalForge } from '../local/host/local-forge';
import type { ContractKey, PayloadOf } from '../src/contract/surfaces';
import { AppClient, DEMO_USERS, findChain, panel, projectPage, sampleInsight, type Chain } from './evidence-kit';

/**
 * Every resolver, called by a user with no access (dave), a viewer (carol) and an
 * editor (bob). Authorisation comes from Forge's context and Jira's answer for the
 * acting user: a refused call changes nothing.
 */
type Expect = 'ok' | 'refused';
interface Row {
  key: ContractKey;
  payload: (ids: { insightId: string; spareId: string; chain: Chain }) => unknown;
  site: 'panel' | 'project';
  expect: { none: Expect; viewer: Expect; editor: Expect };
}

const readOnly = { none: 'refused', viewer: 'ok', editor: 'ok' } as const;
const write = { none: 'refused', viewer: 'refused', editor: 'ok' } as const;
// The panel renders only for users who can see the issue in its context, so its reads
// need no Jira call; the viewer and editor see it, and dave never gets the panel at all.
const contextRead = { none: 'ok', viewer: 'ok', editor: 'ok' } as const;

const rows: Row[] = [
  { key: 'panel/getEvidence', site: 'panel', payload: () => ({}), expect: contextRead },
  // Asking Jira what dave may do on an issue he cannot see is itself refused (404).
  { key: 'panel/getAccess', site: 'panel', payload: () => ({}), expect: readOnly },
  { key: 'panel/listCards', site: 'panel', payload: () => ({}), expect: contextRead },
  { key: 'panel/searchInsights', site: 'panel', payload: () => ({}), expect: contextRead },
  { key: 'panel/captureAndLink', site: 'panel', payload: () => ({ insight: sampleInsight(), note: '' }), expect: write },
  { key: 'panel/link', site: 'panel', payload: ({ insightId }) => ({ insightIds: [insightId], note: '' }), expect: write },
  { key: 'panel/editNote', site: 'panel', payload: ({ insightId }) => ({ insightId, note: 'n' }), expect: write },
  { key: 'panel/unlink', site: 'panel', payload: ({ insightId }) => ({ insightId }), expect: write },
  { key: 'project/rankedIssues', site: 'project', payload: () => ({}), expect: contextRead },
  { key: 'project/getEvidence', site: 'project', payload: ({ chain }) => ({ issueId: chain.storyId }), expect: readOnly },
  { key: 'project/listInsights', site: 'project', payload: () => ({}), expect: readOnly },
  { key: 'project/captureInsight', site: 'project', payload: () => ({ insight: sampleInsight() }), expect: write },
  {
    key: 'project/editInsight',
    site: 'project',
    payload: ({ insightId }) => ({ insightId, patch: { severity: 'low' } }),
    expect: write
  },
  {
    key: 'project/upsertAccount',
    site: 'project',
    payload: () => ({ account: { name: 'Globex', segment: 'smb', arr: 1000 } }),
    expect: write
  },
  {
    key: 'project/link',
    site: 'project',
    payload: ({ insightId, chain }) => ({ issueId: chain.otherStoryId, insightIds: [insightId], note: '' }),
    expect: write
  },
  {
    key: 'project/unlink',
    site: 'project',
    payload: ({ insightId, chain }) => ({ issueId: chain.storyId, insightId }),
    expect: write
  },
  { key: 'project/deleteInsight', site: 'project', payload: ({ insightId }) => ({ insightId }), expect: write },
  { key: 'project/searchIssues', site: 'project', payload: () => ({ query: 'card' }), expect: readOnly },
  { key: 'project/shipped', site: 'project', payload: () => ({}), expect: readOnly },
  {
    key: 'project/setInsightStatus',
    site: 'project',
    payload: ({ spareId }) => ({ insightId: spareId, status: 'dismissed' }),
    expect: write
  },
  {
    key: 'project/mergeInsights',
    site: 'project',
    payload: ({ insightId, spareId }) => ({ sourceId: spareId, targetId: insightId }),
    expect: write
  },
  {
    key: 'project/importInsights',
    site: 'project',
    payload: () => ({ rows: [{ line: 2, insight: { summary: 'Imported', sourceKind: 'ticket', observedAt: '2026-11-01' } }] }),
    expect: write
  }
];

const users = { none: DEMO_USERS.dave, viewer: DEMO_USERS.carol, editor: DEMO_USERS.bob } as const;

describe('permission matrix', () => {
  let forge: LocalForge;
  let chain: Chain;
  let insightId: string;
  let spareId: string;

  beforeEach(async () => {
    forge = new LocalForge();
    chain = findChain(forge.seed);
    const outcome = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: 'seeded'
    });
    insightId = outcome.view.impact!.cards[0]!.insightId;
    const spare = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'An unlinked duplicate' })
    });
    spareId = spare.id;
  });
  afterEach(() => forge.stop());

  /** What a refused call must leave unchanged: the story's evidence and the library. */
  async function snapshot(): Promise<unknown> {
    return {
      story: await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/getEvidence', {}),
      library: await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/listInsights', { limit: 100 })
    };
  }

  for (const row of rows) {
    for (const role of ['none', 'viewer', 'editor'] as const) {
      it(`${row.key} as ${role}: ${row.expect[role]}`, async () => {
        const client: AppClient =
          row.site === 'panel'
            ? panel(forge, users[role], chain.projectId, chain.storyId)
            : projectPage(forge, users[role], chain.projectId);
        const before = await snapshot();
        const result = await client.call(row.key, row.payload({ insightId, spareId, chain }) as PayloadOf<typeof row.key>);
        if (row.expect[role] === 'ok') {
          expect(result.ok ? 'ok' : result.error).toBe('ok');
          return;
        }
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.error.code);
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it('never shows a viewer an issue they may not browse in the ranking', async () => {
    const restricted = forge.seed.issues.find((i) => i.projectId === chain.projectId && i.securityLevel);
    expect(restricted).toBeDefined();
    await panel(forge, DEMO_USERS.alice, chain.projectId, restricted!.id).ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Restricted evidence' }),
      note: ''
    });
    const asAlice = await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok('project/rankedIssues', {});
    const asCarol = await projectPage(forge, DEMO_USERS.carol, chain.projectId).ok('project/rankedIssues', {});
    expect(asAlice.items.map((r) => r.issueId)).toContain(restricted!.id);
    expect(asCarol.items.map((r) => r.issueId)).not.toContain(restricted!.id);
    const direct = await projectPage(forge, DEMO_USERS.carol, chain.projectId).call('project/getEvidence', {
      issueId: restricted!.id
    });
    expect(direct).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a call with no acting user', async () => {
    const anonymous = panel(forge, undefined, chain.projectId, chain.storyId);
    expect(await anonymous.call('panel/getEvidence', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
