import fc from 'fast-check';
import { DEMO_APP_FIELD } from '../local/jira/demo-seed';
import type { LocalForge, LocalForgeOptions } from '../local/host/local-forge';
import type { RankedIssueView } from '../src/contract/views';
import type { ImpactScore } from '../src/domain/scoring/score';
import { SEGMENTS, SEVERITIES, type Segment, type Severity } from '../src/domain/vocabulary';
import * as app from '../src/index';
import { getInsights } from '../src/storage/insight-store';
import { linksOfIssue } from '../src/storage/link-store';
import { AppClient, DEMO_USERS, findChain, testForge, whenNotBusy, type Chain } from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

/**
 * The safety net of the impact write path: after any sequence of what users and Jira do
 * to evidence, once the queues are drained, every issue's stored score is what scoring
 * its evidence from scratch gives. The app is driven only through its resolvers, Jira's
 * product events and its queues; the oracle (recompute-from-scratch) reads links,
 * insights and accounts from their stores and an issue's descendants from Jira itself.
 *
 * Time: the app scores with the wall clock and records the instant in the score's
 * `computedAt`. The oracle scores each issue at that same instant, so recency agrees
 * exactly; an issue the app forgot to rescore keeps an old `computedAt` with evidence
 * that has changed since, and still disagrees with the oracle. (Freezing the clock would
 * not test more: recency is a pure function of `computedAt`.) Evidence is dated `daysAgo`
 * before the wall clock at the step that writes it.
 *
 * Runs are seeded: a failure prints fast-check's seed, path and shrunk steps; replay with
 * EVIDENCE_INVARIANTS_SEED=<seed> and EVIDENCE_INVARIANTS_PATH=<path> to run only the counterexample
 * (EVIDENCE_INVARIANTS_RUNS sets how many runs).
 */

const SEED = Number(process.env.EVIDENCE_INVARIANTS_SEED ?? 20_261_201);
const NUM_RUNS = Number(process.env.EVIDENCE_INVARIANTS_RUNS ?? 20);
/** fast-check's `path` of a reported failure: replays just that counterexample. */
const REPLAY_PATH = process.env.EVIDENCE_INVARIANTS_PATH;
const DAY_MS = 24 * 60 * 60 * 1000;
const ACCOUNTS = ['Acme Corp', 'Globex', 'Initech', 'Hooli'] as const;

/** Chosen by index modulo what exists when the step runs, so every step is valid. */
type Step =
  | {
      kind: 'capture';
      account: number | null;
      segment: Segment;
      arr: number;
      severity: Severity;
      daysAgo: number;
      /** Captured on an issue's panel (and linked there), or in the project's library. */
      onIssue: number | null;
    }
  | { kind: 'link'; issue: number; insights: number[]; viaPanel: boolean }
  | { kind: 'unlink'; link: number; viaPanel: boolean }
  | {
      kind: 'editInsight';
      insight: number;
      severity?: Severity;
      daysAgo?: number;
      /** Another account, or none (`null`). */
      account?: { index: number; segment: Segment; arr: number } | null;
    }
  | { kind: 'editNote'; link: number; note: string }
  | { kind: 'merge'; source: number; target: number }
  | { kind: 'deleteInsight'; insight: number }
  | { kind: 'triage'; insight: number }
  /** Linked in bulk from the library's inbox (project/triageInsights). */
  | { kind: 'bulkLink'; issue: number; insights: number[] }
  /** Dismissed, or restored to the inbox, in bulk. */
  | { kind: 'bulkTriage'; insights: number[]; dismiss: boolean }
  /** The Undo of a recent delete (project/restoreInsight). */
  | { kind: 'undoDelete'; deleted: number }
  | { kind: 'editAccount'; account: number; segment?: Segment; arr?: number; byAdmin: boolean }
  | { kind: 'moveIssue'; issue: number; parent: number }
  | { kind: 'deleteIssue'; issue: number }
  | { kind: 'settings'; critical: number; halfLifeDays: number; curve: 'log' | 'linear' | 'none' }
  /** Storage under pressure (the faulty variant only): a spent budget or failing calls. */
  | { kind: 'pressure'; how: 'reads' | 'writes' | 'throttle' | 'partial' };

const severity = fc.constantFrom(...SEVERITIES);
const segment = fc.constantFrom(...SEGMENTS);
const arr = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 }));
const daysAgo = fc.integer({ min: 0, max: 400 });
const index = fc.nat({ max: 1000 });

