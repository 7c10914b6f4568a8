import path from 'node:path';
import { KvsEngine } from '../kvs/kvs-engine';
import { loadEntityDefinitions } from '../kvs/manifest-entities';
import { LocalJira } from '../jira/local-jira';
import { withOpenApiValidation } from '../jira/openapi-validator';
import { createDemoSeed } from '../jira/seed';
import type { JiraSeed } from '../jira/seed';
import type { JiraProductEvent } from '../jira/product-events';
import { Prng } from '../jira/prng';
import {
  ForgeHost,
  retryRequest,
  type AsyncEventFunction,
  type DrainReport,
  type ForgeHostOptions,
  type FunctionContext,
  type ResolverFunction,
  type TriggerFunction
} from './forge-host';
import { z } from 'zod';
import { INVOCATION_LIMITS, longRunningTimeoutMs } from './invocation-limits';
import { loadBackendModules, type ActionModule, type BackendModules } from './manifest-functions';
import type { LatencyModel } from './meter';
import { MAX_RETRIES } from './queues';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface LocalForgeOptions {
  /** SQLite file for the KVS; in memory when omitted. */
  kvsFile?: string;
  seed?: JiraSeed;
  latency?: LatencyModel;
  /** Really wait the modelled latency on each call (sandbox realism). */
  sleep?: boolean;
  /** Check every Jira request and response against Atlassian's OpenAPI (tests: on). */
  validateJira?: boolean;
  /**
   * Share of queue deliveries repeated once (Forge delivers at least once), seeded so a
   * run repeats itself. Off by default; the integration suites turn it on.
   */
  duplicateRate?: number;
  duplicateSeed?: number;
  /** How long a failing event keeps being retried (default: an hour). */
  retentionWindowMs?: number;
  /** Platform time follows the wall clock (the sandbox); tests leave it to the host. */
  wallClock?: boolean;
  /** Storage quotas: on unless `'off'`; see `ForgeHostOptions.kvsQuota`. */
  kvsQuota?: ForgeHostOptions['kvsQuota'];
  /**
   * Transiently failing batch items (see `ForgeHostOptions.flakyBatchItems`): by default
   * 2 % of batch items fail, from a fixed seed, so every suite meets what Forge's parallel
   * batches can do; `'off'` for exact counts.
   */
  flakyBatchItems?: ForgeHostOptions['flakyBatchItems'] | 'off';
  /**
   * Product events as Forge documents their delivery: late, out of order and at times
   * twice. Events wait until `settle()`, then go in a seeded shuffled order, each one
   * delivered a second time with `duplicateRate`. Off by default.
   */
  productEventDelivery?: { seed: number; duplicateRate: number };
}

/** An HTTP request to a web trigger's URL, as the sandbox or a test makes it. */
export interface WebTriggerCall {
  method: string;
  /** The path after the trigger's own URL, without a leading slash: `src-1/deliveries/d1`. */
  userPath?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface WebTriggerAnswer {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

const webTriggerAnswerSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional()
});

/** The integration suites' default share of transiently failing batch items. */
export const DEFAULT_FLAKY_BATCH_ITEMS = { rate: 0.02, seed: 20_261_201 };

/** Where a module is rendered: what Forge puts in `context.extension`. */
export type ModuleSite =
  | { module: 'issuePanel'; issueId: string; issueKey?: string; projectId: string; projectKey?: string }
  | { module: 'projectPage'; projectId: string; projectKey?: string }
  | { module: 'adminPage' };

/** What trigger deliveries did since the last `settle()`. */
export interface TriggerReport {
  /** Trigger runs, retries included. */
  runs: number;
  /** Runs that returned an `InvocationError` and were delivered again. */
  retried: number;
  /** Events given up on: retries exhausted. */
  failed: number;
}

export interface SettleReport {
  triggers: TriggerReport;
  queues: DrainReport;
}

/**
 * The whole local platform in one object: the KVS engine on SQLite, the local Jira
 * (with OpenAPI checks when asked) and the host that routes the real SDKs to them.
 *
 * With an app attached (`useApp`), changes made through the local Jira's mutators
 * (`jira.moveIssue`, `jira.setStatus`, `jira.deleteIssue`) reach the app's triggers as
 * Forge delivers product events: in the background, possibly several at once. `settle()`
 * waits for those runs and drains the queues they fill, so a test reads the end state.
 * Each trigger's manifest `filter` (`ignoreSelf`, `expression`, `onError`) decides
 * whether it is invoked. Tests can hold events back and release them late, reordered or
 * twice (`holdProductEvents`), or let a seed do so (`productEventDelivery`).
 */
