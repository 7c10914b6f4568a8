import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsUser } from './jira-fetch';

/** Where an issue sits: its project and the ids of its parent and grandparent. */
export interface IssuePlacement {
  id: string;
  key: string;
  projectId: string;
  hierarchyLevel: number;
  parentId?: string;
  grandparentId?: string;
  /** Under issue-level security: some who may browse the project may not see it. */
  restricted?: boolean;
  /** Jira's status category key (`new`, `indeterminate`, `done`) when the read asked for it. */
  statusCategory?: string;
}

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
    security: z.object({ id: z.string() }).nullable().optional(),
    status: z.object({ statusCategory: z.object({ key: z.string() }).optional() }).optional(),
    parent: z
      .object({ id: z.string(), fields: z.object({ issuetype: IssueTypeSchema }).optional() })
      .optional()
  })
});

function levelOf(type: z.infer<typeof IssueTypeSchema> | undefined): number {
  if (type?.hierarchyLevel !== undefined) return type.hierarchyLevel;
  return type?.subtask ? -1 : 0;
}

function fetchIssue(issueId: string): Promise<z.infer<typeof IssueSchema>> {
  return jiraAsUser(
    IssueSchema,
    route`/rest/api/3/issue/${issueId}?fields=project,issuetype,parent,security,status`
  );
}

/**
 * Reads an issue's place in the hierarchy as the acting user (404 if they cannot see
 * it). A parent below epic level (a story above a sub-task) costs one more call to learn
 * the grandparent, so roll-up reaches the epic.
 */
export async function getIssuePlacement(issueId: string): Promise<IssuePlacement> {
  const issue = await fetchIssue(issueId);
  const placement: IssuePlacement = {
    id: issue.id,
    key: issue.key,
    projectId: issue.fields.project.id,
    hierarchyLevel: levelOf(issue.fields.issuetype),
    restricted: Boolean(issue.fields.security)
  };
  // Read in the same call: a link derives its insight's status from it (see statusAfterLinking).
  const category = issue.fields.status?.statusCategory?.key;
  if (category !== undefined) placement.statusCategory = category;
  const parent = issue.fields.parent;
  if (!parent) return placement;
  placement.parentId = parent.id;
  if (levelOf(parent.fields?.issuetype) < 1) {
    const parentIssue = await fetchIssue(parent.id);
    if (parentIssue.fields.parent) placement.grandparentId = parentIssue.fields.parent.id;
  }
  return placement;
}
