import type { LocalForge } from '../local/host/local-forge';
import type { ImpactScore } from '../src/domain/scoring/score';
import * as app from '../src/index';
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

/**
 * Changing the account of an insight linked to more issues than one transaction holds
 * (here: the survivor of a merge of two insights that backed the same epic) moves it
 * out of its old account's group on every issue once the queued rescore is done: the
 * epic counts the insight once, under its new account, and no ARR of the old one stays.
 */
describe('editing the account of a merged insight with many links', () => {
  let forge: LocalForge;
  let chain: Chain;
  beforeEach(() => {
    forge = testForge().useApp(app);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const library = () => projectPage(forge, DEMO_USERS.alice, chain.projectId);
  const on = (issueId: string) => panel(forge, DEMO_USERS.alice, chain.projectId, issueId);

  /** The epic and six open issues below it: more than an insight's edit rescores at once. */
  function epicAndBelow(): string[] {
    const open = forge.seed.issues.filter((i) => i.projectId === chain.projectId && !i.securityLevel);
    const found = [chain.epicId];
    for (let i = 0; i < found.length && found.length < 7; i += 1)
      found.push(...open.filter((issue) => issue.parentId === found[i]).map((issue) => issue.id));
    expect(found.length).toBeGreaterThanOrEqual(7);
    return found.slice(0, 7);
  }

  async function captureLinkedTo(issueIds: readonly string[], account?: { name: string; arr: number }) {
    const { account: _acme, ...anonymous } = sampleInsight();
    const insight = account ? sampleInsight({ account: { ...account, segment: 'enterprise' } }) : anonymous;
    const { id } = await library().ok('project/captureInsight', { insight });
    for (const issueId of issueIds) await on(issueId).ok('panel/link', { insightIds: [id], note: '' });
    return id;
  }

  async function expectScoresFromScratch(issueIds: readonly string[]): Promise<void> {
    const stored = new Map<string, ImpactScore>();
    for (const issueId of issueIds) {
      const impact = (await on(issueId).ok('panel/getEvidence', {})).impact;
      if (impact) stored.set(issueId, impact.score);
    }
    const expected = await recomputeFromScratch(forge.jira, issueIds, {
      now: (issueId) => (stored.has(issueId) ? new Date(stored.get(issueId)!.computedAt) : undefined)
    });
    const figures = (scores: Map<string, ImpactScore>) =>
      [...scores].map(([issueId, s]) => ({
        issueId,
        score: Math.round(s.score * 100) / 100,
        insights: s.insightCount,
        accounts: s.uniqueAccounts,
        arr: s.arrAtStake
      }));
    expect(figures(stored)).toEqual(figures(expected));
  }

  it('counts the survivor only under its new account on every issue', async () => {
    const issues = epicAndBelow();
    const duplicate = await captureLinkedTo(issues.slice(0, 4));
    const survivor = await captureLinkedTo([chain.epicId, ...issues.slice(4)], { name: 'Globex', arr: 5 });
    // Eight links between them: the merge itself finishes in a queued job.
    await library().ok('project/mergeInsights', { sourceId: duplicate, targetId: survivor });
    await forge.settle();
    await library().ok('project/editInsight', {
      insightId: survivor,
      patch: { account: { name: 'Initech', segment: 'unknown', arr: 0 } }
    });
    await forge.settle();

    const epic = (await on(chain.epicId).ok('panel/getEvidence', {})).impact!.score;
    expect({ insights: epic.insightCount, accounts: epic.uniqueAccounts, arr: epic.arrAtStake }).toEqual({
      insights: 1,
      accounts: 1,
      arr: 0
    });
    await expectScoresFromScratch(issues);
  });

  it('moves an insight with many links of its own from its old account to its new one', async () => {
    const issues = epicAndBelow();
    const insightId = await captureLinkedTo(issues, { name: 'Globex', arr: 5 });
    await library().ok('project/editInsight', {
      insightId,
      patch: { account: { name: 'Initech', segment: 'unknown', arr: 0 } }
    });
    await forge.settle();
    await expectScoresFromScratch(issues);
  });
});
