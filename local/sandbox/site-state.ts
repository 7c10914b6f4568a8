import type { LocalForge } from '../host/local-forge';
import { DEMO_APP_FIELD } from '../jira/demo-seed';

export interface ShellIssue {
  id: string;
  key: string;
  summary: string;
  type: string;
  hierarchyLevel: number;
  parentId?: string;
  status: string;
  statusCategory: string;
  /** The app's read-only "Customer impact" field, as Jira stores it (set through the queue). */
  customerImpact?: number;
  /** Its comments, oldest first (the app's internal comments on service requests). */
  comments?: ShellComment[];
}

export interface ShellComment {
  id: string;
  author: string;
  body: string;
  internal: boolean;
  created: string;
}

export interface ShellState {
  users: { accountId: string; displayName: string }[];
  projects: { id: string; key: string; name: string }[];
  issues: ShellIssue[];
}

/**
 * What the shell lists for the acting user: only projects and issues Jira lets them
 * browse, read through the local Jira as that user (the same answers Jira would give).
 */
export function shellState(forge: LocalForge, accountId: string, projectId: string | undefined): ShellState {
  const users = forge.seed.users
    .filter((u) => u.active)
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName }));
  const principal = { kind: 'user' as const, accountId };
  const projectsAnswer = forge.jira.handle({
    method: 'GET',
    path: '/rest/api/3/project/search',
    query: new URLSearchParams({ maxResults: '50' }),
    body: undefined,
    principal
  });
  const projectValues =
    (projectsAnswer.body as { values?: { id: string; key: string; name: string }[] } | undefined)?.values ??
    [];
  const projects = projectValues.map((p) => ({ id: p.id, key: p.key, name: p.name }));
  const chosen = projects.find((p) => p.id === projectId) ?? projects[0];
  const issues: ShellIssue[] = [];
  if (chosen) {
    let token: string | undefined;
    do {
      const query = new URLSearchParams({
        jql: `project = ${chosen.key} ORDER BY key ASC`,
        fields: `summary,issuetype,parent,status,${DEMO_APP_FIELD.id}`,
        maxResults: '100'
      });
      if (token) query.set('nextPageToken', token);
      const answer = forge.jira.handle({
        method: 'GET',
        path: '/rest/api/3/search/jql',
        query,
        body: undefined,
        principal
      });
      const page = answer.body as {
        issues?: {
          id: string;
          key: string;
          fields: {
            summary?: string;
            issuetype?: { name?: string; hierarchyLevel?: number };
            parent?: { id: string };
            status?: { name?: string; statusCategory?: { key?: string } };
            [field: string]: unknown;
          };
        }[];
        nextPageToken?: string;
      };
      for (const issue of page.issues ?? []) {
        const row: ShellIssue = {
          id: issue.id,
          key: issue.key,
          summary: issue.fields.summary ?? '',
          type: issue.fields.issuetype?.name ?? '',
          hierarchyLevel: issue.fields.issuetype?.hierarchyLevel ?? 0,
          status: issue.fields.status?.name ?? '',
          statusCategory: issue.fields.status?.statusCategory?.key ?? ''
        };
        if (issue.fields.parent) row.parentId = issue.fields.parent.id;
        const impact = issue.fields[DEMO_APP_FIELD.id];
        if (typeof impact === 'number') row.customerImpact = impact;
        // Comments as the service desk API lists them to this user (agents see internal ones).
        const comments = commentsOf(forge, issue.id, principal);
        if (comments.length > 0) row.comments = comments;
        issues.push(row);
      }
      token = page.nextPageToken;
    } while (token && issues.length < 1000);
  }
  return { users, projects, issues };
}

function commentsOf(
  forge: LocalForge,
  issueId: string,
  principal: { kind: 'user'; accountId: string }
): ShellComment[] {
  if (!forge.jira.getIssue(issueId)?.comments?.length) return [];
  const answer = forge.jira.handle({
    method: 'GET',
    path: `/rest/servicedeskapi/request/${issueId}/comment`,
    query: new URLSearchParams({ limit: '100' }),
    body: undefined,
    principal
  });
  const values =
    (
      answer.body as
        | {
            values?: {
              id: string;
              body: string;
              public: boolean;
              author?: { displayName?: string };
              created?: { iso8601?: string };
            }[];
          }
        | undefined
    )?.values ?? [];
  return values.map((c) => ({
    id: c.id,
    author: c.author?.displayName ?? '',
    body: c.body,
    internal: !c.public,
    created: c.created?.iso8601 ?? ''
  }));
}
