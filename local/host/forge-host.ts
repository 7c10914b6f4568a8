import { randomUUID } from 'node:crypto';
import { runQueueWaitMs } from './run-queue';
import { KvsGate } from '../kvs/kvs-gate';
import { KvsQuota, type KvsQuotaLimits } from '../kvs/kvs-quota';
import { FaultInjector, type FaultKind } from './faults';
import { Interleaving } from './interleaving';
import { InvocationScope } from './invocation-context';
import {
  INVOCATION_LIMITS,
  InvocationRate,
  InvocationRefusedError,
  jsonBytes,
  withTimeout
} from './invocation-limits';
import { LogicalClock } from './logical-clock';
import { DEFAULT_LATENCY, Meter, ZERO_LATENCY, type LatencyModel } from './meter';
import { LocalQueues, QUEUE_LIMITS, type LocalQueuesOptions, type QueuedEvent } from './queues';
import { ModelledClock, type PlatformClock } from './platform-clock';
import { answerWebTriggerUrl } from './webtrigger-urls';
import type { JiraPrincipal, JiraService, KvsService, ServiceResponse } from './services';

/**
 * The local Forge host: installs the globals through which the real `@forge/kvs` and
 * `@forge/api` send every call (`__forge_fetch__`, `__forge_runtime__`), routes them to
 * a local KVS engine and a local Jira, counts them, and can add latency and faults.
 * The app's code runs unmodified: only the transport under the SDKs is local.
 */
export interface ForgeHostOptions {
  kvs: KvsService;
  jira: JiraService;
  /** Latency model for the meter (and for real sleeps when `sleep` is set). */
  latency?: LatencyModel;
  /**
   * Really wait the modelled latency on each call and invoke (sandbox realism, the
   * benchmark's cross-check); off in tests, where calls wait on a virtual clock.
   */
  sleep?: boolean;
  cloudId?: string;
  /**
   * Let platform time follow the wall clock (the sandbox, where a person clicks for
   * hours): otherwise it stands still unless the queues or a test move it.
   */
  wallClock?: boolean;
  /** Retention window, duplicate delivery rate and its seed for the async events service. */
  queues?: Omit<LocalQueuesOptions, 'clock'>;
  /**
   * Forge's per-installation storage quotas (limits-kvs-ce). On by default, as on every
   * site; `'off'` removes them, a partial object overrides limits (tests that exceed them).
   */
  kvsQuota?: Partial<KvsQuotaLimits> | 'off';
  /** Latencies the modelled clock advances by; the benchmark's model by default. */
  clockLatency?: LatencyModel;
  /** Share of batch items that fail transiently, from a seeded generator; none by default. */
  flakyBatchItems?: { rate: number; seed: number };
}

interface ForgeFetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: RequestInit) => Promise<Response>;

interface ForgeGlobals {
  __forge_fetch__?: ForgeFetch;
  __forge_runtime__?: unknown;
}

/** The function context Forge passes to a resolver (`req.context`). */
export interface FunctionContext {
  cloudId?: string;
  moduleKey?: string;
  localId?: string;
  extension?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface InvokeRequest {
  functionKey: string;
  payload?: unknown;
  context: FunctionContext;
  /** The acting Atlassian account; undefined for an anonymous or app-only call. */
  accountId: string | undefined;
}

/** A Forge resolver function as exported by the app (`resolver.getDefinitions()`). */
export type ResolverFunction = (
  event: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: FunctionContext },
  backendRuntimePayload: { principal?: { accountId: string }; installContext?: string }
) => Promise<unknown>;

/**
 * What a consumer function receives (`@forge/events` 2.x+ `AsyncEvent`): the pushed
 * event's fields (`body`, `delayInSeconds`, `concurrency`) and the delivery's own
 * (`queueName`, `jobId`, `eventId`, and `retryContext` on a retry).
 */
export interface LocalAsyncEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: {
    retryCount: number;
    retryReason: string;
    retryData: unknown;
    retentionWindow: { startTime: string; remainingTimeMs: number };
  };
}

/** A consumer function as exported by the app: `(event, context)`. */
export type AsyncEventFunction = (
  event: LocalAsyncEvent,
  context: Record<string, unknown>
) => Promise<unknown>;

/** A queue's consumer as declared in the manifest: the function module it names. */
export interface QueueConsumer {
  handler: AsyncEventFunction;
  moduleKey: string;
  /** The function's runtime limit (its `timeoutSeconds`, or Forge's default). */
  timeoutMs: number;
}

/** A product-event or scheduled trigger function: `(event, context)`. */
export type TriggerFunction = (
  event: Record<string, unknown>,
  context: Record<string, unknown>
) => Promise<unknown>;

