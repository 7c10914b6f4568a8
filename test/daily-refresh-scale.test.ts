import type { LocalForge } from '../local/host/local-forge';
import { asApp, JiraTestClient } from '../local/jira/jira-test-client';
import { createDemoSeed, type JiraSeed } from '../local/jira/seed';
import * as app from '../src/index';
import type { Severity } from '../src/domain/vocabulary';
import { ENTITY, linkKey } from '../src/storage/entities';
import { getImpacts } from '../src/storage/impact-store';
import type { InsightRecord, LinkRecord } from '../src/storage/records';
import { getProjectProgress, getRescoreRun } from '../src/storage/rescore-store';
import { rescoreProgress, startRescore } from '../src/usecases/rescore';
import { RUN_UNITS_PER_MINUTE } from '../src/usecases/storage-budget';
import { DEMO_USERS, testForge, whenNotBusy } from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

const PROJECTS = 40;
const ISSUES_PER_PROJECT = 60;
const INSIGHTS = 200;
/** Every tenth insight is recent; the rest are older than the recency floor's age (209 days). */
const isRecent = (n: number): boolean => n % 10 === 0;
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-11-01T06:00:00.000Z');
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

/**
 * The daily refresh over a site of 2 400 scored issues in 40 projects, with storage
 * quotas on: only the issues whose evidence is recent enough to decay are recomputed
 * and published, the run never uses more than half of any minute's storage units, and
 * every score ends where a recomputation from the evidence puts it. A settings change
 * still recomputes everything.
 */
describe('daily refresh at scale', () => {
  let forge: LocalForge;
  afterEach(() => {
    forge.stop();
    jest.useRealTimers();
  });

  it('recomputes and publishes only scores that decay moves, within half the storage quota', async () => {
    // Only Date is faked, so the refresh can run "a day later"; timers stay real.
    jest.useFakeTimers({
      now: T0,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout'
      ]
    });
    forge = testForge({ seed: siteWithProjects(PROJECTS, ISSUES_PER_PROJECT), validateJira: false }).useApp(
      app
    );
    const issues = seedEvidence(forge);
    const recent = issues.filter((i) => isRecent(i.insight)).map((i) => i.issueId);
    const quota = forge.host.kvsQuota;

    // A settings save: every stored score was made with other settings, so all are recomputed.
    const settingsRun = await measured(forge, () =>
      forge.host.scope.run(
        { accountId: undefined, cloudId: forge.host.cloudId, origin: 'settings-save' },
        () => startRescore('settings', { now: () => new Date(), newId: () => 'run-settings' })
      )
    );
    expect(await counters(forge)).toEqual({
      scanned: issues.length,
      recomputed: issues.length,
      published: issues.length
    });
    expect(settingsRun.peak.read).toBeLessThanOrEqual(RUN_UNITS_PER_MINUTE);
    expect(settingsRun.peak.write).toBeLessThanOrEqual(RUN_UNITS_PER_MINUTE);
    const before = await storedScores(
      forge,
      issues.map((i) => i.issueId)
    );

    // A day later, the daily refresh.
    jest.setSystemTime(new Date(T0.getTime() + DAY));
    const daily = await measured(forge, () => forge.runScheduled('daily-impact-refresh'));
    const expected = await whenNotBusy(forge, () =>
      forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, () =>
        recomputeFromScratch(
          forge.jira,
          issues.map((i) => i.issueId)
        )
      )
    );
    const after = await storedScores(
      forge,
      issues.map((i) => i.issueId)
    );
    const moved = issues
      .filter((i) => before.get(i.issueId) !== expected.get(i.issueId)?.score)
      .map((i) => i.issueId);

    // Every score is where the evidence puts it today, and decay moved some of them.
    for (const { issueId } of issues)
      expect([issueId, after.get(issueId)]).toEqual([issueId, expected.get(issueId)?.score]);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((id) => recent.includes(id))).toBe(true);
    // Only the recent issues were read from their evidence, and only the moved ones published.
    expect(await counters(forge)).toEqual({
      scanned: issues.length,
      recomputed: recent.length,
      published: moved.length
    });
    const jira = new JiraTestClient(forge.jira);
    for (const issueId of moved.slice(0, 5)) {
      const property = jira.json<{ value: { score: number } }>(
        asApp,
        'GET',
        `/rest/api/3/issue/${issueId}/properties/customer-impact`
      );
      expect(property.value.score).toBe(after.get(issueId));
    }
    // Each publish call carries at least one moved issue (the settings run published every page).
    expect(daily.propertyCalls).toBeGreaterThan(0);
    expect(daily.propertyCalls).toBeLessThanOrEqual(moved.length);
    // Within half the quota in every minute, and a fraction of what recomputing everything costs.
    expect(daily.peak.read).toBeLessThanOrEqual(RUN_UNITS_PER_MINUTE);
    expect(daily.peak.write).toBeLessThanOrEqual(RUN_UNITS_PER_MINUTE);
    expect(daily.units.read).toBeLessThan(settingsRun.units.read / 3);
    expect(daily.units.write).toBeLessThan(settingsRun.units.write / 2);
    expect(quota.limits.readUnitsPerMinute).toBe(2 * RUN_UNITS_PER_MINUTE);
    if (process.env.REFRESH_SCALE_REPORT) {
      console.log(
        JSON.stringify({
          issues: issues.length,
          recent: recent.length,
          moved: moved.length,
          settingsRun,
          daily
        })
      );
    }
  }, 900_000);
});

interface Measured {
  calls: number;
  units: { read: number; write: number };
  peak: { read: number; write: number };
  propertyCalls: number;
  modelledMinutes: number;
}

