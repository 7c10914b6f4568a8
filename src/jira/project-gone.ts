import { route } from '@forge/api';
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { jiraAsApp } from './jira-fetch';

/**
 * Whether Jira answers 404 when the app reads the project directly: the project was
 * deleted (or the app's add-ons role can no longer browse it; Jira does not say which).
 * Any other failure throws, so nothing is concluded from it.
 */
export async function projectGoneForApp(projectId: string): Promise<boolean> {
  try {
    await jiraAsApp(z.object({ id: z.string() }), route`/rest/api/3/project/${projectId}`);
    return false;
  } catch (error) {
    if (error instanceof NotFoundError) return true;
    throw error;
  }
}