/** What one drain of the queues did, for tests and the benchmark. */
export interface DrainReport {
  delivered: number;
  retried: number;
  failed: number;
  /** Extra deliveries of events already delivered (at-least-once delivery). */
  duplicated: number;
  /** Logical time the queues' delays and backoff added (ms). */
  waitedMs: number;
}

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined })
};

export class ForgeHost {
  readonly meter: Meter;
  readonly faults = new FaultInjector();
  readonly scope = new InvocationScope();
  readonly cloudId: string;
  /** Platform time: queue delays and backoff, rate windows, invocation timeouts. */
  readonly clock = new LogicalClock();
  readonly queues: LocalQueues;
  private readonly invocationRate = new InvocationRate(this.clock);
  private readonly startedAt = Date.now();
  /**
   * The time the storage quotas see: platform time plus the modelled latency of each wave
   * of calls, so tests are not throttled for running faster than Forge.
   */
  readonly quotaClock: PlatformClock;
  readonly kvsQuota: KvsQuota;
  private readonly kvsGate: KvsGate;
  /** Holds an invocation between its reads and its commit, and counts refused transactions. */
  readonly interleaving = new Interleaving();
  private readonly consumers = new Map<string, QueueConsumer>();
  private draining: Promise<DrainReport> | undefined;
  /**
   * Wall time spent answering storage, Jira and queue calls (parsing them, the local
   * engines, building the answer) and measuring invocations: work Forge's services do on
   * their side, inside the modelled latency, so a wall-time check leaves it out.
   */
  emulatorMs = 0;
  /** The part of `emulatorMs` spent waiting for a CPU (measured only while calls really sleep). */
  emulatorRunQueueMs = 0;
  /**
   * Where `webTrigger.getUrl` points: the sandbox sets its own address once it listens,
   * so a URL the app shows can be called as it would be on a site.
   */
  webTriggerBaseUrl = 'http://127.0.0.1:4177';
  private installed = false;

  constructor(private readonly options: ForgeHostOptions) {
    this.meter = new Meter(options.latency ?? ZERO_LATENCY, options.sleep ? 'real' : 'virtual');
    this.cloudId = options.cloudId ?? 'local-cloud-0001';
    this.queues = new LocalQueues({ ...options.queues, clock: this.clock });
    this.quotaClock = new ModelledClock(options.clockLatency ?? DEFAULT_LATENCY, () => this.clock.now());
    this.kvsQuota = new KvsQuota(
      () => this.quotaClock.now(),
      options.kvsQuota === 'off' ? UNLIMITED : (options.kvsQuota ?? {})
    );
    this.kvsGate = new KvsGate(options.kvs, {
      quota: this.kvsQuota,
      onUnits: (kind, units) => this.meter.recordUnits(kind, units),
      ...(options.flakyBatchItems ? { flakyBatchItems: options.flakyBatchItems } : {})
    });
  }

  /** Installs the globals. One host per process at a time, as in a Forge runtime. */
  install(): this {
    const g = globalThis as ForgeGlobals;
    g.__forge_fetch__ = (target, path, init) => this.fetch(target, path, init);
    g.__forge_runtime__ = {
      proxy: { token: 'local', url: 'http://localhost' },
      metrics: noopMetrics,
      tracing: { traceId: 'local', spanId: 'local' },
      appContext: {
        appId: '7c0e5f0e-4a52-4a8e-9a8e-5d1c3b2a9f10',
        appVersion: 'local',
        environmentId: 'local',
        environmentType: 'DEVELOPMENT',
        invocationId: 'local',
        installationId: 'local',
        moduleKey: 'local'
      },
      lambdaContext: { getRemainingTimeInMillis: () => 25_000 }
    };
    this.installed = true;
    return this;
  }

  uninstall(): void {
    if (!this.installed) return;
    const g = globalThis as ForgeGlobals;
    delete g.__forge_fetch__;
    delete g.__forge_runtime__;
    this.installed = false;
  }

