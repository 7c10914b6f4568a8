import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { compileTriggerFilter, type TriggerFilter } from './trigger-filter';

/**
 * The backend modules `manifest.yml` declares — queue consumers, product-event triggers
 * and scheduled triggers — with the exported handler each one names, so the local host
 * calls the same functions for the same events as Forge would.
 */
export interface ConsumerModule {
  key: string;
  queue: string;
  method: string;
  handler: string;
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
}

export interface BackendModules {
  consumers: ConsumerModule[];
  triggers: TriggerModule[];
  scheduled: ScheduledModule[];
}

const manifestSchema = z.object({
  modules: z.object({
    function: z.array(z.object({ key: z.string(), handler: z.string() })),
    consumer: z
      .array(
        z.object({
          key: z.string(),
          queue: z.string(),
          resolver: z.object({ function: z.string(), method: z.string() })
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
      .optional()
  })
});

export function loadBackendModules(manifestPath: string): BackendModules {
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const functions = new Map(manifest.modules.function.map((f) => [f.key, f.handler]));
  // `index.syncConsumer` → the export `syncConsumer` of the built entry point.
  const handlerOf = (functionKey: string): string => {
    const handler = functions.get(functionKey);
    if (!handler) throw new Error(`manifest.yml: no function ${functionKey}`);
    return handler.split('.').at(-1) ?? handler;
  };
  return {
    consumers: (manifest.modules.consumer ?? []).map((c) => ({
      key: c.key,
      queue: c.queue,
      method: c.resolver.method,
      handler: handlerOf(c.resolver.function)
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
      handler: handlerOf(s.function)
    }))
  };
}