export class LocalForge {
  readonly host: ForgeHost;
  readonly kvs: KvsEngine;
  readonly jira: LocalJira;
  readonly seed: JiraSeed;
  private app: { modules: BackendModules; entryPoint: Record<string, unknown> } | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly running = new Set<Promise<void>>();
  private triggerErrors: Error[] = [];
  private triggerReport: TriggerReport = { runs: 0, retried: 0, failed: 0 };
  /** Events waiting for release: held by a test, or delayed by the seeded delivery. */
  private held: JiraProductEvent[] = [];
  private holding = false;
  private readonly delivery: { rng: Prng; duplicateRate: number } | undefined;

  constructor(options: LocalForgeOptions = {}) {
    this.seed = options.seed ?? createDemoSeed();
    this.kvs = new KvsEngine({
      entities: loadEntityDefinitions(path.join(REPO_ROOT, 'manifest.yml')),
      ...(options.kvsFile ? { file: options.kvsFile } : {})
    });
    this.jira = new LocalJira(this.seed);
    if (options.productEventDelivery) {
      this.delivery = {
        rng: new Prng(options.productEventDelivery.seed),
        duplicateRate: options.productEventDelivery.duplicateRate
      };
    }
    this.host = new ForgeHost({
      kvs: this.kvs,
      jira: options.validateJira === false ? this.jira : withOpenApiValidation(this.jira),
      ...(options.latency ? { latency: options.latency } : {}),
      ...(options.sleep ? { sleep: true } : {}),
      ...(options.wallClock ? { wallClock: true } : {}),
      queues: {
        ...(options.duplicateRate === undefined ? {} : { duplicateRate: options.duplicateRate }),
        ...(options.duplicateSeed === undefined ? {} : { seed: options.duplicateSeed }),
        ...(options.retentionWindowMs === undefined ? {} : { retentionWindowMs: options.retentionWindowMs })
      },
      ...(options.kvsQuota ? { kvsQuota: options.kvsQuota } : {}),
      ...(options.flakyBatchItems === 'off'
        ? {}
        : { flakyBatchItems: options.flakyBatchItems ?? DEFAULT_FLAKY_BATCH_ITEMS })
    }).install();
  }

  /** Calls a resolver as `accountId` from a module rendered at `site`, as Forge would. */
  invoke(
    handler: ResolverFunction,
    accountId: string | undefined,
    site: ModuleSite,
    functionKey: string,
    payload: unknown = {}
  ): Promise<unknown> {
    return this.host.invoke(handler, { functionKey, payload, context: contextFor(site), accountId });
  }

  /**
   * Attaches the app's backend (its entry point's exports): queue events go to the
   * consumers and product events to the triggers that manifest.yml declares.
   */
  useApp(entryPoint: Record<string, unknown>): this {
    const modules = loadBackendModules(path.join(REPO_ROOT, 'manifest.yml'));
    for (const consumer of modules.consumers) {
      this.host.registerConsumer(consumer.queue, {
        handler: exportedFunction<AsyncEventFunction>(entryPoint, consumer.handler),
        moduleKey: consumer.key,
        timeoutMs: longRunningTimeoutMs(consumer.timeoutSeconds)
      });
    }
    this.app = { modules, entryPoint };
    this.unsubscribe?.();
    this.unsubscribe = this.jira.onProductEvent((event) => {
      if (this.holding || this.delivery) this.held.push(event);
      else this.deliverInBackground(event);
    });
    return this;
  }

  /** Keeps product events from the triggers until `releaseProductEvents`. */
  holdProductEvents(): void {
    this.holding = true;
  }

  /**
   * Delivers the held events (and stops holding): in the order Jira sent them, or
   * reversed, each once or twice — as Forge may deliver them.
   */
  releaseProductEvents(how: { order?: 'sent' | 'reversed'; twice?: boolean } = {}): void {
    this.holding = false;
    const events = how.order === 'reversed' ? [...this.held].reverse() : [...this.held];
    this.held = [];
    for (const event of events) {
      this.deliverInBackground(event);
      if (how.twice) this.deliverInBackground(event);
    }
  }

