import { FaultInjector, type FaultKind } from './faults';
import { InvocationScope } from './invocation-context';
import { Meter, ZERO_LATENCY, type LatencyModel } from './meter';
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
  /** Really wait the modelled latency on each call (sandbox realism); off in tests. */
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
  private installed = false;

  constructor(private readonly options: ForgeHostOptions) {
    this.meter = new Meter(options.latency ?? ZERO_LATENCY);
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
    this.meter.recordInvoke(request.functionKey);
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

  private async fetch(target: ForgeFetchTarget, path: string, init?: RequestInit): Promise<Response> {
    const kind = target.type === 'kvs' ? 'kvs' : target.remote === 'jira' ? 'jira' : undefined;
    if (!kind) {
      // No egress: the app declares no external fetch, so the local host refuses it too.
      throw new Error(`Local Forge host: unsupported call ${JSON.stringify(target)} ${path}`);
    }
    const url = new URL(path, 'http://local.invalid');
    const done = this.meter.start(
      kind,
      kind === 'kvs' ? url.pathname : this.jiraLabel(init?.method, url.pathname)
    );
    try {
      // Yield a macrotask even without latency, so calls started together (Promise.all)
      // overlap in flight and the meter counts them as one round trip, as Forge would.
      await (this.options.sleep ? delay(this.meter.latencyOf(kind)) : nextTurn());
      const fault = this.faults.take(kind, url.pathname);
      if (fault) return faultResponse(kind, fault);
      const body = parseBody(init?.body);
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
      return toResponse(answer);
    } finally {
      done();
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

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
