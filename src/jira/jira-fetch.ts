import api, { type Route } from '@forge/api';
import type { z } from 'zod';
import { ForbiddenError, NotFoundError, UpstreamError } from '../domain/errors';

/**
 * Calls Jira as the acting user (Forge answers with that user's permissions) and parses
 * the answer with a schema of just the fields the app reads. Jira's 404 means "does
 * not exist or you may not see it", and is kept that way.
 */
export async function jiraAsUser<S extends z.ZodType>(
  schema: S,
  path: Route,
  init?: { method: 'GET' | 'POST' | 'PUT'; body?: unknown }
): Promise<z.output<S>> {
  let response: Awaited<ReturnType<ReturnType<typeof api.asUser>['requestJira']>>;
  try {
    response = await api.asUser().requestJira(path, {
      method: init?.method ?? 'GET',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) })
    });
  } catch {
    throw new UpstreamError('Jira could not be reached.');
  }
  if (response.status === 404) throw new NotFoundError('Issue does not exist or you do not have permission to see it.');
  if (response.status === 401 || response.status === 403) {
    throw new ForbiddenError('You do not have permission to do that in Jira.');
  }
  if (!response.ok) throw new UpstreamError(`Jira answered ${response.status}.`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
  return parsed.data;
}
