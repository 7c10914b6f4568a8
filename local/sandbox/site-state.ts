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
        issues.push(row);
      }
      token = page.nextPageToken;
    } while (token && issues.length < 1000);
  }
  return { users, projects, issues };
}