  /** The seeded delivery: held events go shuffled, some of them twice. */
  private releaseSeeded(): void {
    if (!this.delivery || this.holding || this.held.length === 0) return;
    const { rng, duplicateRate } = this.delivery;
    const events = [...this.held];
    this.held = [];
    for (let i = events.length - 1; i > 0; i -= 1) {
      const j = rng.int(0, i);
      [events[i], events[j]] = [events[j]!, events[i]!];
    }
    for (const event of events) {
      this.deliverInBackground(event);
      if (rng.chance(duplicateRate)) this.deliverInBackground(event);
    }
  }

  /**
   * Waits until every trigger run started by a Jira product event has finished (retries
   * included) and the queues are drained, as they would be some seconds later in Forge.
   * Rejects with the first error a trigger threw since the last settle.
   */
  async settle(): Promise<SettleReport> {
    const queues: DrainReport = { delivered: 0, retried: 0, failed: 0, duplicated: 0, waitedMs: 0 };
    for (;;) {
      this.releaseSeeded();
      while (this.running.size > 0) await Promise.all([...this.running]);
      if (this.held.length > 0 && this.delivery && !this.holding) continue;
      if (this.host.queues.size() === 0) break;
      const drained = await this.drainQueues();
      queues.delivered += drained.delivered;
      queues.retried += drained.retried;
      queues.failed += drained.failed;
      queues.duplicated += drained.duplicated;
      queues.waitedMs += drained.waitedMs;
    }
    const triggers = this.triggerReport;
    const [error] = this.triggerErrors;
    this.triggerReport = { runs: 0, retried: 0, failed: 0 };
    this.triggerErrors = [];
    if (error !== undefined) throw error;
    return { triggers, queues };
  }

