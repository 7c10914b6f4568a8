import fc from 'fast-check';
import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { adminPayloads, panelPayloads, projectPayloads, type ContractKey } from '../src/contract/surfaces';
import { normaliseAccountKey } from '../src/domain/account';
import type { Segment } from '../src/domain/vocabulary';
import { AppClient, DEMO_USERS, findChain, panel, projectPage, sampleInsight } from './evidence-kit';

/**
 * The masking model holds for every answer: a user outside the allowed groups never
 * receives a customer's name, account key or revenue, from any resolver, in any state
 * of the evidence. Customers are generated (names in several scripts, with emoji, and
 * revenue), written through the real resolvers by the masked user himself, and every
 * answer is searched as serialised JSON, case-insensitively, for every name, key and
 * ARR. Numbers that would let someone work out revenue (ARR at stake, each account's
 * revenue factor and points, points by segment or stage) must be 0 or empty.
 */
interface Customer {
  name: string;
  arr: number;
  segment: Segment;
}

const customer: fc.Arbitrary<Customer> = fc.record({
  name: fc
    .tuple(
      fc.constantFrom('Quixotic', 'Zebulon', 'Yarrowvale', 'Kestrelmoor', 'Wyvernholt', 'Brackenfield'),
      fc.stringMatching(/^[A-Z][a-z]{3}[0-9]$/),
      fc.constantFrom('', ' 株式会社', ' 🚀', ' Ωmega', ' Ltd.', ' किताब')
    )
    .map(([a, b, c]) => `${a} ${b}${c}`),
  arr: fc.integer({ min: 100_000, max: 999_999_999 }),
  segment: fc.constantFrom<Segment>('enterprise', 'mid_market', 'smb', 'self_serve')
});

/** Every field holding revenue or points that could reveal it: always 0 or empty when masked. */
function revenueFields(value: unknown, path = '$', found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => revenueFields(v, `${path}[${i}]`, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (['arr', 'arrAtStake', 'revenueFactor', 'points'].includes(key) && v !== 0)
        found.push(`${path}.${key}=${String(v)}`);
      else if (['segments', 'stages'].includes(key) && JSON.stringify(v) !== '{}')
        found.push(`${path}.${key}`);
      else revenueFields(v, `${path}.${key}`, found);
    }
  }
  return found;
}

const ALL_KEYS = [
  ...Object.keys(panelPayloads),
  ...Object.keys(projectPayloads),
  ...Object.keys(adminPayloads)
];