const userSteps: fc.Arbitrary<Step>[] = [
  fc.record({
    kind: fc.constant('capture' as const),
    account: fc.option(fc.nat({ max: ACCOUNTS.length - 1 }), { freq: 4, nil: null }),
    segment,
    arr,
    severity,
    daysAgo,
    onIssue: fc.option(index, { freq: 3, nil: null })
  }),
  fc.record({
    kind: fc.constant('link' as const),
    issue: index,
    insights: fc.array(index, { minLength: 1, maxLength: 3 }),
    viaPanel: fc.boolean()
  }),
  fc.record({ kind: fc.constant('unlink' as const), link: index, viaPanel: fc.boolean() }),
  fc.record(
    {
      kind: fc.constant('editInsight' as const),
      insight: index,
      severity,
      daysAgo,
      account: fc.option(fc.record({ index: fc.nat({ max: ACCOUNTS.length - 1 }), segment, arr }), {
        freq: 3,
        nil: null
      })
    },
    { requiredKeys: ['kind', 'insight'] }
  ),
  fc.record({
    kind: fc.constant('editNote' as const),
    link: index,
    note: fc.constantFrom('', 'Asked again on the call', 'Blocks renewal')
  }),
  fc.record({ kind: fc.constant('merge' as const), source: index, target: index }),
  fc.record({ kind: fc.constant('deleteInsight' as const), insight: index }),
  fc.record({ kind: fc.constant('triage' as const), insight: index }),
  fc.record({
    kind: fc.constant('bulkLink' as const),
    issue: index,
    insights: fc.array(index, { minLength: 1, maxLength: 12 })
  }),
  fc.record({
    kind: fc.constant('bulkTriage' as const),
    insights: fc.array(index, { minLength: 1, maxLength: 6 }),
    dismiss: fc.boolean()
  }),
  fc.record({ kind: fc.constant('undoDelete' as const), deleted: index }),
  fc.record(
    {
      kind: fc.constant('editAccount' as const),
      account: fc.nat({ max: ACCOUNTS.length - 1 }),
      segment,
      arr,
      byAdmin: fc.boolean()
    },
    { requiredKeys: ['kind', 'account', 'byAdmin'] }
  ),
  fc.record({ kind: fc.constant('moveIssue' as const), issue: index, parent: index }),
  fc.record({ kind: fc.constant('deleteIssue' as const), issue: index }),
  fc.record({
    kind: fc.constant('settings' as const),
    critical: fc.integer({ min: 8, max: 40 }),
    halfLifeDays: fc.integer({ min: 1, max: 365 }),
    curve: fc.constantFrom('log' as const, 'linear' as const, 'none' as const)
  })
];

/** Captures and links weigh more: without evidence there is little to check. */
const weights = [6, 6, 2, 3, 1, 2, 1, 1, 3, 1, 2, 2, 2, 1, 1];

function stepsOf(extra: fc.Arbitrary<Step>[]): fc.Arbitrary<Step[]> {
  const arbitraries = [
    ...userSteps.map((arbitrary, i) => ({ arbitrary, weight: weights[i]! })),
    ...extra.map((arbitrary) => ({ arbitrary, weight: 2 }))
  ];
  return fc.array(fc.oneof(...arbitraries), { minLength: 15, maxLength: 40 });
}

const pressure: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('pressure' as const),
  how: fc.constantFrom('reads' as const, 'writes' as const, 'throttle' as const, 'partial' as const)
});

const pick = <T>(items: readonly T[], i: number): T | undefined =>
  items.length === 0 ? undefined : items[i % items.length];

/** The issues the steps act on: two epics of one project, their stories and sub-tasks. */
interface Universe {
  chain: Chain;
  epics: string[];
  stories: string[];
  subtasks: string[];
}

function universeOf(forge: LocalForge): Universe {
  const chain = findChain(forge.seed);
  const level = (typeId: string): number =>
    forge.seed.issueTypes.find((t) => t.id === typeId)?.hierarchyLevel ?? 0;
  const open = forge.seed.issues.filter((i) => i.projectId === chain.projectId && !i.securityLevel);
  const otherEpic = open.find((i) => level(i.issueTypeId) === 1 && i.id !== chain.epicId);
  if (!otherEpic) throw new Error('The demo seed has no second epic');
  const epics = [chain.epicId, otherEpic.id];
  const stories = epics.flatMap((epicId) =>
    open
      .filter((i) => i.parentId === epicId && level(i.issueTypeId) === 0)
      .slice(0, 3)
      .map((i) => i.id)
  );
  const subtasks = stories.flatMap((storyId) =>
    open
      .filter((i) => i.parentId === storyId && level(i.issueTypeId) === -1)
      .slice(0, 2)
      .map((i) => i.id)
  );
  return { chain, epics, stories, subtasks };
}

