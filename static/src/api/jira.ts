import { requestJira } from '@forge/bridge';

/**
 * Jira REST calls the UI makes itself, as the signed-in user (`requestJira`): only
 * for presentation details the resolvers deliberately do not store (people's names,
 * issue keys, which change on move). Callers treat a failure as "unknown".
 */

/** Jira's bulk endpoints cap the ids per request. */
const USERS_PER_CALL = 50;
const ISSUES_PER_CALL = 100;

export interface IssueRef {
  key: string;
  summary: string;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function json(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`Jira refused ${what} (${response.status}).`);
  return (await response.json()) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Display names by accountId (`GET /rest/api/3/user/bulk`). Accounts Jira does not
 * return (deleted, or hidden by privacy settings) are absent from the map.
 */
export async function fetchDisplayNames(accountIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(accountIds)];
  await Promise.all(
    chunks(ids, USERS_PER_CALL).map(async (batch) => {
      const query = new URLSearchParams(batch.map((id) => ['accountId', id]));
      query.set('maxResults', String(batch.length));
      const body = await json(
        await requestJira(`/rest/api/3/user/bulk?${query.toString()}`),
        'the user lookup'
      );
      const values = isRecord(body) && Array.isArray(body.values) ? (body.values as unknown[]) : [];
      for (const user of values) {
        if (isRecord(user) && typeof user.accountId === 'string' && typeof user.displayName === 'string')
          names.set(user.accountId, user.displayName);
      }
    })
  );
  return names;
}

/**
 * Keys and summaries by issue id (`POST /rest/api/3/issue/bulkfetch`). Issues the user
 * may not see are simply absent: bulkfetch reports them as errors instead of failing.
 */
export async function fetchIssueRefs(issueIds: readonly string[]): Promise<Map<string, IssueRef>> {
  const refs = new Map<string, IssueRef>();
  const ids = [...new Set(issueIds)];
  await Promise.all(
    chunks(ids, ISSUES_PER_CALL).map(async (batch) => {
      const response = await requestJira('/rest/api/3/issue/bulkfetch', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ issueIdsOrKeys: batch, fields: ['summary'] })
      });
      const body = await json(response, 'the issue lookup');
      const issues = isRecord(body) && Array.isArray(body.issues) ? (body.issues as unknown[]) : [];
      for (const issue of issues) {
        if (!isRecord(issue) || typeof issue.id !== 'string' || typeof issue.key !== 'string') continue;
        const summary =
          isRecord(issue.fields) && typeof issue.fields.summary === 'string' ? issue.fields.summary : '';
        refs.set(issue.id, { key: issue.key, summary });
      }
    })
  );
  return refs;
}
