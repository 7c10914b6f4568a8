import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  InvocationError,
  InvocationErrorCode,
  InvocationLimitReachedError,
  PayloadTooBigError,
  Queue,
  RateLimitError,
  TooManyEventsError
} from '@forge/events';
import { KvsEngine } from '../kvs/kvs-engine';
import { testEntities } from '../kvs/kvs-test-kit';
import { ForgeHost, type LocalAsyncEvent } from './forge-host';
import { LocalForge } from './local-forge';
import { loadBackendModules } from './manifest-functions';
import { QUEUE_LIMITS } from './queues';

/**
 * Conformance of the local async events service with `@forge/events` 3.x as Atlassian
 * documents it ("Async events API", "Consumer", "Async events limits"), driven through
 * the real SDK.
 */
describe('local async events', () => {
  let engine: KvsEngine;
  let host: ForgeHost;
  let received: LocalAsyncEvent[];
  /** When each delivery happened, on the host's clock. */
  let times: number[];

  const start = (options: ConstructorParameters<typeof ForgeHost>[0]['queues'] = {}): void => {
    host = new ForgeHost({
      kvs: engine,
      jira: { handle: () => ({ status: 404, body: {} }) },
      queues: options
    }).install();
  };
  const consume = (
    handler: (event: LocalAsyncEvent) => Promise<unknown> = () => Promise.resolve(undefined),
    timeoutMs = 900_000
  ): void => {
    host.registerConsumer('q', {
      moduleKey: 'q-consumer',
      timeoutMs,
      handler: (event) => {
        received.push(event);
        times.push(host.clock.now());
        return handler(event);
      }
    });
  };
  /** Pushes as a resolver would: inside one invocation, so one origin. */
  const inInvocation = (work: () => Promise<unknown>): Promise<unknown> =>
    host.invoke(() => work(), { functionKey: 'k', context: {}, accountId: 'u1' });

  beforeEach(() => {
    engine = new KvsEngine({ entities: testEntities() });
    received = [];
    times = [];
  });
  afterEach(() => {
    host.uninstall();
    engine.close();
  });

  it('invokes the consumer function with an AsyncEvent: body and delivery fields at top level', async () => {
    start();
    consume();
    const { jobId } = await new Queue({ key: 'q' }).push({
      body: { n: 1 },
      concurrency: { key: 'p', limit: 1 }
    });
    await host.drainQueues();
    expect(received).toHaveLength(1);
    const [event] = received;
    expect(event).toMatchObject({
      body: { n: 1 },
      queueName: 'q',
      jobId,
      concurrency: { key: 'p', limit: 1 }
    });
    expect(typeof event!.eventId).toBe('string');
    expect(event).not.toHaveProperty('call');
    expect(event).not.toHaveProperty('retryContext');
  });

  it('retries a returned InvocationError with retryContext at top level, never in the body', async () => {
    start();
    consume((event) =>
      Promise.resolve(
        event.retryContext
          ? undefined
          : new InvocationError({
              retryAfter: 30,
              retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
              retryData: { page: 3 }
            })
      )
    );
    await new Queue({ key: 'q' }).push({ body: { n: 1 } });
    const report = await host.drainQueues();
    expect(report).toMatchObject({ delivered: 2, retried: 1, failed: 0, waitedMs: 30_000 });
    expect(received[1]!.body).toEqual({ n: 1 });
    expect(received[1]!.retryContext).toMatchObject({
      retryCount: 1,
      retryReason: 'FUNCTION_RETRY_REQUEST',
      retryData: { page: 3 },
      retentionWindow: { remainingTimeMs: 60 * 60 * 1000 - 30_000 }
    });
  });

  it('retries thrown errors with growing backoff until the retention window ends, not a fixed count', async () => {
    start({ retentionWindowMs: 10 * 60 * 1000 });
    consume(() => Promise.reject(new Error('boom')));
    await new Queue({ key: 'q' }).push({ body: {} });
    const report = await host.drainQueues();
    // Waits of 5, 10, 20 … 160 s fit in 10 minutes (315 s in all); after the next, 320 s,
    // the window would be over, so the event fails there.
    expect(report).toMatchObject({ delivered: 7, retried: 6, failed: 1 });
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000);
    expect(gaps).toEqual([5, 10, 20, 40, 80, 160]);
    expect(received.at(-1)!.retryContext).toMatchObject({ retryCount: 6 });
  });

  it('refuses more than 500 events a minute per installation with RateLimitError', async () => {
    start();
    consume();
    const queue = new Queue({ key: 'q' });
    const fifty = Array.from({ length: 50 }, (_, n) => ({ body: { n } }));
    for (let i = 0; i < 10; i += 1) await queue.push(fifty);
    await expect(queue.push({ body: { n: 501 } })).rejects.toBeInstanceOf(RateLimitError);
    host.clock.advance(60_000);
    await expect(queue.push({ body: { n: 501 } })).resolves.toHaveProperty('jobId');
  });

  it('stops a chain at 1 000 push requests from one originating invocation', async () => {
    start();
    const errors: unknown[] = [];
    const queue = new Queue({ key: 'q' });
    // Each event pushes the next one a second later: a chain that never ends by itself.
    consume(async (event) => {
      try {
        await queue.push({ body: { n: (event.body.n as number) + 1 }, delayInSeconds: 1 });
      } catch (error) {
        errors.push(error);
      }
    });
    await inInvocation(() => queue.push({ body: { n: 1 }, delayInSeconds: 1 }));
    await host.drainQueues();
    expect(received).toHaveLength(QUEUE_LIMITS.cyclicPushes);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InvocationLimitReachedError);
    // A new invocation is a new origin: it may push again.
    await expect(inInvocation(() => queue.push({ body: { n: 0 } }))).resolves.toHaveProperty('jobId');
  });

  it('enforces the per-push limits: 50 events, 200 KB a push, 100 KB an event for long-running consumers', async () => {
    start();
    consume(undefined, 900_000);
    const queue = new Queue({ key: 'q' });
    await expect(queue.push(Array.from({ length: 51 }, () => ({ body: {} })))).rejects.toBeInstanceOf(
      TooManyEventsError
    );
    const kb = (n: number): string => 'x'.repeat(n * 1024);
    await expect(queue.push([{ body: { a: kb(120) } }, { body: { b: kb(90) } }])).rejects.toBeInstanceOf(
      PayloadTooBigError
    );
    // One 150 KB event fits a push but not a consumer whose function may run past 55 s.
    await expect(queue.push({ body: { a: kb(150) } })).rejects.toBeInstanceOf(PayloadTooBigError);
    await expect(queue.push({ body: { a: kb(90) } })).resolves.toHaveProperty('jobId');
  });

  it('delivers at least once: an event may arrive twice, same eventId, seeded', async () => {
    start();
    consume();
    host.queues.duplicateNext();
    await new Queue({ key: 'q' }).push({ body: { n: 1 } });
    const report = await host.drainQueues();
    expect(report).toMatchObject({ delivered: 1, duplicated: 1 });
    expect(received.map((e) => e.eventId)).toEqual([received[0]!.eventId, received[0]!.eventId]);

    const run = async (seed: number): Promise<number> => {
      host.queues.setDuplicateRate(0.1, seed);
      const queue = new Queue({ key: 'q' });
      await queue.push(Array.from({ length: 50 }, (_, n) => ({ body: { n } })));
      return (await host.drainQueues()).duplicated;
    };
    const first = await run(7);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    expect(await run(7)).toBe(first);
  });

  it('refuses a consumer declared the deprecated @forge/events 1.x way', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    const file = path.join(dir, 'manifest.yml');
    writeFileSync(
      file,
      [
        'modules:',
        '  consumer:',
        '    - key: c',
        '      queue: q',
        '      resolver: { function: f, method: m }',
        '  function:',
        '    - key: f',
        '      handler: index.f'
      ].join('\n')
    );
    expect(() => loadBackendModules(file)).toThrow(/function/);
    writeFileSync(
      file,
      [
        'modules:',
        '  consumer:',
        '    - { key: c, queue: q, function: f }',
        '  function:',
        '    - { key: f, handler: index.f, timeoutSeconds: 900 }'
      ].join('\n')
    );
    expect(loadBackendModules(file).consumers).toEqual([
      { key: 'c', queue: 'q', handler: 'f', timeoutSeconds: 900 }
    ]);
  });
});

describe('events in flight across an app upgrade', () => {
  it('are delivered to the new version (crossVersion is gone: that is the default now)', async () => {
    const forge = new LocalForge({ validateJira: false });
    try {
      const v1: LocalAsyncEvent[] = [];
      const v2: LocalAsyncEvent[] = [];
      forge.useApp({ syncConsumer: (e: LocalAsyncEvent) => Promise.resolve(void v1.push(e)) });
      await new Queue({ key: 'impact-sync' }).push({
        body: { kind: 'publish', issueIds: ['1'] },
        delayInSeconds: 60
      });
      forge.useApp({ syncConsumer: (e: LocalAsyncEvent) => Promise.resolve(void v2.push(e)) });
      await forge.drainQueues();
      expect(v1).toHaveLength(0);
      expect(v2.map((e) => e.body)).toEqual([{ kind: 'publish', issueIds: ['1'] }]);
    } finally {
      forge.stop();
    }
  });
});