/** What the panel, the ranking and Jira each say of an issue's impact. */
interface Figures {
  issueId: string;
  score: number;
  accounts: number;
  insights: number;
  arr: number;
}

const figures = (issueId: string, f: Omit<Figures, 'issueId'>): Figures => ({ issueId, ...f });

/** Scores are rounded to cents, so a cent apart is agreement; every other figure must be equal. */
function withinACent(actual: Figures | undefined, expected: Figures): Figures | undefined {
  if (actual === undefined || Math.abs(actual.score - expected.score) > 0.01) return actual;
  return { ...actual, score: expected.score };
}

/** One run: a fresh site, the steps, then the invariants. */
class Run {
  readonly forge: LocalForge;
  readonly universe: Universe;
  /** Insights that exist (captured, not deleted or merged away), in capture order. */
  readonly insights: string[] = [];
  /** Insights deleted so far, whose Undo may still be open. */
  readonly deleted: string[] = [];
  /** Every issue that ever was an ancestor of one in the universe: it had roll-ups. */
  readonly everAbove = new Set<string>();
  private captured = 0;

  constructor(options: LocalForgeOptions) {
    this.forge = testForge(options).useApp(app);
    this.universe = universeOf(this.forge);
    this.noteAncestors();
  }

  get projectId(): string {
    return this.universe.chain.projectId;
  }

  private alive(ids: readonly string[]): string[] {
    return ids.filter((id) => this.forge.jira.getIssue(id) !== undefined);
  }

  private get issues(): string[] {
    const { epics, stories, subtasks } = this.universe;
    return this.alive([...epics, ...stories, ...subtasks]);
  }

  private noteAncestors(): void {
    for (const id of this.issues) {
      for (let p = this.forge.jira.getIssue(id)?.parentId; p; p = this.forge.jira.getIssue(p)?.parentId) {
        this.everAbove.add(p);
      }
    }
  }

  /** Alice is the site admin: a curator everywhere. Bob leads the project: a curator there. */
  private library(user: string = DEMO_USERS.alice): AppClient {
    return new AppClient(this.forge, user, { module: 'projectPage', projectId: this.projectId });
  }

  private panelOf(issueId: string, user: string = DEMO_USERS.bob): AppClient {
    return new AppClient(this.forge, user, { module: 'issuePanel', issueId, projectId: this.projectId });
  }

  /** A user call that must succeed; storage may ask it to come back a minute later. */
  private call<T>(work: () => Promise<T>): Promise<T> {
    return whenNotBusy(this.forge, work);
  }

  /** Links of the universe's issues as stored now, in a fixed order. */
  private async links(): Promise<{ issueId: string; insightId: string }[]> {
    const all = await this.call(async () =>
      (await Promise.all(this.issues.map((id) => linksOfIssue(id)))).flat()
    );
    return all
      .map((l) => ({ issueId: l.issueId, insightId: l.insightId }))
      .sort((a, b) => `${a.issueId}/${a.insightId}`.localeCompare(`${b.issueId}/${b.insightId}`));
  }

  private observedAt(days: number): string {
    return new Date(Date.now() - days * DAY_MS).toISOString();
  }

