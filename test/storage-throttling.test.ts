import { LocalForge } from '../local/host/local-forge';
import { asApp, JiraTestClient } from '../local/jira/jira-test-client';
import * as app from '../src/index';
import { AppClient, DEMO_USERS, findChain, panel, sampleInsight, type Chain } from './evidence-kit';

const DONE = '10002';
const TO_DO = '10000';

/**
 * The app under Forge's storage quotas and partial batch failures: a throttled user call
 * is a clear "busy, try again" that wrote nothing; background work backs off and resumes;
 * a key a batch failed to read is read again, never taken for missing.
 */
describe('storage throttling and partial batch failures', () => {
  let forge: LocalForge;
  let jira: JiraTestClient;
  let chain: Chain;

  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    jira = new JiraTestClient(forge.jira);
    chain = findChain(forge.seed);
  });
  afterEach(() => forge.stop());

  const subtaskPanel = (): AppClient => panel(forge, DEMO_USERS.bob, chain.projectId, chain.subtaskId);
  const capture = (overrides: Record<string, unknown> = {}) =>
    subtaskPanel().call('panel/captureAndLink', { insight: sampleInsight(overrides), note: '' });
  const property = (issueId: string): Record<string, number> | undefined => {
    const answer = jira.call(asApp, 'GET', `/rest/api/3/issue/${issueId}/properties/customer-impact`);
    return answer.status === 200 ? (answer.body as { value: Record<string, number> }).value : undefined;
  };

  it('answers BUSY when the minute’s write budget is used up, and writes nothing', async () => {
    forge.host.kvsQuota.charge('write', forge.host.kvsQuota.limits.writeUnitsPerMinute);
    const result = await capture();
    expect(result).toMatchObject({ ok: false, error: { code: 'BUSY' } });

    forge.host.clock.advance(60_000);
    const evidence = await subtaskPanel().ok('panel/getEvidence', {});
    expect(evidence.impact?.cards ?? []).toHaveLength(0);
    await expect(capture()).resolves.toMatchObject({ ok: true });
  });

  it('answers BUSY for storage’s other throttle code, RATE_LIMIT_EXCEEDED', async () => {
    forge.host.faults.add({ kind: 'kvs', path: /\/transaction$/, fault: 'throttle', times: 1 });
    await expect(capture()).resolves.toMatchObject({ ok: false, error: { code: 'BUSY' } });
  });

  it('a queued publish throttled by storage backs off and publishes once the quota refills', async () => {
    const captured = await subtaskPanel().ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    // The read budget is spent 50 s before the queue runs: it refills 10 s later.
    forge.host.kvsQuota.charge('read', forge.host.kvsQuota.limits.readUnitsPerMinute);
    forge.host.clock.advance(50_000);
    const report = await forge.drainQueues();
    expect(report.retried).toBeGreaterThan(0);
    expect(report.failed).toBe(0);
    expect(property(chain.subtaskId)).toMatchObject({ score: captured.view.impact!.score.score });
  });

  it('an issue event throttled by storage backs off and is handled once the quota refills', async () => {
    forge.jira.setStatus(chain.subtaskId, TO_DO);
    await forge.settle();
    const captured = await subtaskPanel().ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    await forge.settle();
    forge.host.kvsQuota.charge('read', forge.host.kvsQuota.limits.readUnitsPerMinute);
    forge.jira.setStatus(chain.subtaskId, DONE);
    const report = await forge.settle();
    expect(report.triggers.retried).toBeGreaterThan(0);
    expect(report.triggers.failed).toBe(0);
    const insightId = captured.view.impact!.cards[0]!.insightId;
    const library = new AppClient(forge, DEMO_USERS.bob, {
      module: 'projectPage',
      projectId: chain.projectId
    });
    const addressed = await library.ok('project/listInsights', { status: 'addressed', limit: 100 });
    expect(addressed.items.map((item) => item.id)).toContain(insightId);
  });

  it('never publishes 0 for an issue whose impact a batch read failed to return', async () => {
    const captured = await subtaskPanel().ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    forge.host.faults.add({
      kind: 'kvs',
      path: /\/batch\/get$/,
      fault: 'partial',
      keys: new RegExp(`^${chain.subtaskId}$`),
      times: 1
    });
    const report = await forge.drainQueues();
    expect(report.failed).toBe(0);
    expect(property(chain.subtaskId)).toMatchObject({ score: captured.view.impact!.score.score });
  });

  it('never commits a rescored impact without an insight a batch read failed to return', async () => {
    const first = await subtaskPanel().ok('panel/captureAndLink', { insight: sampleInsight(), note: '' });
    await subtaskPanel().ok('panel/captureAndLink', {
      insight: sampleInsight({ summary: 'Invoices arrive late', account: undefined }),
      note: ''
    });
    await forge.drainQueues();
    const insightId = first.view.impact!.cards.find(
      (card) => card.summary === sampleInsight().summary
    )!.insightId;

    const admin = new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });
    await admin.ok('admin/saveSettings', { scoring: { severityWeights: { critical: 16 } } });
    forge.host.faults.add({
      kind: 'kvs',
      path: /\/batch\/get$/,
      fault: 'partial',
      keys: new RegExp(`^${insightId}$`),
      times: 1
    });
    const report = await forge.drainQueues();
    expect(report.failed).toBe(0);

    const evidence = await subtaskPanel().ok('panel/getEvidence', {});
    expect(evidence.impact!.score.insightCount).toBe(2);
    expect(evidence.impact!.cards.map((card) => card.insightId)).toContain(insightId);
  });
});
