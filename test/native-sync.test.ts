import type { LocalForge } from '../local/host/local-forge';
import { DEMO_APP_FIELD } from '../local/jira/demo-seed';
import { asApp, asUser, JiraTestClient } from '../local/jira/jira-test-client';
import * as app from '../src/index';
import {
  AppClient,
  DEMO_USERS,
  findChain,
  panel,
  sampleInsight,
  testForge,
  type Chain
} from './evidence-kit';

/**
 * Customer impact in native Jira: every change of evidence reaches the issue property
 * (sortable in JQL) and the read-only field through the queue, ancestors included.
 */
describe('impact sync to Jira', () => {
  let forge: LocalForge;
  let jira: JiraTestClient;
  let chain: Chain;

  beforeEach(() => {
    forge = testForge().useApp(app);
    jira = new JiraTestClient(forge.jira);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const property = (issueId: string): Record<string, number> | undefined => {
    const answer = jira.call(asApp, 'GET', `/rest/api/3/issue/${issueId}/properties/customer-impact`);
    return answer.status === 200 ? (answer.body as { value: Record<string, number> }).value : undefined;
  };
  const field = (issueId: string): unknown =>
    jira.json<{ fields: Record<string, unknown> }>(
      asApp,
      'GET',
      `/rest/api/3/issue/${issueId}?fields=${DEMO_APP_FIELD.id}`
    ).fields[DEMO_APP_FIELD.id];

  async function captureOnSubtask(overrides: Record<string, unknown> = {}): Promise<number> {
    const outcome = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok(
      'panel/captureAndLink',
      {
        insight: sampleInsight(overrides),
        note: 'Reported twice this month'
      }
    );
    return outcome.view.impact!.score.score;
  }

  it('publishes the score to the property and the field of the issue and its ancestors', async () => {
    const score = await captureOnSubtask();
    expect(property(chain.subtaskId)).toBeUndefined(); // not before the queue runs
    const report = await forge.drainQueues();
    expect(report).toMatchObject({ delivered: 1, retried: 0, failed: 0 });

    for (const issueId of [chain.subtaskId, chain.storyId, chain.epicId]) {
      expect(property(issueId)).toEqual({ score, accounts: 1, arr: 240000, insights: 1, formulaVersion: 1 });
      expect(field(issueId)).toBe(score);
    }
  });

  it("publishing leaves the issue's history and updated date alone and wakes no other app", async () => {
    const before = forge.jira.getIssue(chain.storyId)!.updated;
    const events: unknown[] = [];
    forge.jira.onProductEvent((event) => events.push(event));
    await captureOnSubtask();
    await forge.drainQueues();
    expect(field(chain.storyId)).toBeGreaterThan(0);
    expect(forge.jira.historyOf(chain.storyId)).toEqual([]);
    expect(forge.jira.getIssue(chain.storyId)!.updated).toBe(before);
    expect(events).toEqual([]);
  });

  it('makes customerImpact sortable and filterable in JQL for users who can browse', async () => {
    await captureOnSubtask();
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.otherStoryId).ok('panel/captureAndLink', {
      insight: sampleInsight({ severity: 'low', account: { name: 'Tiny Co', segment: 'smb', arr: 1000 } }),
      note: ''
    });
    await forge.drainQueues();
    const jql = encodeURIComponent('customerImpact > 0 ORDER BY customerImpact DESC');
    const result = jira.json<{ issues: { id: string }[] }>(
      asUser(DEMO_USERS.carol),
      'GET',
      `/rest/api/3/search/jql?jql=${jql}&fields=summary`
    );
    const ids = result.issues.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([chain.epicId, chain.storyId, chain.subtaskId, chain.otherStoryId])
    );
    const scores = ids.map((id) => property(id)!.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ids.indexOf(chain.otherStoryId)).toBeGreaterThan(ids.indexOf(chain.subtaskId));
  });

  it('publishes zero once the last evidence is unlinked', async () => {
    await captureOnSubtask();
    await forge.drainQueues();
    const inserted = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok(
      'panel/getEvidence',
      {}
    );
    const insightId = inserted.impact!.cards[0]!.insightId;
    await panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId).ok('panel/unlink', { insightId });
    await forge.drainQueues();
    expect(property(chain.subtaskId)).toMatchObject({ score: 0, accounts: 0, insights: 0 });
    expect(property(chain.epicId)).toMatchObject({ score: 0 });
    expect(field(chain.storyId)).toBe(0);
  });

  it('retries a throttled batch with backoff and still publishes', async () => {
    const score = await captureOnSubtask();
    forge.host.faults.add({ kind: 'jira', path: /\/issue\/properties\/multi$/, fault: 'throttle', times: 2 });
    const report = await forge.drainQueues();
    expect(report).toMatchObject({ retried: 2, failed: 0 });
    // Backoff honours Retry-After and grows: 5 s, then 10 s.
    expect(report.waitedMs).toBeGreaterThanOrEqual(15_000);
    expect(property(chain.subtaskId)).toMatchObject({ score });
  });

  it('keeps revenue out of Jira when revenue is restricted to some groups', async () => {
    const admin = new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
    await admin.ok('admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['trust-and-safety'] },
      confirmSelfMask: true
    });
    await captureOnSubtask();
    await forge.drainQueues();
    expect(property(chain.subtaskId)).not.toHaveProperty('arr');
    expect(property(chain.subtaskId)).toMatchObject({ accounts: 1, insights: 1 });
  });

  it('a late or repeated publish sends the current score, never an older one', async () => {
    const first = await captureOnSubtask({ severity: 'low' });
    forge.host.queues.duplicateNext(); // the first publish will arrive twice
    await forge.drainQueues();
    expect(property(chain.subtaskId)).toMatchObject({ score: first });
    const second = await captureOnSubtask({
      account: { name: 'Beta Ltd', segment: 'enterprise', arr: 90000 }
    });
    expect(second).toBeGreaterThan(first);
    // A copy of the first change's event, arriving after the second change.
    const { Queue } = await import('@forge/events');
    await new Queue({ key: 'impact-sync' }).push({ body: { kind: 'publish', issueIds: [chain.subtaskId] } });
    await forge.drainQueues();
    expect(property(chain.subtaskId)).toMatchObject({ score: second });
    expect(field(chain.subtaskId)).toBe(second);
  });

  it('drops a malformed event instead of retrying it forever', async () => {
    const { Queue } = await import('@forge/events');
    await forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, () =>
      new Queue({ key: 'impact-sync' }).push({ body: { kind: 'publish', issueIds: ['../etc'] } })
    );
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = await forge.drainQueues();
    errors.mockRestore();
    expect(report).toMatchObject({ delivered: 1, retried: 0, failed: 0 });
  });

  it('counts: one evidence change costs one queue push, then two storage and two Jira round trips', async () => {
    await captureOnSubtask();
    forge.host.meter.reset();
    await forge.drainQueues();
    const snapshot = forge.host.meter.snapshot();
    // The property and the field in parallel, then one poll of the property task (a
    // dependent call: two round trips on the critical path, whatever the meter folds).
    expect(snapshot.calls.jira).toBe(3);
    // The impacts and settings; the project's failure record is read while Jira works,
    // so it adds a call but no round trip to the critical path.
    expect(snapshot.roundTrips.kvs).toBe(1);
  });

  it('retries issues the property task refuses, then lists them on the admin page', async () => {
    // The app's add-ons role lost Browse in this project: people link evidence there,
    // but Jira refuses the app's property writes.
    const legal = forge.seed.projects.find((p) => p.addonsRoleBrowse === false)!;
    const story = forge.seed.issues.find((i) => i.projectId === legal.id && i.parentId)!;
    await panel(forge, DEMO_USERS.bob, legal.id, story.id).ok('panel/captureAndLink', {
      insight: sampleInsight(),
      note: ''
    });
    const report = await forge.drainQueues();
    expect(report).toMatchObject({ delivered: 3, failed: 0 }); // the publish, then two retries

    const admin = new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
    const failures = await admin.ok('admin/publishFailures', {});
    expect(failures.map((f) => [f.issueId, f.projectId, f.attempts]).sort()).toEqual(
      [story.id, story.parentId!].sort().map((id) => [id, legal.id, 3])
    );
    expect(await admin.ok('admin/publishFailures', {})).toHaveLength(2);
  });

  it('rescores and republishes every issue after an admin changes the weights, with progress', async () => {
    const before = await captureOnSubtask({ severity: 'critical' });
    await forge.drainQueues();
    expect(property(chain.epicId)).toMatchObject({ score: before });

    const admin = new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
    const saved = await admin.ok('admin/saveSettings', { scoring: { severityWeights: { critical: 16 } } });
    expect(saved.rescore).toMatchObject({ reason: 'settings', done: false, projectsDone: 0 });
    // Every project the app may see: not the one whose add-ons role lost Browse.
    const appProjects = forge.seed.projects.filter((p) => p.addonsRoleBrowse !== false).length;
    expect(saved.rescore!.projects).toBe(appProjects);

    const report = await forge.drainQueues();
    expect(report.failed).toBe(0);
    const progress = await admin.ok('admin/rescoreProgress', {});
    expect(progress).toMatchObject({
      runId: saved.rescore!.runId,
      done: true,
      projectsDone: appProjects
    });
    expect(progress!.issuesRescored).toBeGreaterThanOrEqual(3);

    const after = (
      await panel(forge, DEMO_USERS.bob, chain.projectId, chain.epicId).ok('panel/getEvidence', {})
    ).impact!.score.score;
    expect(after).toBeCloseTo(before * 2, 1);
    for (const issueId of [chain.subtaskId, chain.storyId, chain.epicId]) {
      expect(property(issueId)).toMatchObject({ score: after });
      expect(field(issueId)).toBe(after);
    }
  });

  it('refuses progress to non-admins', async () => {
    const result = await new AppClient(forge, DEMO_USERS.bob, { module: 'adminPage' }).call(
      'admin/rescoreProgress',
      {}
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the daily refresh rescores every project through the queue', async () => {
    await captureOnSubtask();
    await forge.runScheduled('daily-impact-refresh');
    await forge.drainQueues();
    const admin = new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
    expect(await admin.ok('admin/rescoreProgress', {})).toMatchObject({ reason: 'daily', done: true });
  });
});