  async apply(step: Step): Promise<void> {
    switch (step.kind) {
      case 'capture': {
        this.captured += 1;
        const insight = {
          summary: `Customer problem ${this.captured}`,
          quote: '',
          sourceKind: 'ticket' as const,
          severity: step.severity,
          observedAt: this.observedAt(step.daysAgo),
          ...(step.account === null
            ? {}
            : { account: { name: ACCOUNTS[step.account]!, segment: step.segment, arr: step.arr } })
        };
        const issueId = step.onIssue === null ? undefined : pick(this.issues, step.onIssue);
        if (issueId === undefined) {
          const view = await this.call(() => this.library().ok('project/captureInsight', { insight }));
          this.insights.push(view.id);
        } else {
          const outcome = await this.call(() =>
            this.panelOf(issueId).ok('panel/captureAndLink', { insight, note: 'Heard on a call' })
          );
          expect(outcome.notLinked).toBeUndefined();
          this.insights.push(...(outcome.linked ?? []));
        }
        break;
      }
      case 'link': {
        const issueId = pick(this.issues, step.issue);
        const insightIds = [...new Set(step.insights.map((i) => pick(this.insights, i)))].filter(
          (id): id is string => id !== undefined
        );
        if (issueId === undefined || insightIds.length === 0) return;
        const outcome = await this.call(() =>
          step.viaPanel
            ? this.panelOf(issueId).ok('panel/link', { insightIds, note: 'Evidence' })
            : this.library().ok('project/link', { issueId, insightIds, note: 'Evidence' })
        );
        expect(outcome.notLinked).toBeUndefined();
        break;
      }
      case 'unlink': {
        const link = pick(await this.links(), step.link);
        if (!link) return;
        await this.call(() =>
          step.viaPanel
            ? this.panelOf(link.issueId).ok('panel/unlink', { insightId: link.insightId })
            : this.library().ok('project/unlink', link)
        );
        break;
      }
      case 'editInsight': {
        const insightId = pick(this.insights, step.insight);
        if (insightId === undefined) return;
        const patch = {
          severity: step.severity ?? 'high',
          ...(step.daysAgo === undefined ? {} : { observedAt: this.observedAt(step.daysAgo) }),
          ...(step.account === undefined
            ? {}
            : {
                account:
                  step.account === null
                    ? null
                    : {
                        name: ACCOUNTS[step.account.index]!,
                        segment: step.account.segment,
                        arr: step.account.arr
                      }
              })
        };
        await this.call(() => this.library().ok('project/editInsight', { insightId, patch }));
        break;
      }
      case 'editNote': {
        const link = pick(await this.links(), step.link);
        if (!link) return;
        await this.call(() =>
          this.panelOf(link.issueId).ok('panel/editNote', { insightId: link.insightId, note: step.note })
        );
        break;
      }
      case 'merge': {
        const sourceId = pick(this.insights, step.source);
        const rest = this.insights.filter((id) => id !== sourceId);
        const targetId = pick(rest, step.target);
        if (sourceId === undefined || targetId === undefined) return;
        await this.call(() => this.library().ok('project/mergeInsights', { sourceId, targetId }));
        this.insights.splice(this.insights.indexOf(sourceId), 1);
        break;
      }
      case 'deleteInsight': {
        const insightId = pick(this.insights, step.insight);
        if (insightId === undefined) return;
        await this.call(() => this.library().ok('project/deleteInsight', { insightId }));
        this.insights.splice(this.insights.indexOf(insightId), 1);
        this.deleted.push(insightId);
        break;
      }
      case 'undoDelete': {
        const insightId = pick(this.deleted, step.deleted);
        if (insightId === undefined) return;
        // Refused when a job did the delete (no undo) or its issues are all gone: both stand.
        const result = await this.call(async () => {
          const answer = await this.library().call('project/restoreInsight', { insightId });
          if (!answer.ok && answer.error.code === 'BUSY') throw new Error(`Busy: ${answer.error.message}`);
          return answer;
        });
        this.deleted.splice(this.deleted.indexOf(insightId), 1);
        if (result.ok) this.insights.push(insightId);
        else expect(result.error.code).toBe('NOT_FOUND');
        break;
      }
      case 'bulkLink': {
        const issueId = pick(this.issues, step.issue);
        const insightIds = [...new Set(step.insights.map((i) => pick(this.insights, i)))].filter(
          (id): id is string => id !== undefined
        );
        if (issueId === undefined || insightIds.length === 0) return;
        const outcome = await this.call(() =>
          this.library().ok('project/triageInsights', {
            insightIds,
            action: { kind: 'link', issueId, note: 'Triaged' }
          })
        );
        expect(outcome.items.map((i) => i.insightId)).toEqual(insightIds);
        break;
      }
      case 'bulkTriage': {
        const stored = await this.call(() => getInsights(this.insights));
        const unlinked = this.insights.filter((id) => stored.get(id)?.linkCount === 0);
        const insightIds = [...new Set(step.insights.map((i) => pick(unlinked, i)))].filter(
          (id): id is string => id !== undefined
        );
        if (insightIds.length === 0) return;
        await this.call(() =>
          this.library().ok('project/triageInsights', {
            insightIds,
            action: { kind: step.dismiss ? 'dismiss' : 'restore' }
          })
        );
        break;
      }
      case 'triage': {
        // Only unlinked insights are triaged: linked evidence is unlinked first.
        const stored = await this.call(() => getInsights(this.insights));
        const unlinked = this.insights.filter((id) => stored.get(id)?.linkCount === 0);
        const insightId = pick(unlinked, step.insight);
        if (insightId === undefined) return;
        const status = stored.get(insightId)?.status === 'dismissed' ? 'new' : 'dismissed';
        await this.call(() => this.library().ok('project/setInsightStatus', { insightId, status }));
        break;
      }
      case 'editAccount': {
        const account = {
          name: ACCOUNTS[step.account]!,
          ...(step.segment === undefined ? {} : { segment: step.segment }),
          ...(step.arr === undefined ? {} : { arr: step.arr })
        };
        const user = step.byAdmin ? DEMO_USERS.alice : DEMO_USERS.bob;
        await this.call(() => this.library(user).ok('project/upsertAccount', { account }));
        break;
      }
      case 'moveIssue': {
        // A story to another epic (or to none), a sub-task to another story.
        const { epics, stories, subtasks } = this.universe;
        const movable = this.alive([...stories, ...subtasks]);
        const issueId = pick(movable, step.issue);
        if (issueId === undefined) return;
        const current = this.forge.jira.getIssue(issueId)?.parentId;
        const isStory = stories.includes(issueId);
        const parents = this.alive(isStory ? epics : stories).filter((id) => id !== current);
        const choices: (string | null)[] = isStory && current !== undefined ? [...parents, null] : parents;
        const parentId = pick(choices, step.parent);
        if (parentId === undefined) return;
        this.forge.jira.moveIssue(issueId, { parentId });
        this.noteAncestors();
        break;
      }
      case 'deleteIssue': {
        const issueId = pick(this.issues, step.issue);
        if (issueId === undefined) return;
        this.noteAncestors();
        this.forge.jira.deleteIssue(issueId);
        break;
      }
      case 'settings': {
        const admin = new AppClient(this.forge, DEMO_USERS.alice, { module: 'adminPage' });
        const scoring = {
          severityWeights: { low: 1, medium: 2, high: 4, critical: step.critical },
          recency: { halfLifeDays: step.halfLifeDays },
          revenue: { curve: step.curve }
        };
        await this.call(() => admin.ok('admin/saveSettings', { scoring }));
        await this.settle();
        const progress = await this.call(() => admin.ok('admin/rescoreProgress', {}));
        expect(progress).toMatchObject({ done: true, projectsFailed: 0 });
        break;
      }
      case 'pressure': {
        const { faults, kvsQuota } = this.forge.host;
        if (step.how === 'reads') kvsQuota.charge('read', kvsQuota.limits.readUnitsPerMinute);
        if (step.how === 'writes') kvsQuota.charge('write', kvsQuota.limits.writeUnitsPerMinute);
        // One injected fault at a time, failing once: the app reads a failed batch key
        // three times before it gives up with UPSTREAM_FAILED (which users may see), so
        // stacked faults would fail a user call by design, not by a bug.
        faults.clear();
        if (step.how === 'throttle')
          faults.add({ kind: 'kvs', path: /\/transaction$/, fault: 'throttle', times: 1 });
        if (step.how === 'partial')
          faults.add({ kind: 'kvs', path: /\/batch\/get$/, fault: 'partial', times: 1 });
        // Left for the next step's calls and the queues to meet.
        return;
      }
    }
    await this.settle();
  }

