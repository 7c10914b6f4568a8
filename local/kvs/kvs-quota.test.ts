import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { startLocalKvs, type LocalKvs } from './kvs-test-kit';
import { KvsQuota } from './kvs-quota';

/**
 * CONFORMANCE: Forge's per-installation storage quotas and batch partial failures, seen
 * through the real `@forge/kvs` client (limits-kvs-ce "Operation limits per installation";
 * transactions "Limitations"; entities-batch "Error handling").
 */
const KB = 1024;

/** A value whose JSON is about `kb` kilobytes. */
const blob = (kb: number): { text: string } => ({ text: 'x'.repeat(kb * KB - 100) });

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return { status: error.responseDetails.status, code: error.code };
    throw error;
  }
  throw new Error('expected the call to be refused');
}

let local: LocalKvs;
afterEach(() => local.stop());

describe('storage quotas, on by default', () => {
  beforeEach(() => {
    local = startLocalKvs();
  });

  it('answers the 1 001st request within one second with 429 TOO_MANY_REQUESTS, and recovers', async () => {
    const calls = await Promise.allSettled(Array.from({ length: 1001 }, () => kvs.get('k')));
    const refused = calls.filter((call) => call.status === 'rejected');
    expect(refused).toHaveLength(1);
    const [first] = refused;
    expect(first?.status === 'rejected' ? first.reason : undefined).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      responseDetails: { status: 429 }
    });
    local.host.clock.advance(1000);
    await expect(kvs.get('k')).resolves.toBeUndefined();
  });

  it('bills reads by started 10 KB and refuses reads once 4 000 units were read in a minute', async () => {
    await kvs.set('big', blob(95)); // 95 KB: 10 units per read
    local.host.meter.reset();
    await Promise.all(Array.from({ length: 400 }, () => kvs.get('big')));
    expect(local.host.meter.snapshot().units.read).toBe(4000);
    expect(await refusal(kvs.get('big'))).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
    // The window slides: a minute after those reads, the budget is back.
    local.host.clock.advance(60_000);
    await expect(kvs.get('big')).resolves.toEqual(blob(95));
  });

  it('bills a transaction as one write of its total size, cheaper than the same writes one by one', async () => {
    local.host.meter.reset();
    await Promise.all(Array.from({ length: 10 }, (_, i) => kvs.set(`one-${i}`, blob(3))));
    expect(local.host.meter.snapshot().units.write).toBe(10);

    local.host.meter.reset();
    const tx = kvs.transact();
    for (let i = 0; i < 10; i += 1) tx.set(`tx-${i}`, blob(3));
    await tx.execute();
    expect(local.host.meter.snapshot().units.write).toBe(3); // ~30 KB in one request
  });
});

describe('storage quotas, tightened to show the write budget and batches', () => {
  beforeEach(() => {
    local = startLocalKvs({ host: { kvsQuota: { writeUnitsPerMinute: 20, readUnitsPerMinute: 10 } } });
  });

  it('refuses a write that does not fit the minute and writes nothing', async () => {
    await kvs.set('a', blob(95)); // 10 units
    await kvs.set('b', blob(95)); // 20 units
    expect(await refusal(kvs.set('c', 'small'))).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
    local.host.clock.advance(60_000);
    await expect(kvs.get('c')).resolves.toBeUndefined();
  });

  it('bills a batch as one request of its total size, and refuses it whole when it does not fit', async () => {
    // Seeded through the engine: setup is not billed.
    for (let i = 0; i < 25; i += 1) local.engine.handle('/api/v1/set', { key: `k${i}`, value: i });
    local.host.meter.reset();
    const result = await kvs.batchGet<number>(Array.from({ length: 25 }, (_, i) => ({ key: `k${i}` })));
    expect(result.successfulKeys).toHaveLength(25);
    expect(local.host.meter.snapshot().units.read).toBe(1); // 25 small values: one 10 KB request
    // A batch of writes is one write of its size: 25 items of ~3 KB are 8 units, not 25.
    local.host.meter.reset();
    await kvs.batchSet(Array.from({ length: 25 }, (_, i) => ({ key: `w${i}`, value: blob(3) })));
    expect(local.host.meter.snapshot().units.write).toBe(8);
    await kvs.batchSet(Array.from({ length: 25 }, (_, i) => ({ key: `v${i}`, value: blob(3) })));
    // 16 of the minute's 20 write units are spent: the next 8 do not fit. The whole batch
    // is refused and nothing of it is written.
    expect(
      await refusal(kvs.batchSet(Array.from({ length: 25 }, (_, i) => ({ key: `x${i}`, value: blob(3) }))))
    ).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
    local.host.clock.advance(60_000);
    await expect(kvs.get('x0')).resolves.toBeUndefined();
  });
});

describe('batch items that fail transiently', () => {
  beforeEach(() => {
    local = startLocalKvs();
  });

  it('reports the failed keys on their own and does not write them', async () => {
    local.host.faults.add({ kind: 'kvs', path: /\/batch\//, fault: 'partial', keys: /^b$/, times: 1 });
    const result = await kvs.batchSet([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'c', value: 3 }
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'c' }]);
    expect(result.failedKeys).toEqual([
      { key: 'b', error: { code: 'INTERNAL_SERVER_ERROR', message: expect.any(String) as unknown } }
    ]);
    await expect(kvs.get('b')).resolves.toBeUndefined();
  });

  it('tells a transient failure from a missing key in a batch read', async () => {
    await kvs.set('present', 1);
    local.host.faults.add({
      kind: 'kvs',
      path: /\/batch\/get$/,
      fault: 'partial',
      keys: /^present$/,
      times: 1
    });
    const result = await kvs.batchGet([{ key: 'present' }, { key: 'absent' }]);
    expect(result.successfulKeys).toEqual([]);
    expect(result.failedKeys.map((item) => [item.key, item.error.code])).toEqual(
      expect.arrayContaining([
        ['present', 'INTERNAL_SERVER_ERROR'],
        ['absent', 'KEY_NOT_FOUND']
      ])
    );
    await expect(kvs.batchGet([{ key: 'present' }])).resolves.toMatchObject({
      successfulKeys: [{ key: 'present', value: 1 }]
    });
  });

  it('fails a seeded share of batch items when asked, the same ones on every run', async () => {
    const failedOnce = async (): Promise<string[]> => {
      local.stop();
      local = startLocalKvs({ host: { flakyBatchItems: { rate: 0.2, seed: 7 } } });
      const items = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, value: i }));
      const result = await kvs.batchSet(items);
      return result.failedKeys.map((item) => item.key);
    };
    const first = await failedOnce();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(25);
    expect(await failedOnce()).toEqual(first);
  });
});

describe('KvsQuota peak', () => {
  it('remembers the most units used in any sliding minute, until reset', () => {
    let now = 0;
    const quota = new KvsQuota(() => now);
    quota.charge('read', 300);
    now = 30_000;
    quota.charge('read', 200);
    now = 61_000; // the first charge has left the window
    quota.charge('read', 100);
    quota.charge('write', 7);
    expect(quota.peakUnitsPerMinute()).toEqual({ read: 500, write: 7 });
    now = 200_000;
    quota.resetPeak();
    expect(quota.peakUnitsPerMinute()).toEqual({ read: 0, write: 0 });
  });
});
