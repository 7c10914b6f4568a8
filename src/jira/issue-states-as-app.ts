import { route } from '@forge/api';
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import type { IssuePlacement } from './get-issue';
import { jiraAsApp } from './jira-fetch';

/** Where an issue sits now and whether its work is done, as Jira tells the app. */
export interface IssueState extends IssuePlacement {
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined';
}

/** What Jira says of some issues: where each one is, and which ones it confirmed gone. */
export interface IssueStates {
  states: Map<string, IssueState>;
  /** Issues a direct read answered 404 for: deleted (or hidden from the app for good). */
  gone: Set<string>;
}

/** Jira's bulk fetch takes at most 100 issues. */
const BULK_LIMIT = 100;
const FIELDS = ['status', 'parent', 'project', 'issuetype'];

const IssueTypeSchema = z.object({
  hierarchyLevel: z.number().int().optional(),
  subtask: z.boolean().optional()
});

const IssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    project: z.object({ id: z.string() }),
    issuetype: IssueTypeSchema,
    status: z.object({ statusCategory: z.object({ key: z.string() }).optional() }).optional(),
    parent: z
      .object({ id: z.string(), fields: z.object({ issuetype: IssueTypeSchema }).optional() })
      .optional()
  })
});

const BulkSchema = z.object({
  issues: z.array(IssueSchema),
  issueErrors: z.array(z.object({ id: z.string().optional() })).optional()
});

type JiraIssue = z.infer<typeof IssueSchema>;

function levelOf(type: z.infer<typeof IssueTypeSchema> | undefined): number {
  if (type?.hierarchyLevel !== undefined) return type.hierarchyLevel;
  return type?.subtask ? -1 : 0;
}

function categoryOf(key: string | undefined): IssueState['statusCategory'] {
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'undefined';
}

/**
 * Reads issues in bulk, then reads one by one those the bulk answer did not return.
 * Jira's bulk fetch leaves out issues the caller cannot see and lists retriable
 * failures in `issueErrors`: neither says an issue is gone. Only a direct read's 404
 * does; any other failure of a direct read throws, so the caller retries later.
 */
async function fetchIssues(
  issueIds: readonly string[]
): Promise<{ found: Map<string, JiraIssue>; gone: Set<string> }> {
  const found = new Map<string, JiraIssue>();
  const gone = new Set<string>();
  const batches: string[][] = [];
  for (let i = 0; i < issueIds.length; i += BULK_LIMIT) batches.push(issueIds.slice(i, i + BULK_LIMIT));
  const answers = await Promise.all(
    batches.map((batch) =>
      jiraAsApp(BulkSchema, route`/rest/api/3/issue/bulkfetch`, {
        method: 'POST',
        body: { issueIdsOrKeys: batch, fields: FIELDS }
      })
    )
  );
  for (const answer of answers) for (const issue of answer.issues) found.set(issue.id, issue);
  const unanswered = issueIds.filter((id) => !found.has(id));
  await Promise.all(
    unanswered.map(async (id) => {
      try {
        const issue = await jiraAsApp(IssueSchema, route`/rest/api/3/issue/${id}?fields=${FIELDS.join(',')}`);
        found.set(id, issue);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        gone.add(id);
      }
    })
  );
  return { found, gone };
}

/**
 * The current placement (project, parent, grandparent) and status category of issues,
 * read as the app: product-event triggers act for no user. Two bulk reads whatever the
 * count up to 100 (the issues, then the parents below epic level, to learn the
 * grandparents), plus one direct read per issue the bulk answer left out.
 */
export async function issueStatesAsApp(issueIds: readonly string[]): Promise<IssueStates> {
  const states = new Map<string, IssueState>();
  const ids = [...new Set(issueIds)];
  if (ids.length === 0) return { states, gone: new Set() };
  const { found: issues, gone } = await fetchIssues(ids);
  const lowParents = [...issues.values()]
    .filter((issue) => issue.fields.parent && levelOf(issue.fields.parent.fields?.issuetype) < 1)
    .map((issue) => issue.fields.parent!.id);
  const parents =
    lowParents.length > 0
      ? (await fetchIssues([...new Set(lowParents)])).found
      : new Map<string, JiraIssue>();
  for (const issue of issues.values()) {
    const state: IssueState = {
      id: issue.id,
      key: issue.key,
      projectId: issue.fields.project.id,
      hierarchyLevel: levelOf(issue.fields.issuetype),
      statusCategory: categoryOf(issue.fields.status?.statusCategory?.key)
    };
    const parentId = issue.fields.parent?.id;
    if (parentId) {
      state.parentId = parentId;
      const grandparentId = parents.get(parentId)?.fields.parent?.id;
      if (grandparentId) state.grandparentId = grandparentId;
    }
    states.set(issue.id, state);
  }
  return { states, gone };
}