/** Runs `start` and the queue to the end, with storage calls, units, and the busiest minute. */
async function measured(forge: LocalForge, start: () => Promise<unknown>): Promise<Measured> {
  // A minute of quiet first, so the busiest minute is the run's own.
  forge.host.clock.advance(61_000);
  forge.host.kvsQuota.resetPeak();
  forge.host.meter.reset();
  const startedAt = forge.host.clock.now();
  await start();
  const report = await forge.drainQueues();
  expect(report.failed).toBe(0);
  const snapshot = forge.host.meter.snapshot();
  const progress = await whenNotBusy(forge, () =>
    forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, () =>
      rescoreProgress(new Date())
    )
  );
  expect(progress).toMatchObject({ done: true, projectsFailed: 0 });
  return {
    calls: snapshot.calls.kvs,
    units: snapshot.units,
    peak: forge.host.kvsQuota.peakUnitsPerMinute(),
    propertyCalls: Object.entries(snapshot.byPath)
      .filter(([label]) => label.endsWith('/issue/properties/multi'))
      .reduce((sum, [, calls]) => sum + calls, 0),
    modelledMinutes: Math.round((forge.host.clock.now() - startedAt) / 60_000)
  };
}

/** Issues scanned, recomputed and published by the latest run, over all its projects. */
async function counters(
  forge: LocalForge
): Promise<{ scanned: number; recomputed: number; published: number }> {
  return whenNotBusy(forge, () =>
    forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, async () => {
      const run = (await getRescoreRun())!;
      const progress = await getProjectProgress(run.runId, run.projectIds);
      const total = { scanned: 0, recomputed: 0, published: 0 };
      for (const p of progress.values()) {
        total.scanned += p.issues;
        total.recomputed += p.recomputed ?? 0;
        total.published += p.published ?? 0;
      }
      return total;
    })
  );
}

async function storedScores(forge: LocalForge, issueIds: readonly string[]): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  for (let i = 0; i < issueIds.length; i += 100) {
    const rows = await whenNotBusy(forge, () =>
      forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, () =>
        getImpacts(issueIds.slice(i, i + 100))
      )
    );
    for (const [issueId, row] of rows) scores.set(issueId, row.score);
  }
  return scores;
}

/** The demo site's first project plus `count` more, each with `perProject` stories. */
function siteWithProjects(count: number, perProject: number): JiraSeed {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 8 });
  const template = seed.projects[0]!;
  const story = seed.issues.find(
    (i) => i.projectId === template.id && !i.parentId && i.issueTypeId !== '10000'
  )!;
  for (let n = 0; n < count; n += 1) {
    const projectId = String(30000 + n);
    const key = `SC${n}`;
    seed.projects.push({ ...template, id: projectId, key, name: `Scale ${n}` });
    for (let k = 0; k < perProject; k += 1) {
      seed.issues.push({
        ...story,
        id: String(500000 + n * 1000 + k),
        key: `${key}-${k + 1}`,
        projectId,
        summary: `Scale story ${n}.${k}`
      });
    }
  }
  return seed;
}

/**
 * Writes, straight into the engine, 200 insights (one in ten recent, the rest older than
 * the recency floor's age), one link from every scale issue to one of them, and a stale
 * impact per issue for the first run to recompute.
 */
function seedEvidence(forge: LocalForge): { issueId: string; insight: number }[] {
  const put = (items: { entityName: string; key: string; value: object }[]): void => {
    const answer = forge.kvs.handle('/api/v1/batch/set', items);
    if (answer.status >= 300) throw new Error(`seeding failed: ${JSON.stringify(answer.body)}`);
  };
  const insightId = (n: number): string => `ins-${n}`;
  const insights = Array.from({ length: INSIGHTS }, (_, n) => {
    const observedAt = new Date(T0.getTime() - (isRecent(n) ? 10 + (n % 7) : 300 + n) * DAY).toISOString();
    const record: InsightRecord = {
      projectId: '30000',
      status: 'linked',
      createdAt: observedAt,
      createdBy: DEMO_USERS.bob,
      updatedAt: observedAt,
      observedAt,
      summary: `Insight ${n}`,
      sourceKind: 'ticket',
      severity: SEVERITIES[n % 4]!,
      sentiment: 'negative',
      tags: [],
      linkCount: 0,
      searchText: `insight ${n}`,
      version: 1
    };
    return { entityName: ENTITY.insight, key: insightId(n), value: record };
  });
  for (let i = 0; i < insights.length; i += 20) put(insights.slice(i, i + 20));
  const issues = forge.seed.issues
    .filter((i) => Number(i.id) >= 500000)
    .map((issue, n) => ({ issueId: issue.id, projectId: issue.projectId, insight: (n * 7) % INSIGHTS }));
  for (let i = 0; i < issues.length; i += 12) {
    const items: { entityName: string; key: string; value: object }[] = [];
    for (const { issueId, projectId, insight } of issues.slice(i, i + 12)) {
      const link: LinkRecord = {
        issueId,
        insightId: insightId(insight),
        projectId,
        linkedBy: DEMO_USERS.bob,
        linkedAt: T0.toISOString()
      };
      const impact = {
        issueId,
        projectId,
        score: 0,
        accounts: 0,
        arr: 0,
        insightCount: 1,
        formulaVersion: 1,
        settingsHash: 'stale',
        readModel: { issueId, cards: [], totalCards: 0 },
        version: 1,
        updatedAt: T0.toISOString()
      };
      items.push({ entityName: ENTITY.link, key: linkKey(issueId, insightId(insight)), value: link });
      items.push({ entityName: ENTITY.impact, key: issueId, value: impact });
    }
    put(items);
  }
  return issues.map(({ issueId, insight }) => ({ issueId, insight }));
}
