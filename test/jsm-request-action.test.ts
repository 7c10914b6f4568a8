import type { LocalForge } from '../local/host/local-forge';
import { createDemoSeed, DEMO_SERVICE_PROJECT } from '../local/jira/seed';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  panel,
  projectPage,
  sampleInsight,
  testForge,
  type Chain
} from './evidence-kit';

/**
 * "Send to customer evidence" on a Jira Service Management request, through the real
 * resolver on the local host: what the form starts from, what sending stores, and every
 * refusal leaving the library as it was.
 *
 * Agents of the demo service desk: Alice (admin), Carol (viewer), Grace, Ivan (in
 * cx-contributors, named Checkout's contributors below). Bob and Judy are no agents.
 */
describe('Send to customer evidence (JSM issue action)', () => {
  let forge: LocalForge;
  let chain: Chain;
  const requestOf = (key: string) => forge.seed.issues.find((issue) => issue.key === key)!;
  /** The action as Forge renders it on a request: the request is the context issue. */
  const action = (accountId: string, key = 'SUP-1') =>
    new AppClient(forge, accountId, {
      module: 'issuePanel',
      issueId: requestOf(key).id,
      projectId: DEMO_SERVICE_PROJECT.id
    });
  const admin = () => new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
  const library = () =>
    projectPage(forge, DEMO_USERS.alice, chain.projectId).ok('project/listInsights', { limit: 100 });
  const sendPayload = (overrides: Record<string, unknown> = {}) => ({
    projectId: chain.projectId,
    issueId: chain.storyId,
    summary: 'Invoice export times out for our finance team',
    quote: 'Every month-end our finance team waits minutes for the invoice export and then it fails.',
    severity: 'high' as const,
    account: { name: 'Globex' },
    note: 'Raised on the service desk',
    ...overrides
  });

  beforeEach(async () => {
    forge = testForge({ seed: createDemoSeed({ serviceDesk: true }) });
    chain = findChain(forge.seed);
    await admin().ok('admin/saveRoles', {
      projectId: chain.projectId,
      roles: { contributors: ['cx-contributors'], curators: ['cx-curators'] }
    });
  });
  afterEach(() => forge.stop());

  describe('prefill', () => {
    it("starts from the request's text, its customer's organization and its priority", async () => {
      const view = await action(DEMO_USERS.ivan).ok('request/prefill', {});
      expect(view.request).toMatchObject({
        issueKey: 'SUP-1',
        summary: 'Invoice export times out for our finance team',
        priority: 'High'
      });
      expect(view.request.quote).toContain('month-end');
      expect(view.request.url).toMatch(/\/servicedesk\/customer\/portal\/1\/SUP-1$/);
      expect(view.organizations).toEqual(['Globex']);
      expect(view.account).toEqual({ name: 'Globex', known: false });
      // JSM's default: High → high.
      expect(view).toMatchObject({ severity: 'high', severityFrom: 'preset', projectId: chain.projectId });
      expect(view.projects.map((p) => p.id)).toEqual([chain.projectId]);
    });

    it('names the account the app already has, by its stored name, without renaming it', async () => {
      // "Acme Corporation" already exists spelt "ACME corporation": the organization joins it.
      await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok('project/captureInsight', {
        insight: sampleInsight({ account: { name: 'ACME corporation', segment: 'enterprise', arr: 480000 } })
      });
      const view = await action(DEMO_USERS.ivan, 'SUP-2').ok('request/prefill', {});
      expect(view.organizations).toEqual(['Acme Corporation']);
      expect(view.account).toEqual({ name: 'ACME corporation', known: true });
    });

    it("maps the priority through the target project's saved severity mapping", async () => {
      await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok('project/saveImportMappings', {
        mappings: {
          preset: 'jsm',
          values: {
            severity: { highest: 'high' },
            sourceKind: {},
            accountSegment: {},
            sentiment: {},
            journeyStage: {}
          }
        }
      });
      const view = await action(DEMO_USERS.ivan, 'SUP-2').ok('request/prefill', {});
      expect(view.request.priority).toBe('Highest');
      // JSM's default would say critical; the project chose high.
      expect(view).toMatchObject({ severity: 'high', severityFrom: 'project' });
    });

    it('offers no project to an agent who contributes nowhere', async () => {
      const view = await action(DEMO_USERS.carol).ok('request/prefill', {});
      expect(view.projects).toEqual([]);
      expect(view.projectId).toBeNull();
    });

    it('refuses someone who cannot see the request', async () => {
      const result = await action(DEMO_USERS.bob).call('request/prefill', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('hides the organization from a user who may not see customer identity', async () => {
      await admin().ok('admin/saveSettings', {
        privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
      });
      const view = await action(DEMO_USERS.ivan).ok('request/prefill', {});
      expect(view.account).toBeNull();
      expect(view.organizations).toEqual([]);
      expect(JSON.stringify(view)).not.toContain('Globex');
    });
  });

  describe('send', () => {
    it('captures one insight linked to the issue, remembering the request and linking back', async () => {
      const before = (await library()).items.length;
      const sent = await action(DEMO_USERS.ivan).ok('request/send', sendPayload());
      const request = requestOf('SUP-1');
      expect(sent).toMatchObject({ issueId: chain.storyId, projectId: chain.projectId, requestKey: 'SUP-1' });

      const items = (await library()).items;
      expect(items).toHaveLength(before + 1);
      const insight = items.find((item) => item.id === sent.insightId)!;
      expect(insight).toMatchObject({
        summary: 'Invoice export times out for our finance team',
        severity: 'high',
        sourceKind: 'ticket',
        request: { issueId: request.id, issueKey: 'SUP-1' },
        linkCount: 1
      });
      expect(insight.sourceUrl).toMatch(/\/servicedesk\/customer\/portal\/1\/SUP-1$/);

      const story = await panel(forge, DEMO_USERS.ivan, chain.projectId, chain.storyId).ok(
        'panel/getEvidence',
        {}
      );
      expect(story.impact?.cards.map((card) => card.insightId)).toContain(sent.insightId);
      expect(story.impact?.cards.find((card) => card.insightId === sent.insightId)?.account?.name).toBe(
        'Globex'
      );
    });

    it('captures under the stored account and reports the difference instead of renaming it', async () => {
      await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok('project/captureInsight', {
        insight: sampleInsight({ account: { name: 'Globex', segment: 'enterprise', arr: 350000 } })
      });
      const sent = await action(DEMO_USERS.ivan).ok(
        'request/send',
        sendPayload({ account: { name: 'Globex', segment: 'smb' } })
      );
      expect(sent.accountConflicts?.[0]).toMatchObject({ field: 'segment' });
      const accounts = await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok(
        'project/searchAccounts',
        {
          query: 'glob'
        }
      );
      expect(accounts.items).toEqual([expect.objectContaining({ name: 'Globex', segment: 'enterprise' })]);
    });

    type Refusal = [label: string, accountId: string, payload: () => Record<string, unknown>, code: string];
    const refusals: Refusal[] = [
      ['a viewer (agent, no contributor)', DEMO_USERS.carol, () => sendPayload(), 'FORBIDDEN'],
      ['a curator who cannot see the request', DEMO_USERS.judy, () => sendPayload(), 'NOT_FOUND'],
      [
        'a product issue in another project',
        DEMO_USERS.ivan,
        () => sendPayload({ issueId: otherProjectIssue() }),
        'NOT_FOUND'
      ],
      [
        'a product issue the user cannot see',
        DEMO_USERS.ivan,
        () => sendPayload({ issueId: restrictedIssue() }),
        'NOT_FOUND'
      ],
      [
        'a project the user does not contribute to',
        DEMO_USERS.ivan,
        () => sendPayload({ projectId: otherProject() }),
        'FORBIDDEN'
      ],
      [
        'the service project itself as the target',
        DEMO_USERS.ivan,
        () => sendPayload({ projectId: DEMO_SERVICE_PROJECT.id, issueId: requestOf('SUP-2').id }),
        'FORBIDDEN'
      ]
    ];
    const otherProject = () => forge.seed.projects[1]!.id;
    const otherProjectIssue = () => forge.seed.issues.find((issue) => issue.projectId === otherProject())!.id;
    const restrictedIssue = () =>
      forge.seed.issues.find((issue) => issue.projectId === chain.projectId && issue.securityLevel)!.id;

    for (const [label, who, payload, code] of refusals) {
      it(`refuses ${label} and changes nothing`, async () => {
        const before = await library();
        const result = await action(who).call('request/send', payload() as never);
        expect(result).toMatchObject({ ok: false, error: { code } });
        expect(await library()).toEqual(before);
      });
    }

    it('does not take a request from the payload: unknown fields are refused', async () => {
      const result = await action(DEMO_USERS.ivan).call('request/send', {
        ...sendPayload(),
        request: { issueId: '1', issueKey: 'SUP-9' }
      } as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    });
  });

  it('finds product issues by key for a contributor, and refuses others', async () => {
    const story = forge.seed.issues.find((issue) => issue.id === chain.storyId)!;
    const hits = await action(DEMO_USERS.ivan).ok('request/findIssues', {
      projectId: chain.projectId,
      query: story.key
    });
    expect(hits.map((hit) => hit.key)).toContain(story.key);
    const refused = await action(DEMO_USERS.carol).call('request/findIssues', {
      projectId: chain.projectId,
      query: story.key
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
