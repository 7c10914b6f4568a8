import { route } from '@forge/api';
import { z } from 'zod';
import type { IssuePlacement } from './get-issue';
import { jiraAsApp } from './jira-fetch';

/** Where an issue sits now and whether its work is done, as Jira tells the app. */
export interface IssueState extends IssuePlacement {
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined';
}

/** Jira's bulk fetch takes at most 100 issues. */
const BULK_LIMIT = 100;

const IssueTypeSchema = z.object({
  hierarchyLevel: z.number().int().optional(),
  subtask: z.boolean().optional()
});

const BulkSchema = z.object({
  issues: z.array(
    z.object({
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
    })
  )
});

type JiraIssue = z.infer<typeof BulkSchema>['issues'][number];

function levelOf(type: z.infer<typeof IssueTypeSchema> | undefined): number {
  if (type?.hierarchyLevel !== undefined) return type.hierarchyLevel;
  return type?.subtask ? -1 : 0;
}

function categoryOf(key: string | undefined): IssueState['statusCategory'] {
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'undefined';
}

async function bulkFetch(issueIds: readonly string[]): Promise<Map<string, JiraIssue>> {
  const found = new Map<string, JiraIssue>();
  const batches: string[][] = [];
  for (let i = 0; i < issueIds.length; i += BULK_LIMIT) batches.push(issueIds.slice(i, i + BULK_LIMIT));
  const answers = await Promise.all(
    batches.map((batch) =>
      jiraAsApp(BulkSchema, route`/rest/api/3/issue/bulkfetch`, {
        method: 'POST',
        body: { issueIdsOrKeys: batch, fields: ['status', 'parent', 'project', 'issuetype'] }
      })
    )
  );
  for (const answer of answers) for (const issue of answer.issues) found.set(issue.id, issue);
  return found;
}

/**
 * The current placement (project, parent, grandparent) and status category of issues,
 * read as the app: product-event triggers act for no user. Issues Jira no longer has
 * (deleted) are absent from the answer. Two bulk reads whatever the count up to 100:
 * the issues, then the parents below epic level, to learn the grandparents.
 */
export async function issueStatesAsApp(issueIds: readonly string[]): Promise<Map<string, IssueState>> {
  const states = new Map<string, IssueState>();
  const ids = [...new Set(issueIds)];
  if (ids.length === 0) return states;
  const issues = await bulkFetch(ids);
  const lowParents = [...issues.values()]
    .filter((issue) => issue.fields.parent && levelOf(issue.fields.parent.fields?.issuetype) < 1)
    .map((issue) => issue.fields.parent!.id);
  const parents =
    lowParents.length > 0 ? await bulkFetch([...new Set(lowParents)]) : new Map<string, JiraIssue>();
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
  return states;
}