  /** Product events delivered, queues drained, as some seconds later in Forge. */
  private async settle(): Promise<void> {
    const report = await this.forge.settle();
    expect(report.triggers.failed).toBe(0);
    expect(report.queues.failed).toBe(0);
  }

  /** Every invariant, once all background work is done. */
  async check(): Promise<void> {
    await this.settle();
    this.forge.host.faults.clear();
    this.forge.host.clock.advance(60_000); // the storage budgets refill
    const jira = this.forge.jira;
    const { epics, stories, subtasks } = this.universe;
    const checked = [...new Set([...epics, ...stories, ...subtasks, ...this.everAbove])];
    const alive = checked.filter((id) => jira.getIssue(id) !== undefined);
    const gone = checked.filter((id) => jira.getIssue(id) === undefined);

    const stored = new Map<string, ImpactScore>();
    for (const issueId of alive) {
      const projectId = jira.getIssue(issueId)!.projectId;
      const site = { module: 'issuePanel' as const, issueId, projectId };
      // Alice may see customers' identity (no privacy groups are set): nothing is masked.
      const view = await this.call(() =>
        new AppClient(this.forge, DEMO_USERS.alice, site).ok('panel/getEvidence', {})
      );
      if (view.impact) stored.set(issueId, view.impact.score);
    }
    const expected = await this.call(() =>
      recomputeFromScratch(jira, checked, {
        now: (issueId) => {
          const at = stored.get(issueId)?.computedAt;
          return at === undefined ? undefined : new Date(at);
        }
      })
    );

    const ranked = new Map<string, RankedIssueView>();
    const projects = new Set(alive.map((id) => jira.getIssue(id)!.projectId));
    for (const projectId of projects) {
      const library = new AppClient(this.forge, DEMO_USERS.alice, { module: 'projectPage', projectId });
      let cursor: string | undefined;
      do {
        const page = await this.call(() =>
          library.ok('project/rankedIssues', {
            statusCategory: 'all',
            limit: 100,
            ...(cursor === undefined ? {} : { cursor })
          })
        );
        for (const row of page.items) ranked.set(row.issueId, row);
        cursor = page.cursor;
      } while (cursor);
    }

    for (const issueId of alive) {
      const want = expected.get(issueId);
      const got = stored.get(issueId);
      const row = ranked.get(issueId);
      const property = jira.getIssueProperty(issueId, 'customer-impact') as
        Record<string, number> | undefined;
      const field = jira.getAppFieldValue(DEMO_APP_FIELD.id, issueId);
      if (!want) {
        expect({ issueId, stored: got ?? null, ranked: row ?? null }).toEqual({
          issueId,
          stored: null,
          ranked: null
        });
        expect({ issueId, published: property?.score ?? 0, field: field ?? 0 }).toEqual({
          issueId,
          published: 0,
          field: 0
        });
        continue;
      }
      const oracle = figures(issueId, {
        score: want.score,
        accounts: want.uniqueAccounts,
        insights: want.insightCount,
        arr: want.arrAtStake
      });
      const onPanel =
        got &&
        figures(issueId, {
          score: got.score,
          accounts: got.uniqueAccounts,
          insights: got.insightCount,
          arr: got.arrAtStake
        });
      expect(withinACent(onPanel, oracle)).toEqual(oracle);
      const inRanking =
        row &&
        figures(issueId, {
          score: row.score,
          accounts: row.accounts,
          insights: row.insightCount,
          arr: row.arr
        });
      expect(inRanking).toEqual(onPanel);
      const published =
        property &&
        figures(issueId, {
          score: property.score ?? NaN,
          accounts: property.accounts ?? NaN,
          insights: property.insights ?? NaN,
          arr: property.arr ?? NaN
        });
      expect(published).toEqual(onPanel);
      expect({ issueId, field }).toEqual({ issueId, field: onPanel?.score });
    }

    for (const issueId of gone) {
      const links = await this.call(() => linksOfIssue(issueId));
      expect({ issueId, links, ranked: ranked.has(issueId) }).toEqual({ issueId, links: [], ranked: false });
    }
    // Nothing outside the checked issues is ranked: evidence lives only on them.
    expect([...ranked.keys()].filter((id) => !checked.includes(id))).toEqual([]);
  }