  /**
   * Calls an exported resolver exactly as Forge does: the UI's `{functionKey, payload}`
   * plus the module context, and the platform payload that names the acting user.
   */
  async invoke(handler: ResolverFunction, request: InvokeRequest): Promise<unknown> {
    // The browser-to-function hop: counted, and really waited when the host sleeps. It is
    // started before anything is awaited, so the time limit runs from the call itself.
    const hop = this.meter.recordInvoke(request.functionKey);
    this.followWallClock();
    this.quotaClock.invoke();
    // Refused before the function runs: over the per-minute rate, or a request too large.
    this.invocationRate.take(request.accountId);
    // Measuring the request and the response is the platform's work, not the function's.
    const tooLarge = this.asService(() => jsonBytes(request.payload) > INVOCATION_LIMITS.requestBytes);
    if (tooLarge) {
      throw new InvocationRefusedError('REQUEST_TOO_LARGE', 'The invoke request exceeds 500 KB.');
    }
    const origin = randomUUID();
    const result = await this.scope.run({ accountId: request.accountId, cloudId: this.cloudId, origin }, () =>
      withTimeout(this.clock, INVOCATION_LIMITS.resolverTimeoutMs, async () => {
        await hop;
        return this.interleaving.enter(() =>
          handler(
            {
              call: { functionKey: request.functionKey, payload: request.payload },
              context: { cloudId: this.cloudId, ...request.context }
            },
            {
              principal: request.accountId ? { accountId: request.accountId } : undefined,
              installContext: `ari:cloud:jira::site/${this.cloudId}`
            }
          )
        );
      })
    );
    const resultBytes = this.asService(() => jsonBytes(result));
    if (resultBytes > INVOCATION_LIMITS.responseBytes) {
      throw new InvocationRefusedError('RESPONSE_TOO_LARGE', 'The function response exceeds 5 MB.');
    }
    return result;
  }

  /** Registers the consumer of a queue (the manifest's `consumer` module). */
  registerConsumer(queueName: string, consumer: QueueConsumer): void {
    this.consumers.set(queueName, consumer);
    if (consumer.timeoutMs > INVOCATION_LIMITS.defaultLongTimeoutMs) this.queues.markLongRunning(queueName);
  }

  /**
   * Delivers queued events to their consumers until no event is left (events pushed by
   * consumers included), as Forge's async events service would. Due events run in
   * parallel, one per concurrency key; a consumer that throws or returns an
   * `InvocationError` is retried with its backoff, up to Forge's retry limit.
   */
  drainQueues(maxRounds = 10_000): Promise<DrainReport> {
    // One drain at a time, so concurrency keys hold; a running drain also picks up
    // events pushed while it runs.
    if (!this.draining) {
      this.draining = this.drain(maxRounds).finally(() => {
        this.draining = undefined;
      });
    }
    return this.draining;
  }

  private async drain(maxRounds: number): Promise<DrainReport> {
    this.followWallClock();
    const report: DrainReport = { delivered: 0, retried: 0, failed: 0, duplicated: 0, waitedMs: 0 };
    const start = this.clock.now();
    for (let round = 0; round < maxRounds && this.queues.size() > 0; round += 1) {
      const due = this.queues.takeDue();
      await Promise.all(due.map((event) => this.deliver(event, report)));
    }
    report.waitedMs = this.clock.now() - start;
    return report;
  }

  /**
   * One delivery: the consumer function gets an `AsyncEvent`. A returned
   * `InvocationError` is retried after its `retryAfter`; a thrown error (or a timeout)
   * after a backoff that doubles with each retry. Either way the event is retried for
   * as long as its retention window lasts, not a fixed number of times.
   */
  private async deliver(event: QueuedEvent, report: DrainReport): Promise<void> {
    const consumer = this.consumers.get(event.queueName);
    if (!consumer) throw new Error(`Local Forge host: no consumer for queue ${event.queueName}`);
    if (event.duplicate) report.duplicated += 1;
    else report.delivered += 1;
    let retry: { retryAfter: number; retryReason: string; retryData?: unknown } | undefined;
    try {
      const result = await this.scope.run(
        { accountId: undefined, cloudId: this.cloudId, origin: event.origin },
        () =>
          withTimeout(this.clock, consumer.timeoutMs, () =>
            consumer.handler(this.asyncEvent(event), {
              installContext: `ari:cloud:jira::site/${this.cloudId}`,
              moduleKey: consumer.moduleKey
            })
          )
      );
      retry = retryRequest(result);
    } catch {
      // An unhandled error or a timeout: Forge retries the event with growing backoff.
      retry = { retryAfter: Math.min(900, 5 * 2 ** event.retryCount), retryReason: 'FUNCTION_RETRY_REQUEST' };
    }
    if (retry === undefined) {
      this.queues.succeeded(event);
      return;
    }
    const tooMuchRetryData = jsonBytes(retry.retryData) > QUEUE_LIMITS.retryDataBytes;
    if (!tooMuchRetryData && this.queues.retry(event, retry.retryAfter, retry.retryReason, retry.retryData)) {
      report.retried += 1;
    } else {
      if (tooMuchRetryData) this.queues.failed(event);
      if (!event.duplicate) report.failed += 1;
    }
  }

