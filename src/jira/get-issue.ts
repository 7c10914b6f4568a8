import { route } from '@forge/api';
import { z } from 'zod';
import { ancestorsOf, type AncestorPath } from '../domain/ancestry';
import { jiraAsUser } from './jira-fetch';

/** Where an issue sits: its project, its parent and, once known, all its ancestors. */
export interface IssuePlacement {
  id: string;
  key: string;
  projectId: string;
  hierarchyLevel: number;
  parentId?: string;
  grandparentId?: string;
  /** Every ancestor, root first (domain/ancestry); absent until learned. */
  ancestorPath?: AncestorPath;
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

const ParentSchema = z.object({
  fields: z.object({ parent: z.object({ id: z.string() }).optional() })
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
 * Reads an issue's place as the acting user (404 if they cannot see it): one call, which
 * names the parent but not the levels above it (see place-issue for those).
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
  if (issue.fields.parent) placement.parentId = issue.fields.parent.id;
  return placement;
}

/** The parent of an issue, as the acting user sees it: one level of a walk up the hierarchy. */
export async function getParentId(issueId: string): Promise<string | undefined> {
  const issue = await jiraAsUser(ParentSchema, route`/rest/api/3/issue/${issueId}?fields=parent`);
  return issue.fields.parent?.id;
}

/** The placement with its ancestors, and the parent and grandparent they name. */
export function withAncestry<T extends IssuePlacement>(placement: T, path: AncestorPath): T {
  const ancestors = ancestorsOf(path);
  const parentId = ancestors.at(-1);
  const grandparentId = ancestors.at(-2);
  const placed: T = { ...placement, ancestorPath: path };
  delete placed.parentId;
  delete placed.grandparentId;
  if (parentId) placed.parentId = parentId;
  if (grandparentId) placed.grandparentId = grandparentId;
  return placed;
}
