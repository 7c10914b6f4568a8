import api, { type Route } from '@forge/api';
import type { z } from 'zod';
import { ForbiddenError, NotFoundError, UpstreamError } from '../domain/errors';

type JiraInit = { method: 'GET' | 'POST' | 'PUT'; body?: unknown };

/**
 * Calls Jira as the acting user (Forge answers with that user's permissions) and parses
 * the answer with a schema of just the fields the app reads. Jira's 404 means "does
 * not exist or you may not see it", and is kept that way.
 */
export function jiraAsUser<S extends z.ZodType>(
  schema: S,
  path: Route,
  init?: JiraInit
): Promise<z.output<S>> {
  return requestJira(api.asUser(), schema, path, init);
}

/**
 * Calls Jira as the app, for work no user asked for (product-event triggers): the app
 * sees what its scopes allow, so a 404 here means the issue is gone.
 */
export function jiraAsApp<S extends z.ZodType>(
  schema: S,
  path: Route,
  init?: JiraInit
): Promise<z.output<S>> {
  return requestJira(api.asApp(), schema, path, init);
}

type Requester = ReturnType<typeof api.asUser> | ReturnType<typeof api.asApp>;

async function requestJira<S extends z.ZodType>(
  requester: Requester,
  schema: S,
  path: Route,
  init?: JiraInit
): Promise<z.output<S>> {
  let response: Awaited<ReturnType<Requester['requestJira']>>;
  try {
    response = await requester.requestJira(path, {
      method: init?.method ?? 'GET',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) })
    });
  } catch {
    throw new UpstreamError('Jira could not be reached.');
  }
  if (response.status === 404)
    throw new NotFoundError('Issue does not exist or you do not have permission to see it.');
  if (response.status === 401 || response.status === 403) {
    throw new ForbiddenError('You do not have permission to do that in Jira.');
  }
  if (!response.ok) throw new UpstreamError(`Jira answered ${response.status}.`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
  return parsed.data;
}
