import { FaultInjector, type FaultKind } from './faults';
import { InvocationScope } from './invocation-context';
import { Meter, ZERO_LATENCY, type LatencyModel } from './meter';
import { LocalQueues, type QueuedEvent } from './queues';
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

/** A queue's consumer as declared in the manifest: a resolver function and its method. */
export interface QueueConsumer {
  handler: ResolverFunction;
  method: string;
  moduleKey: string;
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
  readonly queues = new LocalQueues();
  private readonly consumers = new Map<string, QueueConsumer>();
  private draining: Promise<DrainReport> | undefined;
  /**
   * Wall time spent inside the local KVS engine and local Jira: work Forge's services do
   * on their side, inside the modelled latency, so a wall-time check leaves it out.
   */
  emulatorMs = 0;
  private installed = false;

  constructor(private readonly options: ForgeHostOptions) {
    this.meter = new Meter(options.latency ?? ZERO_LATENCY, options.sleep ? 'real' : 'virtual');
    this.cloudId = options.cloudId ?? 'local-cloud-0001';
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
    // The browser-to-function hop: counted, and really waited when the host sleeps.
    await this.meter.recordInvoke(request.functionKey);
    return this.scope.run({ accountId: request.accountId, cloudId: this.cloudId }, () =>
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
  }

  /** Registers the consumer of a queue (the manifest's `consumer` module). */
  registerConsumer(queueName: string, consumer: QueueConsumer): void {
    this.consumers.set(queueName, consumer);
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
    const report: DrainReport = { delivered: 0, retried: 0, failed: 0, waitedMs: 0 };
    const start = this.queues.clock;
    for (let round = 0; round < maxRounds && this.queues.size() > 0; round += 1) {
      const due = this.queues.takeDue();
      await Promise.all(due.map((event) => this.deliver(event, report)));
    }
    report.waitedMs = this.queues.clock - start;
    return report;
  }

  private async deliver(event: QueuedEvent, report: DrainReport): Promise<void> {
    const consumer = this.consumers.get(event.queueName);
    if (!consumer) throw new Error(`Local Forge host: no consumer for queue ${event.queueName}`);
    report.delivered += 1;
    let retryAfter: number | undefined;
    let reason = 'FUNCTION_RETRY_REQUEST';
    try {
      const payload =
        event.retryCount > 0
          ? {
              ...event.body,
              retryContext: {
                retryCount: event.retryCount,
                retryReason: event.retryReason ?? reason,
                retryData: null
              }
            }
          : event.body;
      const result = await this.scope.run({ accountId: undefined, cloudId: this.cloudId }, () =>
        consumer.handler(
          {
            call: { functionKey: consumer.method, payload, jobId: event.jobId },
            context: { cloudId: this.cloudId, moduleKey: consumer.moduleKey }
          },
          { installContext: `ari:cloud:jira::site/${this.cloudId}` }
        )
      );
      const retry = retryRequest(result);
      if (retry) {
        retryAfter = retry.retryAfter;
        reason = retry.retryReason;
      }
    } catch {
      // An unhandled error: Forge retries the event as if it had asked for it.
      retryAfter = 1;
      reason = 'FUNCTION_UPSTREAM_RATE_LIMITED';
    }
    if (retryAfter === undefined) {
      this.queues.succeeded(event);
      return;
    }
    if (this.queues.retry(event, retryAfter, reason)) report.retried += 1;
    else report.failed += 1;
  }

  /** Runs a trigger function (product event or schedule) as the app, as Forge does. */
  runTrigger(handler: TriggerFunction, event: Record<string, unknown>, moduleKey: string): Promise<unknown> {
    return this.scope.run({ accountId: undefined, cloudId: this.cloudId }, () =>
      handler(event, { installContext: `ari:cloud:jira::site/${this.cloudId}`, moduleKey })
    );
  }

  private async fetch(target: ForgeFetchTarget, path: string, init?: RequestInit): Promise<Response> {
    if (path.startsWith('/webhook/queue/')) return this.queueCall(path, init);
    const kind = target.type === 'kvs' ? 'kvs' : target.remote === 'jira' ? 'jira' : undefined;
    if (!kind) {
      // No egress: the app declares no external fetch, so the local host refuses it too.
      throw new Error(`Local Forge host: unsupported call ${JSON.stringify(target)} ${path}`);
    }
    const url = new URL(path, 'http://local.invalid');
    // Waits the call's latency: really, or on the meter's virtual clock, where an answer
    // arrives only once every call that could start before it has started.
    await this.meter.call(kind, kind === 'kvs' ? url.pathname : this.jiraLabel(init?.method, url.pathname));
    const fault = this.faults.take(kind, url.pathname);
    if (fault) return faultResponse(kind, fault);
    const body = parseBody(init?.body);
    const started = performance.now();
    const answer =
      kind === 'kvs'
        ? this.options.kvs.handle(url.pathname, body)
        : this.options.jira.handle({
            method: (init?.method ?? 'GET').toUpperCase(),
            path: url.pathname,
            query: url.searchParams,
            body,
            principal: this.principalFor(target)
          });
    this.emulatorMs += performance.now() - started;
    return toResponse(answer);
  }

  private async queueCall(path: string, init?: RequestInit): Promise<Response> {
    await this.meter.call('queue', path.split('/').slice(0, 4).join('/'));
    return toResponse(this.queues.handle(path, parseBody(init?.body)));
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
export function retryRequest(result: unknown): { retryAfter: number; retryReason: string } | undefined {
  if (typeof result !== 'object' || result === null || !('_retry' in result)) return undefined;
  const options = (result as { retryOptions?: { retryAfter?: number; retryReason?: string } }).retryOptions;
  return {
    retryAfter: options?.retryAfter ?? 1,
    retryReason: options?.retryReason ?? 'FUNCTION_RETRY_REQUEST'
  };
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

function faultResponse(kind: 'kvs' | 'jira', fault: FaultKind): Response {
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