  stop(): void {
    this.forge.stop();
  }
}

async function runSteps(steps: Step[], options: LocalForgeOptions): Promise<void> {
  const run = new Run(options);
  try {
    for (const step of steps) await run.apply(step);
    await run.check();
  } finally {
    run.stop();
  }
}

function assertProperty(steps: fc.Arbitrary<Step[]>, options: LocalForgeOptions): Promise<void> {
  return fc.assert(
    fc.asyncProperty(steps, (s) => runSteps(s, options)),
    // Shrinking is bounded so a failure is reported in minutes, with the seed to replay it.
    {
      seed: SEED,
      numRuns: NUM_RUNS,
      interruptAfterTimeLimit: 5 * 60_000,
      markInterruptAsFailure: true,
      ...(REPLAY_PATH === undefined ? {} : { path: REPLAY_PATH, endOnFailure: true })
    }
  );
}

describe('stored scores equal a from-scratch recomputation after any sequence of changes', () => {
  it('with storage and queues as usual', async () => {
    await assertProperty(stepsOf([]), {});
  }, 600_000);

  it('with storage throttled, batch reads failing and events delivered late, reordered and twice', async () => {
    await assertProperty(stepsOf([pressure]), {
      duplicateRate: 0.25,
      productEventDelivery: { seed: SEED, duplicateRate: 0.25 }
    });
  }, 600_000);
});
