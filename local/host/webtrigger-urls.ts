import { z } from 'zod';
import type { ServiceResponse } from './services';

/**
 * The GraphQL call behind `webTrigger.getUrl` (@forge/api: `createWebTriggerUrl`). On a
 * site the URL is stable per module key, app, site and environment (web trigger runtime
 * API, "Get a URL"); locally it is the sandbox's own route for the module,
 * `<base>/x/webtrigger/<module key>`, which local/sandbox/webtrigger-route.ts serves.
 */
const CreateUrlSchema = z.object({
  query: z.string().includes('createWebTriggerUrl'),
  variables: z.object({ input: z.object({ triggerKey: z.string().regex(/^[A-Za-z0-9_-]+$/) }) })
});

export function answerWebTriggerUrl(body: unknown, baseUrl: string): ServiceResponse {
  const parsed = CreateUrlSchema.safeParse(body);
  if (!parsed.success) {
    return {
      status: 200,
      body: { errors: [{ message: 'The local host answers only createWebTriggerUrl.' }] }
    };
  }
  const url = `${baseUrl.replace(/\/$/, '')}/x/webtrigger/${parsed.data.variables.input.triggerKey}`;
  return { status: 200, body: { data: { createWebTriggerUrl: { url } } } };
}
