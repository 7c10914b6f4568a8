import type { JiraPrincipal } from '../host/services';
import { ok } from './jira-errors';
import { jiraTimestamp } from './representations';
import type { RouteDefinition } from './router';
import { notLoggedIn, requestNotFound, serviceDeskError } from './service-desk-errors';
import type { Grantee, SeedIssue, SeedServiceDesk } from './seed';
import type { SiteContext } from './site-context';

/**
 * The Jira Service Management REST API (`/rest/servicedeskapi`) the app calls, over the
 * seed's service desks, in the shapes of `jsm-openapi/servicedesk.v1.json`.
 *
 * Permissions, as the reference pages state them: a request is read by whoever may
 * access it — the desk's agents (who browse its project) and its reporter — and anyone
 * else is told it does not exist (404), as the platform API does for issues. Listing
 * organizations is open to any signed-in user, but "to fetch organizations based on
 * accountId the user must have a Service Desk agent license": others get 403.
 */
type Json = Record<string, unknown>;

export function serviceDeskRoutes(
  { state, permissions }: SiteContext,
  desks: readonly SeedServiceDesk[]
): RouteDefinition[] {
  const isIn = (accountId: string, grantees: readonly Grantee[]): boolean =>
    grantees.some((grantee) =>
      'user' in grantee
        ? grantee.user === accountId
        : 'group' in grantee && permissions.groupsOf(accountId).includes(grantee.group)
    );
  const deskOf = (issue: SeedIssue) => desks.find((desk) => desk.projectId === issue.projectId);
  const mayRead = (principal: JiraPrincipal, issue: SeedIssue, desk: SeedServiceDesk): boolean => {
    if (principal.kind === 'app') return permissions.canBrowseIssue(principal, issue);
    if (principal.kind !== 'user') return false;
    if (issue.reporterAccountId === principal.accountId) return true;
    return isIn(principal.accountId, desk.agents) && permissions.canBrowseIssue(principal, issue);
  };
  const date = (iso: string): Json => ({
    iso8601: jiraTimestamp(iso).replace(/\.\d{3}/, ''),
    jira: jiraTimestamp(iso),
    friendly: new Date(iso).toUTCString(),
    epochMillis: Date.parse(iso)
  });
  const user = (accountId: string): Json => {
    const found = state.users.get(accountId);
    return {
      accountId,
      displayName: found?.displayName ?? 'Former user',
      active: found?.active ?? false,
      ...(found?.emailAddress ? { emailAddress: found.emailAddress } : {}),
      timeZone: found?.timeZone ?? 'Etc/UTC',
      _links: {
        jiraRest: `${state.baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}`,
        avatarUrls: {},
        self: `${state.baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}`
      }
    };
  };

  return [
    {
      method: 'GET',
      template: '/rest/servicedeskapi/request/{issueIdOrKey}',
      handler: ({ principal }, params) => {
        if (principal.kind === 'anonymous') return notLoggedIn();
        const issue = state.findIssue(params.issueIdOrKey ?? '');
        const desk = issue ? deskOf(issue) : undefined;
        const request = desk?.requests.find((r) => r.issueId === issue?.id);
        if (!issue || !desk || !request || !mayRead(principal, issue, desk)) return requestNotFound();
        const status = state.statuses.get(issue.statusId);
        const fieldValues: Json[] = [
          { fieldId: 'summary', label: 'Summary', value: issue.summary },
          { fieldId: 'description', label: 'Description', value: issue.description ?? '' }
        ];
        if (request.priority) {
          fieldValues.push({
            fieldId: 'priority',
            label: 'Priority',
            value: { name: request.priority, id: String(PRIORITY_IDS[request.priority] ?? 3) }
          });
        }
        return ok({
          _expands: [
            'participant',
            'status',
            'sla',
            'requestType',
            'serviceDesk',
            'attachment',
            'action',
            'comment'
          ],
          issueId: issue.id,
          issueKey: issue.key,
          summary: issue.summary,
          requestTypeId: request.requestTypeId,
          serviceDeskId: desk.id,
          createdDate: date(issue.created),
          reporter: user(issue.reporterAccountId),
          requestFieldValues: fieldValues,
          currentStatus: {
            status: status?.name ?? 'Open',
            statusCategory:
              status?.category === 'done' ? 'DONE' : status?.category === 'new' ? 'NEW' : 'INDETERMINATE',
            statusDate: date(issue.updated)
          },
          _links: {
            jiraRest: `${state.baseUrl}/rest/api/2/issue/${issue.id}`,
            web: `${state.baseUrl}/servicedesk/customer/portal/${desk.id}/${issue.key}`,
            agent: `${state.baseUrl}/browse/${issue.key}`,
            self: `${state.baseUrl}/rest/servicedeskapi/request/${issue.id}`
          }
        });
      }
    },
    {
      method: 'GET',
      template: '/rest/servicedeskapi/organization',
      handler: ({ principal, query }) => {
        if (principal.kind === 'anonymous') return notLoggedIn();
        const accountId = query.get('accountId');
        const isAgent =
          principal.kind === 'app' ||
          (principal.kind === 'user' && desks.some((desk) => isIn(principal.accountId, desk.agents)));
        if (accountId !== null && !isAgent) {
          return serviceDeskError(
            403,
            'You must be an agent to look up the organizations of a customer.',
            'sd.admin.organization.error.agent.required'
          );
        }
        const start = Math.max(0, Number(query.get('start') ?? 0) || 0);
        const limit = Math.min(50, Math.max(1, Number(query.get('limit') ?? 50) || 50));
        const all = desks
          .flatMap((desk) => desk.organizations)
          .filter((org, index, list) => list.findIndex((o) => o.id === org.id) === index)
          .filter((org) => accountId === null || org.members.includes(accountId))
          .sort((a, b) => Number(a.id) - Number(b.id));
        const values = all.slice(start, start + limit).map((org) => ({
          id: org.id,
          name: org.name,
          _links: { self: `${state.baseUrl}/rest/servicedeskapi/organization/${org.id}` }
        }));
        return ok({
          _expands: [],
          size: values.length,
          start,
          limit,
          isLastPage: start + values.length >= all.length,
          values,
          _links: {
            base: `${state.baseUrl}/rest/servicedeskapi`,
            context: '',
            self: `${state.baseUrl}/rest/servicedeskapi/organization`
          }
        });
      }
    }
  ];
}

/** Jira Cloud's default priorities' ids. */
const PRIORITY_IDS: Record<string, number> = { Highest: 1, High: 2, Medium: 3, Low: 4, Lowest: 5 };