it('shows a masked user no customer name, key or revenue in any answer of any resolver', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(customer, { minLength: 2, maxLength: 4, selector: (c) => normaliseAccountKey(c.name) }),
      async (customers) => {
        const forge = new LocalForge().useApp(app);
        try {
          const chain = findChain(forge.seed);
          const answers = new Map<string, unknown[]>();
          const record = (key: string, answer: unknown): void => {
            answers.set(key, [...(answers.get(key) ?? []), answer]);
          };
          // Every call Bob makes goes through here, so each answer is checked.
          const as = (client: AppClient) => ({
            call: async <K extends ContractKey>(
              key: K,
              payload: Parameters<AppClient['call']>[1] & object
            ) => {
              const answer = await client.call(key, payload as never);
              record(key, answer);
              return answer;
            }
          });
          const admin = new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
          await admin.ok('admin/saveSettings', {
            privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
          });

          const story = as(panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId));
          const page = as(projectPage(forge, DEMO_USERS.bob, chain.projectId));
          const bobAdmin = as(new AppClient(forge, DEMO_USERS.bob, { module: 'adminPage' }));
          const insightOf = (answer: unknown): string => {
            const value = (answer as { ok: boolean; value?: { id?: string } }).value;
            if (!value?.id) throw new Error(`no insight in ${JSON.stringify(answer)}`);
            return value.id;
          };
          const account = (c: Customer) => ({ name: c.name, arr: c.arr, segment: c.segment });

          // Evidence from every customer on the story, more than a page of it, and an anonymous voice.
          for (const [i, c] of customers.entries()) {
            await story.call('panel/captureAndLink', {
              insight: sampleInsight({ summary: `Need number ${i}`, account: account(c) }),
              note: `why ${i}`
            });
          }
          await story.call('panel/captureAndLink', {
            insight: sampleInsight({ summary: 'Anonymous voice', account: undefined }),
            note: ''
          });
          const rows = Array.from({ length: 24 }, (_, i) => ({
            line: i + 2,
            key: `row-${i}`,
            insight: {
              summary: `Imported ${i}`,
              sourceKind: 'ticket',
              observedAt: '2026-11-01',
              account: account(customers[i % customers.length]!)
            }
          }));
          // A bad row naming a customer: its report line must not repeat the name.
          const first = customers[0]!;
          rows.push({
            line: 40,
            key: 'bad',
            insight: { summary: '', sourceKind: 'ticket', observedAt: '2026-11-01', account: account(first) }
          });
          const importId = 'masking-import';
          const report = (await page.call('project/importInsights', { importId, chunk: 0, rows })) as {
            ok: boolean;
            value?: { queued: { insightId: string }[] };
          };
          const imported = report.value?.queued.map((c) => c.insightId) ?? [];
          await page.call('project/startImport', { importId, chunks: 1, total: imported.length });
          await forge.drainQueues();
          await page.call('project/importProgress', { importId });
          const values = {
            severity: {},
            sourceKind: {},
            accountSegment: {},
            sentiment: {},
            journeyStage: {}
          };
          await page.call('project/saveImportMappings', { mappings: { preset: null, values } });
          await page.call('project/getImportMappings', {});
          await story.call('panel/link', { insightIds: imported.slice(0, 20), note: 'bulk' });
          await page.call('project/link', {
            issueId: chain.epicId,
            insightIds: imported.slice(20, 22),
            note: ''
          });

          const captured = insightOf(
            await page.call('project/captureInsight', {
              insight: sampleInsight({ summary: 'Library only', account: account(first) })
            })
          );
          const spare = insightOf(
            await page.call('project/captureInsight', {
              insight: sampleInsight({ summary: 'Spare', account: undefined })
            })
          );
          await page.call('project/editInsight', {
            insightId: spare,
            patch: { account: account(customers[1]!) }
          });
          await page.call('project/setInsightStatus', { insightId: captured, status: 'dismissed' });
          await page.call('project/setInsightStatus', { insightId: captured, status: 'new' });
          await page.call('project/triageInsights', { insightIds: [captured], action: { kind: 'dismiss' } });
          await page.call('project/triageInsights', { insightIds: [captured], action: { kind: 'restore' } });
          await page.call('project/mergeInsights', { sourceId: captured, targetId: spare });
          await page.call('project/upsertAccount', { account: account(customers[customers.length - 1]!) });
          await story.call('panel/editNote', { insightId: imported[0]!, note: 'edited' });
          await story.call('panel/unlink', { insightId: imported[1]! });
          await page.call('project/unlink', { issueId: chain.epicId, insightId: imported[20]! });
          await page.call('project/deleteInsight', { insightId: imported[2]! });
          await page.call('project/restoreInsight', { insightId: imported[2]! });

          // Reads, after the writes.
          await story.call('panel/getEvidence', {});
          await story.call('panel/getAccess', {});
          await story.call('panel/listCards', {});
          await story.call('panel/searchInsights', { limit: 100 });
          await page.call('project/getAccess', {});
          await page.call('project/triageInbox', { source: 'ticket' });
          await page.call('project/rankedIssues', { statusCategory: 'all', limit: 100 });
          await page.call('project/getEvidence', { issueId: chain.storyId });
          await page.call('project/getEvidence', { issueId: chain.epicId });
          await page.call('project/listInsights', { limit: 100 });
          await page.call('project/inboxCounts', {});
          await page.call('project/searchIssues', { query: 'a' });
          // Every customer's name, typed in full into an account field.
          for (const c of customers) {
            await page.call('project/searchAccounts', { query: c.name });
            await story.call('panel/searchAccounts', { query: c.name });
          }
          // Telling service requests when work ships: a flag, on for the done story below.
          await page.call('project/setLoopClosing', { enabled: true });
          await page.call('project/loopClosing', {});
          // Reopened, then done today (the seed may have finished it long ago).
          forge.jira.setStatus(chain.storyId, forge.seed.statuses.find((s) => s.category === 'new')!.id);
          forge.jira.setStatus(chain.storyId, forge.seed.statuses.find((s) => s.category === 'done')!.id);
          const shipped = await page.call('project/shipped', {});
          // Account pages and merges name accounts: both refuse a masked user outright.
          const refusedOutright = ['project/accountView', 'project/mergeAccounts'];
          const firstKey = normaliseAccountKey(first.name);
          const lastKey = normaliseAccountKey(customers[customers.length - 1]!.name);
          await page.call('project/accountView', { accountKey: firstKey });
          await page.call('project/mergeAccounts', { sourceKey: lastKey, targetKey: firstKey });
          for (const key of Object.keys(adminPayloads))
            await bobAdmin.call(key as ContractKey, key === 'admin/previewScoring' ? { scoring: {} } : {});

          // Every resolver was asked, and the evidence really is there (masked, not missing).
          expect([...answers.keys()].sort()).toEqual([...ALL_KEYS].sort());
          expect(shipped).toMatchObject({ ok: true, value: [{ identityHidden: true }] });
          for (const key of refusedOutright)
            expect(answers.get(key)).toMatchObject([{ ok: false, error: { code: 'FORBIDDEN' } }]);
          const refused = [...answers].flatMap(([key, list]) =>
            key.startsWith('admin/') || refusedOutright.includes(key)
              ? []
              : list.filter((a) => !(a as { ok: boolean }).ok).map((a) => `${key}: ${JSON.stringify(a)}`)
          );
          expect(refused).toEqual([]);
          const evidence = answers.get('panel/getEvidence')![0] as {
            value: { impact: { score: { uniqueAccounts: number } } };
          };
          expect(evidence.value.impact.score.uniqueAccounts).toBe(customers.length);

          const needles = customers.flatMap((c) => [c.name, normaliseAccountKey(c.name), String(c.arr)]);
          needles.push(String(customers.reduce((sum, c) => sum + c.arr, 0)));
          for (const [key, list] of answers) {
            for (const answer of list) {
              const text = JSON.stringify(answer).toLowerCase();
              for (const needle of needles) {
                if (text.includes(needle.toLowerCase()))
                  throw new Error(`${key} answered "${needle}": ${text.slice(0, 400)}`);
              }
              expect({ key, fields: revenueFields(answer) }).toEqual({ key, fields: [] });
            }
          }
        } finally {
          forge.stop();
        }
      }
    ),
    { numRuns: 4 }
  );
  // Four generated sites, each driven through every resolver: minutes on a loaded machine.
}, 300_000);