  private deliverInBackground(event: JiraProductEvent): void {
    const run = this.productEvent(event.eventType, event.payload)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.triggerErrors.push(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Runs queued events until none is left, as Forge's async events service would. */
  drainQueues(): Promise<DrainReport> {
    return this.host.drainQueues();
  }

  /**
   * Delivers a Jira product event (`avi:jira:updated:issue`, ...) to every trigger
   * subscribed to it whose manifest filter admits it. A trigger that returns an `InvocationError` gets the event again
   * with a `retryContext`, up to Forge's retry limit, at once (the local host does not
   * wait out `retryAfter`); a trigger that throws fails the delivery. Returns how many
   * triggers ran.
   */
  async productEvent(eventType: string, event: Record<string, unknown>): Promise<number> {
    const app = this.requireApp();
    const triggers = app.modules.triggers.filter(
      (t) => t.events.includes(eventType) && t.filter.admits({ ...event, eventType })
    );
    for (const trigger of triggers) {
      const handler = exportedFunction<TriggerFunction>(app.entryPoint, trigger.handler);
      for (let retryCount = 0, reason = ''; ; retryCount += 1) {
        const payload =
          retryCount === 0
            ? { ...event, eventType }
            : { ...event, eventType, retryContext: { retryCount, retryReason: reason, retryData: null } };
        this.triggerReport.runs += 1;
        const retry = retryRequest(await this.host.runTrigger(handler, payload, trigger.key));
        if (!retry) break;
        if (retryCount >= MAX_RETRIES) {
          this.triggerReport.failed += 1;
          break;
        }
        this.triggerReport.retried += 1;
        reason = retry.retryReason;
        // Not waited out in real time, but on the platform's clock, so quotas refill.
        this.host.clock.advance(retry.retryAfter * 1000);
      }
    }
    return triggers.length;
  }

  /** Fires a scheduled trigger now (Forge would at its interval). */
  async runScheduled(key: string): Promise<void> {
    const app = this.requireApp();
    const scheduled = app.modules.scheduled.find((s) => s.key === key);
    if (!scheduled) throw new Error(`manifest.yml declares no scheduled trigger ${key}`);
    await this.host.runTrigger(
      exportedFunction<TriggerFunction>(app.entryPoint, scheduled.handler),
      { context: { cloudId: this.host.cloudId, moduleKey: key } },
      key,
      longRunningTimeoutMs(scheduled.timeoutSeconds)
    );
  }

  /**
   * Calls a web trigger as Forge does for an HTTP request to its URL (web trigger events
   * reference): the body as a string, each header as an array of values, the path after
   * the trigger's URL as `userPath`. No user is behind it. A request over Forge's payload
   * limit never reaches the function (413), and an answer that is not a response
   * (`statusCode`, `headers` of string arrays, `body` string) becomes a 500, as on Forge.
   */
  async webTrigger(key: string, request: WebTriggerCall): Promise<WebTriggerAnswer> {
    const app = this.requireApp();
    const module = app.modules.webtriggers.find((w) => w.key === key);
    if (!module) return { statusCode: 404, headers: {}, body: '' };
    const body = request.body ?? '';
    if (Buffer.byteLength(body, 'utf8') > INVOCATION_LIMITS.requestBytes) {
      return { statusCode: 413, headers: {}, body: 'Payload Too Large' };
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = [value];
    const userPath = request.userPath ?? '';
    const event = {
      method: request.method,
      headers,
      body,
      path: `/x/webtrigger/${key}${userPath ? `/${userPath}` : ''}`,
      userPath,
      queryParameters: {},
      context: { cloudId: this.host.cloudId, moduleKey: key }
    };
    const result = await this.host.runTrigger(
      exportedFunction<TriggerFunction>(app.entryPoint, module.handler),
      event,
      key
    );
    const parsed = webTriggerAnswerSchema.safeParse(result);
    if (module.response === 'static' || !parsed.success) {
      return { statusCode: 500, headers: {}, body: 'The web trigger did not answer with a response.' };
    }
    return {
      statusCode: parsed.data.statusCode,
      headers: parsed.data.headers ?? {},
      body: parsed.data.body ?? ''
    };
  }

  /** The Rovo actions manifest.yml declares (the sandbox builds its forms from their inputs). */
  actions(): ActionModule[] {
    return this.requireApp().modules.actions;
  }

  /**
   * Invokes a Rovo action as `accountId`, as an agent would with the inputs it wrote; with
   * `onIssue`, the chat is opened on that issue and the payload's `context.jira` names it
   * (the shape of the action reference's Jira issue example).
   */
  async action(
    key: string,
    accountId: string | undefined,
    inputs: Record<string, unknown>,
    onIssue?: { issueId: string; issueKey: string; projectId: string; projectKey: string }
  ): Promise<unknown> {
    const app = this.requireApp();
    const module = app.modules.actions.find((a) => a.key === key);
    if (!module) throw new Error(`manifest.yml declares no action ${key}`);
    const jira = onIssue
      ? {
          jira: {
            url: `https://local.atlassian.net/browse/${onIssue.issueKey}`,
            resourceType: 'issue',
            issueKey: onIssue.issueKey,
            issueId: onIssue.issueId,
            projectKey: onIssue.projectKey,
            projectId: onIssue.projectId
          }
        }
      : {};
    const payload = { ...inputs, context: { cloudId: this.host.cloudId, moduleKey: key, ...jira } };
    return this.host.runAction(
      exportedFunction<TriggerFunction>(app.entryPoint, module.handler),
      payload,
      accountId,
      key
    );
  }

  private requireApp(): { modules: BackendModules; entryPoint: Record<string, unknown> } {
    if (!this.app) throw new Error('LocalForge.useApp(exports) first');
    return this.app;
  }

  stop(): void {
    this.unsubscribe?.();
    this.host.uninstall();
    this.kvs.close();
  }
}

function exportedFunction<F>(entryPoint: Record<string, unknown>, name: string): F {
  // Named entryPoint, not exports: a parameter called `exports` shadows CommonJS's own.
  const fn = entryPoint[name];
  if (typeof fn !== 'function') throw new Error(`The app exports no function ${name}`);
  return fn as F;
}

export function contextFor(site: ModuleSite): FunctionContext {
  switch (site.module) {
    case 'issuePanel':
      return {
        moduleKey: 'customer-evidence-panel',
        extension: {
          type: 'jira:issuePanel',
          issue: { id: site.issueId, key: site.issueKey ?? '', type: '', typeId: '' },
          project: { id: site.projectId, key: site.projectKey ?? '', type: 'software' }
        }
      };
    case 'projectPage':
      return {
        moduleKey: 'customer-evidence-project',
        extension: {
          type: 'jira:projectPage',
          project: { id: site.projectId, key: site.projectKey ?? '', type: 'software' }
        }
      };
    case 'adminPage':
      return { moduleKey: 'customer-evidence-admin', extension: { type: 'jira:adminPage' } };
  }
}
