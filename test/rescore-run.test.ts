import { kvs } from '@forge/kvs';
import type { LocalForge } from '../local/host/local-forge';
import { asApp, JiraTestClient } from '../local/jira/jira-test-client';
import { createDemoSeed, type JiraSeed } from '../local/jira/seed';
import * as app from '../src/index';
import { startRescore } from '../src/usecases/rescore';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  panel,
  sampleInsight,
  testForge,
  whenNotBusy
} from './evidence-kit';

/**
 * A site-wide rescore under Forge's async-events rules: events arrive late, twice, or
 * not at all (a page that keeps failing), pushes are capped at 500 a minute and at
 * 1 000 per originating invocation. The run still finishes, counts each issue once,
 * and the admin page says when it needs a Retry.
 */
describe('site-wide rescore', () => {
  let forge: LocalForge;
  afterEach(() => forge.stop());

  const admin = (): AppClient => new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
  const env = { now: () => new Date(), newId: () => `run-${Math.random().toString(36).slice(2)}` };
  /** Starts a rescore as a settings save would, from one originating invocation. */
  const start = (pageSize?: number): Promise<unknown> =>
    forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId, origin: 'settings-save' }, () =>
      startRescore('settings', env, pageSize === undefined ? {} : { pageSize })
    );

  it('does each page once when every event is delivered twice: no fork, no over-count', async () => {
    forge = testForge().useApp(app);
    const chain = findChain(forge.seed);
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    await forge.drainQueues();
    forge.host.queues.setDuplicateRate(1, 3);
    forge.host.meter.reset();

    await admin().ok('admin/saveSettings', { scoring: { severityWeights: { critical: 16 } } });
    const report = await forge.drainQueues();
    expect(report.duplicated).toBeGreaterThan(0);
    const progress = await admin().ok('admin/rescoreProgress', {});
    expect(progress).toMatchObject({ done: true, issuesRescored: 3, projectsFailed: 0, stalled: false });
    // The only impacts are the sub-task, story and epic: one page, published once.
    const byPath = forge.host.meter.snapshot().byPath;
    const propertyWrites = Object.entries(byPath).filter(([label]) =>
      label.endsWith('/issue/properties/multi')
    );
    expect(propertyWrites.map(([, calls]) => calls)).toEqual([1]);
  });

  it('resumes a page that kept failing: the admin page shows it failed, Retry finishes the run', async () => {
    forge = testForge({ retentionWindowMs: 10 * 60 * 1000 }).useApp(app);
    const chain = findChain(forge.seed);
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    await forge.drainQueues();
    forge.host.faults.add({ kind: 'jira', path: /\/issue\/properties\/multi$/, fault: 'error' });

    await admin().ok('admin/saveSettings', { scoring: { severityWeights: { critical: 16 } } });
    const failed = await forge.drainQueues();
    expect(failed.failed).toBe(1);
    // Every project the app can see is in the run (not the one that hides from its user).
    const stopped = await admin().ok('admin/rescoreProgress', {});
    expect(stopped).toMatchObject({ done: false, projectsFailed: 1 });
    expect(stopped?.projectsDone).toBe((stopped?.projects ?? 0) - 1);

    forge.host.faults.clear();
    const retried = await admin().ok('admin/retryRescore', {});
    expect(retried).toMatchObject({ done: false });
    await forge.drainQueues();
    expect(await admin().ok('admin/rescoreProgress', {})).toMatchObject({
      done: true,
      projectsFailed: 0,
      issuesRescored: 3
    });
    const jira = new JiraTestClient(forge.jira);
    const property = jira.json<{ value: { score: number } }>(
      asApp,
      'GET',
      `/rest/api/3/issue/${chain.epicId}/properties/customer-impact`
    );
    const epic = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.epicId).ok(
      'panel/getEvidence',
      {}
    );
    expect(property.value.score).toBe(epic.impact!.score.score);
  });

  it('refuses Retry to non-admins', async () => {
    forge = testForge().useApp(app);
    const result = await new AppClient(forge, DEMO_USERS.bob, { module: 'adminPage' }).call(
      'admin/retryRescore',
      {}
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('counts and publishes an issue whose impact the rescore deleted, when storage throttled its page after the commit', async () => {
    forge = testForge({ seed: siteWithProjects(1) }).useApp(app);
    const [issueId] = await seedOneImpactPerProject(forge);
    // The seeded impact has no evidence behind it, so the rescore deletes it; the page's
    // publish then reads the privacy settings, and storage refuses that read once (429):
    // the page is retried after its delete was committed.
    forge.host.faults.add({
      kind: 'kvs',
      path: /\/api\/v1\/get$/,
      keys: /^settings:privacy$/,
      fault: 'throttle',
      times: 1
    });
    await start();
    const report = await forge.drainQueues();
    expect(report.retried).toBeGreaterThan(0);
    expect(await admin().ok('admin/rescoreProgress', {})).toMatchObject({
      done: true,
      projectsFailed: 0,
      issuesRescored: 1
    });
    // The retry still published the issue, as zero: its impact is gone.
    const property = new JiraTestClient(forge.jira).json<{ value: { score: number } }>(
      asApp,
      'GET',
      `/rest/api/3/issue/${issueId!}/properties/customer-impact`
    );
    expect(property.value.score).toBe(0);
  });

  it('rescores 2 000 projects within the event limits, resuming chains the cyclic limit stopped', async () => {
    const PROJECTS = 2000;
    // This test is about the event limits; storage quotas are off here because how hard
    // they bite depends on how the run's calls interleave, which made its length vary
    // tenfold between runs. Pages under storage throttling have their own test above.
    forge = testForge({
      seed: siteWithProjects(PROJECTS),
      validateJira: false,
      kvsQuota: 'off',
      flakyBatchItems: 'off'
    }).useApp(app);
    const issueIds = await seedOneImpactPerProject(forge);
    // Each chain the limit stops says so in the log; a thousand of them here.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The admin page reads one progress row per project: right after a drain the minute's
    // read budget can be spent, and the page asks to try again in a moment, as here.
    const readProgress = () => whenNotBusy(forge, () => admin().ok('admin/rescoreProgress', {}));
    // One issue per page: 2 000 projects make 4 000 page events (the last page of each
    // is empty), twice the events of 200 000 issues at 100 a page, at a fiftieth of
    // the storage work; every chain's second page comes from the same first invocation.
    await start(1);
    let waitedMs = (await forge.drainQueues()).waitedMs;
    const afterFirst = await readProgress();
    expect(afterFirst!.done).toBe(false); // the cyclic-invocation limit stopped some chains
    expect(forge.host.queues.stats().refused.cyclic).toBeGreaterThan(0);

    // The watchdog trigger is a fresh invocation: its sweep continues the stopped chains.
    let watchdogRuns = 0;
    for (; watchdogRuns < 3; watchdogRuns += 1) {
      const progress = await readProgress();
      if (progress!.done) break;
      await forge.runScheduled('rescore-watchdog-hourly');
      waitedMs += (await forge.drainQueues()).waitedMs;
    }
    warn.mockRestore();
    if (process.env.RESCORE_SCALE_REPORT) {
      console.log(
        JSON.stringify({
          watchdogRuns,
          waitedMs,
          ...forge.host.queues.stats(),
          meter: forge.host.meter.snapshot().calls
        })
      );
    }
    expect(await readProgress()).toMatchObject({
      projects: PROJECTS + 1,
      projectsDone: PROJECTS + 1,
      issuesRescored: PROJECTS,
      projectsFailed: 0,
      done: true
    });
    const stats = forge.host.queues.stats();
    expect(stats.busiestMinute).toBeLessThanOrEqual(500);
    // Paced: the fan-out never pushed faster than the platform takes.
    expect(stats.refused.rateLimited).toBe(0);
    expect(waitedMs).toBeLessThan(60 * 60 * 1000);
    const jira = new JiraTestClient(forge.jira);
    for (const issueId of [issueIds[0]!, issueIds.at(-1)!]) {
      expect(jira.call(asApp, 'GET', `/rest/api/3/issue/${issueId}/properties/customer-impact`).status).toBe(
        200
      );
    }
  }, 600_000);
});

/** The demo site's first project plus `count` more, each with one story. */
function siteWithProjects(count: number): JiraSeed {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 8 });
  const template = seed.projects[0]!;
  const story = seed.issues.find(
    (i) => i.projectId === template.id && !i.parentId && i.issueTypeId !== '10000'
  )!;
  for (let n = 0; n < count; n += 1) {
    const projectId = String(30000 + n);
    const key = `SC${n}`;
    seed.projects.push({ ...template, id: projectId, key, name: `Scale ${n}` });
    seed.issues.push({
      ...story,
      id: String(500000 + n),
      key: `${key}-1`,
      projectId,
      summary: `Scale story ${n}`
    });
  }
  return seed;
}

/** Writes one stored impact per scale project straight through the KVS SDK. */
async function seedOneImpactPerProject(forge: LocalForge): Promise<string[]> {
  const issues = forge.seed.issues.filter((i) => Number(i.id) >= 500000);
  await forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, async () => {
    for (let i = 0; i < issues.length; i += 100) {
      await whenNotBusy(forge, () =>
        Promise.all(
          issues.slice(i, i + 100).map((issue) =>
            kvs.entity('impact').set(issue.id, {
              issueId: issue.id,
              projectId: issue.projectId,
              score: 1,
              accounts: 1,
              arr: 0,
              insightCount: 1,
              formulaVersion: 1,
              settingsHash: 'seeded',
              readModel: {},
              version: 1,
              updatedAt: '2026-11-01T00:00:00.000Z'
            })
          )
        )
      );
    }
  });
  return issues.map((i) => i.id);
}
