import { route } from '@forge/api';
import { z } from 'zod';
import { jiraAsApp } from './jira-fetch';

/** A done issue as a told comment names it, and whether Jira still has it done. */
export interface ShippedIssueState {
  id: string;
  key: string;
  summary: string;
  done: boolean;
  /** Its page in Jira (the site's browse URL). */
  url: string;
}

const IssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  self: z.string(),
  fields: z.object({
    summary: z.string().optional(),
    status: z.object({ statusCategory: z.object({ key: z.string() }).optional() }).optional()
  })
});

/**
 * Reads the issue as the app: its key and summary for the comment, and its status
 * category now (an event may arrive after the issue was reopened). The browse URL is
 * built on the site origin of the issue's `self` link. Throws NotFoundError when gone.
 */
export async function shippedIssueAsApp(issueId: string): Promise<ShippedIssueState> {
  const issue = await jiraAsApp(IssueSchema, route`/rest/api/3/issue/${issueId}?fields=summary,status`);
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary ?? '',
    done: issue.fields.status?.statusCategory?.key === 'done',
    url: `${new URL(issue.self).origin}/browse/${encodeURIComponent(issue.key)}`
  };
}