  private asyncEvent(event: QueuedEvent): LocalAsyncEvent {
    return {
      body: event.body,
      queueName: event.queueName,
      jobId: event.jobId,
      eventId: event.eventId,
      ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
      ...(event.concurrency ? { concurrency: event.concurrency } : {}),
      ...(event.retryCount > 0
        ? {
            retryContext: {
              retryCount: event.retryCount,
              retryReason: event.retryReason ?? 'FUNCTION_RETRY_REQUEST',
              retryData: event.retryData ?? null,
              retentionWindow: this.queues.retentionOf(event)
            }
          }
        : {})
    };
  }

  /**
   * Runs a Rovo action's function as Forge does when an agent invokes it: `(payload,
   * context)`, the payload holding the inputs and the platform's `context`, the second
   * argument naming the user, whose identity `asUser()` calls carry. Its answer is held
   * to the 5 MB an action may return.
   */
  async runAction(
    handler: TriggerFunction,
    payload: Record<string, unknown>,
    accountId: string | undefined,
    moduleKey: string
  ): Promise<unknown> {
    const hop = this.meter.recordInvoke(moduleKey);
    this.followWallClock();
    this.quotaClock.invoke();
    this.invocationRate.take(accountId);
    const result = await this.scope.run({ accountId, cloudId: this.cloudId, origin: randomUUID() }, () =>
      withTimeout(this.clock, INVOCATION_LIMITS.resolverTimeoutMs, async () => {
        await hop;
        return this.interleaving.enter(() =>
          handler(payload, {
            ...(accountId ? { principal: { accountId } } : {}),
            installContext: `ari:cloud:jira::site/${this.cloudId}`,
            moduleKey
          })
        );
      })
    );
    if (this.asService(() => jsonBytes(result)) > INVOCATION_LIMITS.responseBytes) {
      throw new InvocationRefusedError('RESPONSE_TOO_LARGE', 'The action response exceeds 5 MB.');
    }
    return result;
  }

  /** Runs a trigger function (product event or schedule) as the app, as Forge does. */
  runTrigger(
    handler: TriggerFunction,
    event: Record<string, unknown>,
    moduleKey: string,
    timeoutMs: number = INVOCATION_LIMITS.resolverTimeoutMs
  ): Promise<unknown> {
    return this.scope.run({ accountId: undefined, cloudId: this.cloudId, origin: randomUUID() }, () =>
      withTimeout(this.clock, timeoutMs, () =>
        this.interleaving.enter(() =>
          handler(event, { installContext: `ari:cloud:jira::site/${this.cloudId}`, moduleKey })
        )
      )
    );
  }

  private async fetch(target: ForgeFetchTarget, path: string, init?: RequestInit): Promise<Response> {
    if (path.startsWith('/webhook/queue/')) return this.queueCall(path, init);
    if (target.remote === 'stargate' && path === '/graphql') {
      return toResponse(answerWebTriggerUrl(parseBody(init?.body), this.webTriggerBaseUrl));
    }
    const kind = target.type === 'kvs' ? 'kvs' : target.remote === 'jira' ? 'jira' : undefined;
    if (!kind) {
      // No egress: the app declares no external fetch, so the local host refuses it too.
      throw new Error(`Local Forge host: unsupported call ${JSON.stringify(target)} ${path}`);
    }
    const url = new URL(path, 'http://local.invalid');
    // A held invocation waits here, before the meter sees its call in flight.
    if (kind === 'kvs') await this.interleaving.beforeStorageCall(url.pathname);
    const tick = this.quotaClock.start(kind);
    try {
      // Waits the call's latency: really, or on the meter's virtual clock, where an answer
      // arrives only once every call that could start before it has started.
      await this.meter.call(kind, kind === 'kvs' ? url.pathname : this.jiraLabel(init?.method, url.pathname));
      // From here to the answer is the service's side of the call (parsing the request,
      // the engine, the quota meter, building the response): inside the modelled latency.
      return this.asService(() => {
        const body = parseBody(init?.body);
        const fault = this.faults.takeRule(kind, url.pathname, kind === 'kvs' ? keysOf(body) : []);
        if (fault && fault.fault !== 'partial') return faultResponse(kind, fault.fault);
        const answer =
          kind === 'kvs'
            ? this.kvsGate.handle(
                url.pathname,
                body,
                fault?.fault === 'partial' ? { failKeys: fault.keys ?? /.*/ } : {}
              )
            : this.options.jira.handle({
                method: (init?.method ?? 'GET').toUpperCase(),
                path: url.pathname,
                query: url.searchParams,
                body,
                principal: this.principalFor(target)
              });
        if (kind === 'kvs') this.interleaving.observe(url.pathname, body, answer);
        return toResponse(answer);
      });
    } finally {
      tick();
    }
  }

