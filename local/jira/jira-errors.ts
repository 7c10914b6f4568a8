import type { ServiceResponse } from '../host/services';

/**
 * Jira's error body (`ErrorCollection`): messages plus per-field errors. Every error
 * the local Jira returns goes through here so the shape never drifts.
 */
export function jiraError(
  status: number,
  messages: string[],
  errors: Record<string, string> = {}
): ServiceResponse {
  return { status, body: { errorMessages: messages, errors } };
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function issueNotFound(): ServiceResponse {
  return jiraError(404, [ISSUE_NOT_FOUND]);
}

export function notAuthenticated(): ServiceResponse {
  return jiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);
}

export function ok(body: unknown, status = 200): ServiceResponse {
  return { status, body };
}

/** A query parameter given as a comma-separated list, repeated, or both. */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}
