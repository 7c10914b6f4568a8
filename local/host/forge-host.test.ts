import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { KvsEngine } from '../kvs/kvs-engine';
import { testEntities } from '../kvs/kvs-test-kit';
import { ForgeHost } from './forge-host';
import { DEFAULT_LATENCY } from './meter';

/** The meter's round-trip counting is what benchmarks compare: it must see parallelism. */
describe('ForgeHost', () => {
  let engine: KvsEngine;
  let host: ForgeHost;
  beforeEach(() => {
    engine = new KvsEngine({ entities: testEntities() });
    host = new ForgeHost({
      kvs: engine,
      jira: { handle: () => ({ status: 404, body: {} }) },
      latency: DEFAULT_LATENCY
    }).install();
  });
  afterEach(() => {
    host.uninstall();
    engine.close();
  });

  it('counts calls started together as one round trip and sequential calls as many', async () => {
    await Promise.all([kvs.set('a', 1), kvs.set('b', 2), kvs.set('c', 3)]);
    let snapshot = host.meter.snapshot();
    expect(snapshot.calls.kvs).toBe(3);
    expect(snapshot.roundTrips.kvs).toBe(1);
    expect(snapshot.modelledMs).toBe(DEFAULT_LATENCY.kvs);

    host.meter.reset();
    await kvs.get('a');
    await kvs.get('b');
    snapshot = host.meter.snapshot();
    expect(snapshot.roundTrips.kvs).toBe(2);
    expect(snapshot.modelledMs).toBe(2 * DEFAULT_LATENCY.kvs);
  });

  it('counts a chain of dependent calls in full while an unrelated call is in flight', async () => {
    const tenReads = async (): Promise<void> => {
      for (let i = 0; i < 10; i += 1) await kvs.get(`k${i}`);
    };
    const jiraCall = (): Promise<unknown> => api.asApp().requestJira(route`/rest/api/3/myself`);
    await Promise.all([tenReads(), jiraCall()]);
    let snapshot = host.meter.snapshot();
    // The ten reads (200 ms) outlast the Jira call (150 ms): they are the critical path.
    expect(snapshot.roundTrips).toMatchObject({ kvs: 10, jira: 0 });
    expect(snapshot.modelledMs).toBe(10 * DEFAULT_LATENCY.kvs);

    host.meter.reset();
    await Promise.all([tenReads(), jiraCall().then(jiraCall)]);
    snapshot = host.meter.snapshot();
    expect(snapshot.roundTrips).toMatchObject({ kvs: 0, jira: 2 });
    expect(snapshot.modelledMs).toBe(2 * DEFAULT_LATENCY.jira);
  });

  it('starts a call that awaited several answers after the slowest of them', async () => {
    await Promise.all([api.asApp().requestJira(route`/rest/api/3/myself`), kvs.get('a')]);
    await kvs.get('b');
    const snapshot = host.meter.snapshot();
    expect(snapshot.waves).toBe(2);
    expect(snapshot.roundTrips).toMatchObject({ kvs: 1, jira: 1 });
    expect(snapshot.modelledMs).toBe(DEFAULT_LATENCY.jira + DEFAULT_LATENCY.kvs);
    expect(snapshot.calls).toMatchObject({ kvs: 2, jira: 1 });
  });

  it('injects faults that the SDK sees as errors, then recovers', async () => {
    host.faults.add({ kind: 'kvs', fault: 'throttle', times: 1 });
    await expect(kvs.get('x')).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    await expect(kvs.get('x')).resolves.toBeUndefined();
  });
});
