import { Queue } from '@forge/events';
import { KvsEngine } from '../kvs/kvs-engine';
import { testEntities } from '../kvs/kvs-test-kit';
import { ForgeHost, type LocalAsyncEvent } from './forge-host';
import { InvocationRefusedError } from './invocation-limits';
import { LocalForge } from './local-forge';

/**
 * Conformance with Forge's "Invocation limits": runtime per kind of function (on the
 * host's logical clock, which the tests move), invocations per minute, and the size of
 * an invoke request and of its response.
 */
describe('invocation limits', () => {
  let engine: KvsEngine;
  let host: ForgeHost;
  beforeEach(() => {
    engine = new KvsEngine({ entities: testEntities() });
    host = new ForgeHost({ kvs: engine, jira: { handle: () => ({ status: 404, body: {} }) } }).install();
  });
  afterEach(() => {
    host.uninstall();
    engine.close();
  });

  const never = (): Promise<unknown> => new Promise(() => undefined);
  const invoke = (
    handler: () => Promise<unknown>,
    payload: unknown = {},
    accountId = 'u1'
  ): Promise<unknown> =>
    host.invoke(handler, {
      functionKey: 'k',
      payload,
      context: {},
      accountId
    });
  const settled = async (promise: Promise<unknown>): Promise<unknown> => {
    let outcome: unknown = 'pending';
    promise.then(
      (value) => (outcome = { value }),
      (error: unknown) => (outcome = error)
    );
    await new Promise((resolve) => setImmediate(resolve));
    return outcome;
  };

  it('stops a resolver after 25 s', async () => {
    const call = invoke(never);
    host.clock.advance(24_999);
    expect(await settled(call)).toBe('pending');
    host.clock.advance(1);
    await expect(call).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('stops a product-event trigger after 25 s', async () => {
    const run = host.runTrigger(never, {}, 'trigger');
    host.clock.advance(25_000);
    await expect(run).rejects.toBeInstanceOf(InvocationRefusedError);
  });

  it('lets a consumer run to its timeoutSeconds (900 s), then retries the event', async () => {
    const deliveries: LocalAsyncEvent[] = [];
    host.registerConsumer('q', {
      moduleKey: 'c',
      timeoutMs: 900_000,
      handler: (event) => {
        deliveries.push(event);
        return event.retryContext ? Promise.resolve(undefined) : never();
      }
    });
    await new Queue({ key: 'q' }).push({ body: {} });
    const drain = host.drainQueues();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    host.clock.advance(899_999);
    expect(await settled(drain)).toBe('pending');
    host.clock.advance(1);
    await expect(drain).resolves.toMatchObject({ delivered: 2, retried: 1, failed: 0 });
    expect(deliveries[1]!.retryContext).toMatchObject({ retryCount: 1 });
  });

  it('gives a scheduled function without timeoutSeconds Forge’s default 55 s', async () => {
    const forge = new LocalForge({ validateJira: false });
    try {
      forge.useApp({ syncConsumer: () => Promise.resolve(undefined), dailyRefresh: never });
      const run = forge.runScheduled('daily-impact-refresh');
      await new Promise((resolve) => setImmediate(resolve));
      forge.host.clock.advance(54_999);
      expect(await settled(run)).toBe('pending');
      forge.host.clock.advance(1);
      await expect(run).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      forge.stop();
    }
  });

  it('refuses a user’s 1 201st invocation in a minute, not another user’s, not the next minute', async () => {
    const ok = (): Promise<unknown> => Promise.resolve('ok');
    for (let i = 0; i < 1200; i += 1) await invoke(ok);
    await expect(invoke(ok)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(invoke(ok, {}, 'u2')).resolves.toBe('ok');
    host.clock.advance(60_000);
    await expect(invoke(ok)).resolves.toBe('ok');
  });

  it('refuses an invoke request over 500 KB without running the function', async () => {
    const handler = jest.fn(() => Promise.resolve('ran'));
    await expect(invoke(handler, { text: 'x'.repeat(500 * 1024) })).rejects.toMatchObject({
      code: 'REQUEST_TOO_LARGE'
    });
    expect(handler).not.toHaveBeenCalled();
    await expect(invoke(handler, { text: 'x'.repeat(400 * 1024) })).resolves.toBe('ran');
  });

  it('refuses a response over 5 MB', async () => {
    await expect(invoke(() => Promise.resolve({ text: 'x'.repeat(5 * 1024 * 1024) }))).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE'
    });
    await expect(invoke(() => Promise.resolve({ text: 'x'.repeat(4 * 1024 * 1024) }))).resolves.toBeDefined();
  });
});
