import { route } from '@forge/api';
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { jiraAsApp } from './jira-fetch';

const IssueIdSchema = z.object({ id: z.string().regex(/^\d+$/) });

/**
 * The issue id of a service request known by its key (an intake item that did not send
 * `issue.id`), read as the app. Undefined when Jira has no such issue for the app: the
 * insight is then stored without its request, and nobody is told of it.
 */
export async function requestIssueIdAsApp(issueKey: string): Promise<string | undefined> {
  try {
    return (await jiraAsApp(IssueIdSchema, route`/rest/api/3/issue/${issueKey}?fields=summary`)).id;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
