import { route } from '@forge/api';
import { z } from 'zod';
import { pathOf, type AncestorPath } from '../domain/ancestry';
import { NotFoundError } from '../domain/errors';
import { withAncestry, type IssuePlacement } from './get-issue';
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

/** Levels walked at most: Jira's hierarchy is a few levels deep; a cycle in an answer must not loop. */
const MAX_LEVELS = 20;

/**
 * The ancestor path (domain/ancestry) of each issue, given its parent, read as the app:
 * one bulk read per level above the parents, for all the issues at once, so the cost
 * grows with the hierarchy's depth, not with the number of issues. The app reads the
 * whole chain, whoever acts: a roll-up must not depend on who linked the evidence.
 */
export async function ancestorPathsAsApp(
  parentOf: ReadonlyMap<string, string | undefined>
): Promise<Map<string, AncestorPath>> {
  const parents = new Map(parentOf);
  let frontier = [...new Set(parentOf.values())].filter(
    (id): id is string => id !== undefined && !parents.has(id)
  );
  for (let level = 0; frontier.length > 0 && level < MAX_LEVELS; level += 1) {
    const { found } = await fetchIssues(frontier);
    for (const id of frontier) parents.set(id, found.get(id)?.fields.parent?.id);
    frontier = [...new Set(frontier.map((id) => parents.get(id)))].filter(
      (id): id is string => id !== undefined && !parents.has(id)
    );
  }
  const paths = new Map<string, AncestorPath>();
  for (const id of parentOf.keys()) {
    const ancestors: string[] = [];
    for (
      let at = parents.get(id);
      at !== undefined && !ancestors.includes(at) && at !== id;
      at = parents.get(at)
    )
      ancestors.unshift(at);
    paths.set(id, pathOf(ancestors));
  }
  return paths;
}

/**
 * The current placement (project, parent, and with `ancestors` every ancestor) and
 * status category of issues, read as the app: product-event triggers act for no user.
 * One bulk read of the issues whatever their count up to 100, then with `ancestors` one
 * per level above their parents (see ancestorPathsAsApp), plus one direct read per issue
 * the bulk answer left out.
 */
export async function issueStatesAsApp(
  issueIds: readonly string[],
  options: { ancestors?: boolean } = {}
): Promise<IssueStates> {
  const states = new Map<string, IssueState>();
  const ids = [...new Set(issueIds)];
  if (ids.length === 0) return { states, gone: new Set() };
  const { found: issues, gone } = await fetchIssues(ids);
  const parents = new Map([...issues.values()].map((issue) => [issue.id, issue.fields.parent?.id]));
  // Without `ancestors`, only the parent is known (a status change needs no more).
  const paths = options.ancestors ? await ancestorPathsAsApp(parents) : undefined;
  for (const issue of issues.values()) {
    const state: IssueState = {
      id: issue.id,
      key: issue.key,
      projectId: issue.fields.project.id,
      hierarchyLevel: levelOf(issue.fields.issuetype),
      statusCategory: categoryOf(issue.fields.status?.statusCategory?.key)
    };
    const path = paths?.get(issue.id);
    const parentId = parents.get(issue.id);
    if (path === undefined && parentId) state.parentId = parentId;
    states.set(issue.id, path === undefined ? state : withAncestry(state, path));
  }
  return { states, gone };
}
