import type { JiraPrincipal, JiraService, ServiceResponse } from '../host/services';

/**
 * Calls a JiraService the way the host does (method, path, parsed query, JSON body,
 * principal) from a URL string, so tests read like the REST calls they stand for.
 */
export const asApp: JiraPrincipal = { kind: 'app' };
export const anonymous: JiraPrincipal = { kind: 'anonymous' };
export const asUser = (accountId: string): JiraPrincipal => ({ kind: 'user', accountId });

export class JiraTestClient {
  constructor(private readonly jira: JiraService) {}

  call(principal: JiraPrincipal, method: string, url: string, body?: unknown): ServiceResponse {
    const parsed = new URL(url, 'http://local.invalid');
    return this.jira.handle({ method, path: parsed.pathname, query: parsed.searchParams, body, principal });
  }

  get(principal: JiraPrincipal, url: string): ServiceResponse {
    return this.call(principal, 'GET', url);
  }

  /** The body of a successful call, typed loosely for assertions; throws otherwise. */
  json<T = Record<string, unknown>>(
    principal: JiraPrincipal,
    method: string,
    url: string,
    body?: unknown
  ): T {
    const response = this.call(principal, method, url, body);
    if (response.status >= 300)
      throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }
}
