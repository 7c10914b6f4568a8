import type { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  panel,
  projectPage,
  rovoAction,
  sampleInsight,
  testForge,
  type Chain
} from './evidence-kit';

/**
 * The Rovo actions, invoked as an agent would: inputs a language model wrote, the user
 * from the invocation. Every role asks for the evidence behind an issue and tries to
 * capture an insight; what they may do is what the panel and the project page let them
 * do, masked the same way, and an input never stands in for who is asking.
 *
 * - admin (alice), project lead of Checkout (bob, so a curator there), curator (judy),
 *   contributor (ivan), editor with no role in the app (frank), viewer (carol), the
 *   support lead cleared for restricted issues (grace), no access (dave).
 */
describe('Rovo actions', () => {
  let forge: LocalForge;
  let chain: Chain;
  let storyKey: string;
  const admin = () => new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
  const keyOf = (issueId: string): string => forge.seed.issues.find((i) => i.id === issueId)!.key;
  const storyPanel = (accountId: string) => panel(forge, accountId, chain.projectId, chain.storyId);

  beforeEach(async () => {
    forge = testForge().useApp(app);
    chain = findChain(forge.seed);
    storyKey = keyOf(chain.storyId);
    await admin().ok('admin/saveRoles', {
      projectId: chain.projectId,
      roles: { contributors: ['cx-contributors'], curators: ['cx-curators'] }
    });
    await storyPanel(DEMO_USERS.bob).ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    // Evidence on the sub-task rolls up into the story.
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok('panel/captureAndLink', {
      insight: sampleInsight({
        summary: 'Invoice PDF misses the VAT number',
        quote: 'Our auditors rejected three invoices.',
        account: { name: 'Globex', segment: 'mid_market', arr: 50000 },
        severity: 'high'
      }),
      note: ''
    });
  });
  afterEach(() => forge.stop());

  async function maskIdentity(): Promise<void> {
    await admin().ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
    });
  }

  /** What a refused capture must leave unchanged: the story's evidence and the project's library. */
  async function stored(): Promise<unknown> {
    return {
      story: await storyPanel(DEMO_USERS.alice).ok('panel/getEvidence', {}),
      library: await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok('project/listInsights', {
        limit: 100
      })
    };
  }

  describe('find-customer-evidence', () => {
    const readers = { alice: 'admin', bob: 'lead', judy: 'curator', ivan: 'contributor', frank: 'editor' };
    for (const [user, role] of Object.entries({ ...readers, carol: 'viewer', grace: 'support lead' })) {
      it(`answers the ${role} with the panel's score, reasons and quotes`, async () => {
        const accountId = DEMO_USERS[user as keyof typeof DEMO_USERS];
        const answer = await rovoAction(forge, 'find-customer-evidence', accountId, { issueKey: storyKey });
        const view = await storyPanel(accountId).ok('panel/getEvidence', {});
        if (!answer.ok) throw new Error(answer.error.message);
        expect(answer.value.issueKey).toBe(storyKey);
        expect(answer.value.score).toBe(view.impact!.score.score);
        expect(answer.value.insights).toBe(2);
        expect(answer.value.accounts).toBe(2);
        expect(answer.value.why).toHaveLength(2);
        expect(answer.value.topQuotes.map((q) => q.quote).sort()).toEqual(
          [
            'Our auditors rejected three invoices.',
            'Our finance team gave up after the third timeout.'
          ].sort()
        );
        expect(answer.value.topQuotes.map((q) => q.account)).toEqual(
          view.impact!.cards.map((c) => c.account?.name ?? 'Anonymous')
        );
        expect(answer.value.summary).toContain(`${storyKey} has a customer-impact score of`);
      });
    }

    it('answers someone who may not browse the project as it answers a key that does not exist', async () => {
      const hidden = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.dave, {
        issueKey: storyKey
      });
      const missing = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.alice, {
        issueKey: 'CHK-99999'
      });
      expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(missing).toEqual(hidden);
    });

    it('answers a restricted issue only to those cleared for it', async () => {
      const restricted = forge.seed.issues.find(
        (i) => i.projectId === chain.projectId && i.securityLevel?.name === 'Trust and safety'
      )!;
      const carol = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.carol, {
        issueKey: restricted.key
      });
      const grace = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.grace, {
        issueKey: restricted.key
      });
      expect(carol).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(grace).toMatchObject({ ok: true, value: { issueKey: restricted.key, insights: 0 } });
    });

    it('masks accounts and revenue exactly as the panel does for the same user', async () => {
      await maskIdentity();
      const masked = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.carol, {
        issueKey: storyKey
      });
      const view = await storyPanel(DEMO_USERS.carol).ok('panel/getEvidence', {});
      if (!masked.ok) throw new Error(masked.error.message);
      expect(view.identityHidden).toBe(true);
      expect(masked.value.identityHidden).toBe(true);
      expect(masked.value.arrAtStake).toBeUndefined();
      expect(masked.value.topQuotes.map((q) => q.account)).toEqual(
        view.impact!.cards.map((c) => c.account!.name)
      );
      const said = JSON.stringify(masked.value);
      for (const secret of ['Acme', 'Globex', 'acme', 'globex', '240000', '$240k', '50000', '$50k']) {
        expect(said).not.toContain(secret);
      }
      // The alias stands for one account everywhere: the reasons name the quotes' accounts.
      for (const quote of masked.value.topQuotes) {
        expect(masked.value.why.some((line) => line.startsWith(quote.account))).toBe(true);
      }

      const open = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.alice, {
        issueKey: storyKey
      });
      if (!open.ok) throw new Error(open.error.message);
      expect(open.value.identityHidden).toBe(false);
      expect(open.value.arrAtStake).toBe(290000);
      expect(open.value.topQuotes.map((q) => q.account).sort()).toEqual(['Acme Corp', 'Globex']);
      expect(open.value.why.join('\n')).toContain('$240k ARR');
    });

    it('masks every role outside the allowed groups as their own panel does', async () => {
      await maskIdentity();
      for (const user of ['bob', 'judy', 'ivan', 'frank', 'carol', 'grace'] as const) {
        const answer = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS[user], {
          issueKey: storyKey
        });
        const view = await storyPanel(DEMO_USERS[user]).ok('panel/getEvidence', {});
        if (!answer.ok) throw new Error(`${user}: ${answer.error.message}`);
        expect([user, answer.value.identityHidden]).toEqual([user, true]);
        expect(answer.value.topQuotes.map((q) => q.account)).toEqual(
          view.impact!.cards.map((c) => c.account!.name)
        );
        expect(JSON.stringify(answer.value)).not.toMatch(/Acme|Globex/);
      }
    });

    it('takes who is asking from the invocation, never from an input', async () => {
      await maskIdentity();
      const inputs = {
        issueKey: storyKey,
        accountId: DEMO_USERS.alice,
        principal: { accountId: DEMO_USERS.alice },
        user: 'Alice Admin'
      };
      const carol = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.carol, inputs);
      const dave = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.dave, inputs);
      const nobody = await rovoAction(forge, 'find-customer-evidence', undefined, inputs);
      expect(carol).toMatchObject({ ok: true, value: { identityHidden: true } });
      expect(dave).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(nobody).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });

    it('uses the issue the chat is opened on when no key is given, and asks for one otherwise', async () => {
      const onIssue = {
        issueId: chain.storyId,
        issueKey: storyKey,
        projectId: chain.projectId,
        projectKey: storyKey.split('-')[0]!
      };
      const inContext = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.carol, {}, onIssue);
      const blank = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.carol, { issueKey: '' });
      const typedLower = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.carol, {
        issueKey: storyKey.toLowerCase()
      });
      expect(inContext).toMatchObject({ ok: true, value: { issueKey: storyKey, insights: 2 } });
      expect(typedLower).toMatchObject({ ok: true, value: { issueKey: storyKey } });
      expect(blank).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (blank.ok) return;
      expect(blank.error.message).toMatch(/which Jira issue/);
    });

    it('refuses an input that is not an issue key', async () => {
      for (const issueKey of ['CHK 12; DROP', '../../rest/api/3/myself', 42]) {
        const answer = await rovoAction(forge, 'find-customer-evidence', DEMO_USERS.alice, { issueKey });
        expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      }
    });
  });

  describe('capture-customer-insight', () => {
    const capture = (accountId: string | undefined, inputs: Record<string, unknown> = {}) =>
      rovoAction(forge, 'capture-customer-insight', accountId, {
        issueKey: storyKey,
        summary: 'Bulk refunds take an afternoon',
        quote: 'We refund 200 orders by hand every Friday.',
        accountName: 'Initech',
        sourceKind: 'Sales call',
        severity: 'High',
        ...inputs
      });

    const contributors = { ivan: 'contributor', judy: 'curator', bob: 'project lead', alice: 'admin' };
    for (const [user, role] of Object.entries(contributors)) {
      it(`captures for the ${role} into the issue's project, linked to the issue`, async () => {
        const accountId = DEMO_USERS[user as keyof typeof DEMO_USERS];
        const answer = await capture(accountId);
        if (!answer.ok) throw new Error(answer.error.message);
        expect(answer.value.issueKey).toBe(storyKey);
        expect(answer.value.message).toBe(
          `Captured "Bulk refunds take an afternoon" and linked it to ${storyKey}.`
        );
        const view = await storyPanel(DEMO_USERS.alice).ok('panel/getEvidence', {});
        const card = view.impact!.cards.find((c) => c.insightId === answer.value.insightId);
        expect(card).toMatchObject({
          summary: 'Bulk refunds take an afternoon',
          quote: 'We refund 200 orders by hand every Friday.',
          sourceKind: 'sales_call',
          severity: 'high',
          linkedBy: accountId,
          account: { name: 'Initech' }
        });
        expect(answer.value.score).toBe(view.impact!.score.score);
        const library = await projectPage(forge, DEMO_USERS.alice, chain.projectId).ok(
          'project/listInsights',
          {
            limit: 100
          }
        );
        expect(library.items.find((i) => i.id === answer.value.insightId)?.projectId).toBe(chain.projectId);
      });
    }

    const refused = {
      carol: ['viewer', 'FORBIDDEN'],
      grace: ['support lead', 'FORBIDDEN'],
      frank: ['editor with no role in the app', 'FORBIDDEN'],
      dave: ['user with no access', 'NOT_FOUND']
    } as const;
    for (const [user, [role, code]] of Object.entries(refused)) {
      it(`refuses the ${role} and stores nothing`, async () => {
        const before = await stored();
        const answer = await capture(DEMO_USERS[user as keyof typeof DEMO_USERS]);
        expect(answer).toMatchObject({ ok: false, error: { code } });
        expect(await stored()).toEqual(before);
      });
    }

    it('never lets an input name another user or widen the project', async () => {
      const before = await stored();
      const asAlice = await capture(DEMO_USERS.carol, {
        accountId: DEMO_USERS.alice,
        principal: { accountId: DEMO_USERS.alice },
        projectId: chain.projectId
      });
      expect(asAlice).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // Ivan contributes in this project only: an issue of another project is not his to add to.
      const elsewhere = forge.seed.issues.find((i) => i.projectId !== chain.projectId && !i.securityLevel)!;
      const otherProject = await capture(DEMO_USERS.ivan, { issueKey: elsewhere.key });
      expect(otherProject).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const nobody = await capture(undefined);
      expect(nobody).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await stored()).toEqual(before);
    });

    it('refuses bad inputs with a typed error and stores nothing', async () => {
      const before = await stored();
      const bad: Record<string, unknown>[] = [
        { summary: '' },
        { summary: '   ' },
        { summary: 'x'.repeat(201) },
        { severity: 'urgent' },
        { sourceKind: 'carrier pigeon' },
        { issueKey: 'not a key' },
        { issueKey: undefined },
        { summary: 12 }
      ];
      for (const inputs of bad) {
        const answer = await capture(DEMO_USERS.ivan, inputs);
        expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      }
      expect(await stored()).toEqual(before);
    });

    it('names the vocabulary a model must use when it guesses wrong', async () => {
      const answer = await capture(DEMO_USERS.ivan, { severity: 'urgent' });
      if (answer.ok) throw new Error('captured with an unknown severity');
      expect(answer.error.message).toContain('low, medium, high, critical');
    });
  });
});
