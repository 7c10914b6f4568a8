import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { compileTriggerFilter, type TriggerFilter } from './trigger-filter';

/**
 * The backend modules `manifest.yml` declares — queue consumers, product-event triggers,
 * scheduled triggers, web triggers and Rovo actions — with the exported handler each one names, so the local host
 * calls the same functions for the same events as Forge would.
 */
export interface ConsumerModule {
  key: string;
  queue: string;
  handler: string;
  /** The function's `timeoutSeconds`, when it asks for more than Forge's default. */
  timeoutSeconds?: number;
}

export interface TriggerModule {
  key: string;
  events: string[];
  handler: string;
  /** The module's `filter` (ignoreSelf, expression, onError); admits everything if absent. */
  filter: TriggerFilter;
}

export interface ScheduledModule {
  key: string;
  interval: string;
  handler: string;
  timeoutSeconds?: number;
}

/** A `webtrigger` module: an HTTP request to its URL invokes the function. */
export interface WebTriggerModule {
  key: string;
  handler: string;
  /** `dynamic`: the function's answer is the response (`static` answers from the manifest). */
  response: 'static' | 'dynamic';
}

/** One input of a Rovo `action`, as the manifest describes it to the agent (and to the sandbox's form). */
export interface ActionInput {
  name: string;
  title: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  required: boolean;
  description?: string;
}

/** A Rovo `action` module: an agent invokes the function with the inputs it wrote. */
export interface ActionModule {
  key: string;
  name: string;
  handler: string;
  actionVerb: 'GET' | 'CREATE' | 'UPDATE' | 'DELETE' | 'TRIGGER';
  description: string;
  inputs: ActionInput[];
}

export interface BackendModules {
  consumers: ConsumerModule[];
  triggers: TriggerModule[];
  scheduled: ScheduledModule[];
  webtriggers: WebTriggerModule[];
  actions: ActionModule[];
}

const manifestSchema = z.object({
  modules: z.object({
    function: z.array(
      z.object({
        key: z.string(),
        handler: z.string(),
        timeoutSeconds: z.number().int().positive().optional()
      })
    ),
    // `@forge/events` 2.x+ invokes a consumer's function with an AsyncEvent; the 1.x
    // `resolver: {function, method}` form is deprecated and not what the SDK the app
    // pushes with expects, so the host refuses it rather than guess a hybrid.
    consumer: z
      .array(
        z.strictObject({
          key: z.string(),
          queue: z.string(),
          function: z.string({
            message: 'a consumer declares `function` (@forge/events 2.x+), not the deprecated `resolver`'
          })
        })
      )
      .optional(),
    trigger: z
      .array(
        z.object({
          key: z.string(),
          function: z.string(),
          events: z.array(z.string()),
          filter: z
            .strictObject({
              ignoreSelf: z.boolean().optional(),
              expression: z.string().optional(),
              onError: z.enum(['IGNORE_AND_LOG', 'IGNORE', 'RECEIVE_AND_LOG']).optional()
            })
            .optional()
        })
      )
      .optional(),
    scheduledTrigger: z
      .array(z.object({ key: z.string(), function: z.string(), interval: z.string() }))
      .optional(),
    webtrigger: z
      .array(
        z.object({
          key: z.string(),
          function: z.string(),
          response: z.object({ type: z.enum(['static', 'dynamic']) }).optional()
        })
      )
      .optional(),
    action: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          function: z.string(),
          actionVerb: z.enum(['GET', 'CREATE', 'UPDATE', 'DELETE', 'TRIGGER']),
          description: z.string(),
          inputs: z.record(
            z.string(),
            z.object({
              title: z.string(),
              type: z.enum(['string', 'integer', 'number', 'boolean']),
              required: z.boolean(),
              description: z.string().optional()
            })
          )
        })
      )
      .optional()
  })
});

export function loadBackendModules(manifestPath: string): BackendModules {
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const functions = new Map(manifest.modules.function.map((f) => [f.key, f]));
  // `index.syncConsumer` → the export `syncConsumer` of the built entry point.
  const handlerOf = (functionKey: string): string => {
    const handler = functions.get(functionKey)?.handler;
    if (!handler) throw new Error(`manifest.yml: no function ${functionKey}`);
    return handler.split('.').at(-1) ?? handler;
  };
  const timeoutOf = (functionKey: string): { timeoutSeconds?: number } => {
    const timeoutSeconds = functions.get(functionKey)?.timeoutSeconds;
    return timeoutSeconds === undefined ? {} : { timeoutSeconds };
  };
  return {
    consumers: (manifest.modules.consumer ?? []).map((c) => ({
      key: c.key,
      queue: c.queue,
      handler: handlerOf(c.function),
      ...timeoutOf(c.function)
    })),
    triggers: (manifest.modules.trigger ?? []).map((t) => ({
      key: t.key,
      events: t.events,
      handler: handlerOf(t.function),
      filter: compileTriggerFilter(t.filter)
    })),
    scheduled: (manifest.modules.scheduledTrigger ?? []).map((s) => ({
      key: s.key,
      interval: s.interval,
      handler: handlerOf(s.function),
      ...timeoutOf(s.function)
    })),
    webtriggers: (manifest.modules.webtrigger ?? []).map((w) => ({
      key: w.key,
      handler: handlerOf(w.function),
      response: w.response?.type ?? 'dynamic'
    })),
    actions: (manifest.modules.action ?? []).map((a) => ({
      key: a.key,
      name: a.name,
      handler: handlerOf(a.function),
      actionVerb: a.actionVerb,
      description: a.description,
      inputs: Object.entries(a.inputs).map(([name, input]) => ({ name, ...input }))
    }))
  };
}
