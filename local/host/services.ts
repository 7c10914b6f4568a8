/** What the local platform services answer; the host turns it into a fetch Response. */
export interface ServiceResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The local Forge KVS engine: one POST endpoint per SDK operation, JSON in and out. */
export interface KvsService {
  handle(path: string, body: unknown): ServiceResponse;
}

export type JiraPrincipal = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

export interface JiraRequest {
  method: string;
  /** Path without the query string, e.g. `/rest/api/3/issue/10001`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  principal: JiraPrincipal;
}

/** The local Jira: answers the REST calls the app makes, as the app or as a user. */
export interface JiraService {
  handle(request: JiraRequest): ServiceResponse;
}