  private followWallClock(): void {
    if (this.options.wallClock) this.clock.advanceTo(Date.now() - this.startedAt);
  }

  private async queueCall(path: string, init?: RequestInit): Promise<Response> {
    this.followWallClock();
    const tick = this.quotaClock.start('queue');
    try {
      await this.meter.call('queue', path.split('/').slice(0, 4).join('/'));
      // A push outside any invocation (a test's own) starts a chain of its own.
      const origin = this.scope.current()?.origin ?? randomUUID();
      return this.asService(() => toResponse(this.queues.handle(path, parseBody(init?.body), origin)));
    } finally {
      tick();
    }
  }

  /** Runs the platform's side of a call, counting its wall time (and CPU wait) as the service's. */
  private asService<T>(work: () => T): T {
    const queuedBefore = this.meter.real ? runQueueWaitMs() : undefined;
    const started = performance.now();
    try {
      return work();
    } finally {
      this.emulatorMs += performance.now() - started;
      const queuedAfter = queuedBefore === undefined ? undefined : runQueueWaitMs();
      if (queuedBefore !== undefined && queuedAfter !== undefined)
        this.emulatorRunQueueMs += queuedAfter - queuedBefore;
    }
  }

  private principalFor(target: ForgeFetchTarget): JiraPrincipal {
    if (target.provider === 'app' || target.provider === 'none') return { kind: 'app' };
    const accountId = target.accountId ?? this.scope.current()?.accountId;
    return accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
  }

  /** Groups Jira paths by shape (ids replaced) so counts read as operations. */
  private jiraLabel(method: string | undefined, pathname: string): string {
    return `${(method ?? 'GET').toUpperCase()} ${pathname.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
  }
}

/** An `InvocationError` returned by a consumer or trigger arrives as its JSON form. */
export function retryRequest(
  result: unknown
): { retryAfter: number; retryReason: string; retryData?: unknown } | undefined {
  if (typeof result !== 'object' || result === null || !('_retry' in result)) return undefined;
  const options = (
    result as { retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } }
  ).retryOptions;
  return {
    retryAfter: options?.retryAfter ?? 1,
    retryReason: options?.retryReason ?? 'FUNCTION_RETRY_REQUEST',
    ...(options?.retryData === undefined ? {} : { retryData: options.retryData })
  };
}

/** The keys a KVS request names: a batch's items', or a single-key call's. */
function keysOf(body: unknown): string[] {
  // A batch is an array of items; a transaction names its keys under set, delete and check.
  const transaction = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined;
  const operations = transaction
    ? (['set', 'delete', 'check'] as const).flatMap((kind) => {
        const list = (transaction as Record<string, unknown>)[kind];
        return Array.isArray(list) ? (list as unknown[]) : [];
      })
    : [];
  const items: unknown[] = Array.isArray(body) ? body : [body, ...operations];
  return items.flatMap((item) => {
    const key = typeof item === 'object' && item !== null ? (item as { key?: unknown }).key : undefined;
    return typeof key === 'string' ? [key] : [];
  });
}

function parseBody(body: RequestInit['body']): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string') throw new Error('Local Forge host: only string bodies are supported');
  if (body === '') return undefined;
  return JSON.parse(body) as unknown;
}

function toResponse(answer: ServiceResponse): Response {
  const headers = new Headers(answer.headers);
  if (answer.body === undefined || answer.status === 204) {
    return new Response(null, { status: answer.status, headers });
  }
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

const UNLIMITED: KvsQuotaLimits = {
  requestsPerSecond: Number.POSITIVE_INFINITY,
  readUnitsPerMinute: Number.POSITIVE_INFINITY,
  writeUnitsPerMinute: Number.POSITIVE_INFINITY,
  unitBytes: 10 * 1024
};

function faultResponse(kind: 'kvs' | 'jira', fault: Exclude<FaultKind, 'partial'>): Response {
  if (fault === 'timeout') throw new TypeError('fetch failed: local host injected a timeout');
  if (kind === 'kvs') {
    const status = fault === 'throttle' ? 429 : 500;
    const code = fault === 'throttle' ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL_SERVER_ERROR';
    return toResponse({ status, body: { code, message: `Injected ${fault}` } });
  }
  return fault === 'throttle'
    ? toResponse({
        status: 429,
        headers: { 'retry-after': '1' },
        body: { errorMessages: ['Rate limit exceeded.'] }
      })
    : toResponse({ status: 503, body: { errorMessages: ['Injected error.'] } });
}
