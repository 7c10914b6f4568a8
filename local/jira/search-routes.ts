import { createHash } from 'node:crypto';
import type { JiraPrincipal, ServiceResponse } from '../host/services';
import { FieldSelection } from './field-selection';
import { jiraError, notAuthenticated, ok, queryList } from './jira-errors';
import { createIssueJql } from './jql-issue-fields';
import { JqlError, parseJql } from './jql-parser';
import type { RouteDefinition } from './router';
import type { SeedIssue } from './seed';
import type { SiteContext } from './site-context';

/**
 * The enhanced search (`/rest/api/3/search/jql`, GET and POST): JQL over the issues the
 * caller may browse, paged with an opaque `nextPageToken` and `isLast` (no `total`,
 * as in Jira's enhanced search). Unbounded queries are refused as in Jira Cloud.
 */
interface SearchParams {
  jql: string;
  maxResults?: number;
  nextPageToken?: string;
  fields?: string[];
  properties?: string[];
}

interface PageToken {
  offset: number;
  query: string;
}

function fingerprint(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 16);
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(raw: string): PageToken | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (
      typeof parsed.offset === 'number' &&
      Number.isInteger(parsed.offset) &&
      parsed.offset >= 0 &&
      typeof parsed.query === 'string'
    ) {
      return { offset: parsed.offset, query: parsed.query };
    }
  } catch {
    // Not a token this site issued.
  }
  return undefined;
}

export function searchRoutes({ state, permissions, representations }: SiteContext): RouteDefinition[] {
  const search = (principal: JiraPrincipal, params: SearchParams): ServiceResponse => {
    if (principal.kind === 'anonymous') return notAuthenticated();
    let compiled;
    try {
      compiled = createIssueJql(state, permissions, principal).compile(parseJql(params.jql), {
        ...(principal.kind === 'user' ? { accountId: principal.accountId } : {})
      });
    } catch (error) {
      if (error instanceof JqlError) return jiraError(400, [error.message]);
      throw error;
    }
    if (!compiled.bounded) {
      return jiraError(400, [
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'
      ]);
    }
    const selection = FieldSelection.parse(params.fields, 'id');
    // Jira returns up to 5000 ids per page, but far fewer when fields are requested.
    const cap = selection.idOnly ? 5000 : 100;
    const requested = params.maxResults ?? 50;
    if (!Number.isInteger(requested) || requested < 0)
      return jiraError(400, ['maxResults must be a non-negative integer.']);
    const maxResults = Math.min(Math.max(requested, 1), cap);

    let offset = 0;
    const query = fingerprint(params.jql);
    if (params.nextPageToken) {
      const token = decodeToken(params.nextPageToken);
      if (!token || token.query !== query)
        return jiraError(400, ['The provided next page token is invalid or expired.']);
      offset = token.offset;
    }

    // Browse permission is per project; decide it once per project, not once per issue.
    const browsable = new Map<string, boolean>();
    const visible = (issue: SeedIssue): boolean => {
      let projectOk = browsable.get(issue.projectId);
      if (projectOk === undefined) {
        const project = state.projects.get(issue.projectId);
        projectOk = project !== undefined && permissions.canBrowseProject(principal, project);
        browsable.set(issue.projectId, projectOk);
      }
      return projectOk && (!issue.securityLevel || permissions.canBrowseIssue(principal, issue));
    };
    const matches = [...state.issues.values()]
      .filter((issue) => visible(issue) && compiled.matches(issue))
      .sort((a, b) => compiled.compare(a, b));
    const page = matches.slice(offset, offset + maxResults);
    const isLast = offset + page.length >= matches.length;
    const body: Record<string, unknown> = {
      issues: page.map((issue) =>
        representations.issue(issue, selection, principal, params.properties ?? [])
      ),
      isLast
    };
    if (!isLast) body.nextPageToken = encodeToken({ offset: offset + page.length, query });
    return ok(body);
  };

  return [
    {
      method: 'GET',
      template: '/rest/api/3/search/jql',
      handler: ({ principal, query }) => {
        const maxResults = query.get('maxResults');
        const nextPageToken = query.get('nextPageToken');
        return search(principal, {
          jql: query.get('jql') ?? '',
          ...(maxResults === null ? {} : { maxResults: Number(maxResults) }),
          ...(nextPageToken ? { nextPageToken } : {}),
          fields: queryList(query, 'fields'),
          properties: queryList(query, 'properties')
        });
      }
    },
    {
      method: 'POST',
      template: '/rest/api/3/search/jql',
      handler: ({ principal, body }) => {
        const request = (body ?? {}) as Record<string, unknown>;
        const strings = (value: unknown): string[] | undefined =>
          Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
        const fields = strings(request.fields);
        const properties = strings(request.properties);
        return search(principal, {
          jql: typeof request.jql === 'string' ? request.jql : '',
          ...(typeof request.maxResults === 'number' ? { maxResults: request.maxResults } : {}),
          ...(typeof request.nextPageToken === 'string' ? { nextPageToken: request.nextPageToken } : {}),
          ...(fields ? { fields } : {}),
          ...(properties ? { properties } : {})
        });
      }
    }
  ];
}