it('gives one customer the same opaque alias in every answer and to every masked user', async () => {
  const forge = new LocalForge();
  try {
    const chain = findChain(forge.seed);
    await new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' }).ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
    });
    const bob = panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId);
    await bob.ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    const carol = await panel(forge, DEMO_USERS.carol, chain.projectId, chain.storyId).ok(
      'panel/getEvidence',
      {}
    );
    const library = await projectPage(forge, DEMO_USERS.bob, chain.projectId).ok('project/listInsights', {});
    const alias = carol.impact!.cards[0]!.account!;
    expect(alias.name).toMatch(/^Customer [0-9A-F]{6}$/);
    expect(library.items.find((i) => i.summary === sampleInsight().summary)?.account).toMatchObject({
      key: alias.key,
      name: alias.name
    });
    expect(carol.impact!.score.contributions[0]).toMatchObject({
      accountKey: alias.key,
      accountName: alias.name,
      points: 0
    });
    // Not derivable from the name: another installation (another secret) gives another alias.
    const other = new LocalForge();
    try {
      const otherChain = findChain(other.seed);
      await new AppClient(other, DEMO_USERS.alice, { module: 'adminPage' }).ok('admin/saveSettings', {
        privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
      });
      await panel(other, DEMO_USERS.bob, otherChain.projectId, otherChain.storyId).ok(
        'panel/captureAndLink',
        { insight: sampleInsight(), note: '' }
      );
      const there = await panel(other, DEMO_USERS.carol, otherChain.projectId, otherChain.storyId).ok(
        'panel/getEvidence',
        {}
      );
      expect(there.impact!.cards[0]!.account!.key).not.toBe(alias.key);
    } finally {
      other.stop();
    }
  } finally {
    forge.stop();
  }
});
