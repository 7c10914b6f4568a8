import { LocalJira } from './local-jira';
import { anonymous, asApp, asUser, JiraTestClient } from './jira-test-client';
import { OpenApiValidator, withOpenApiValidation } from './openapi-validator';
import type { JiraProductEvent } from './product-events';
import { createDemoSeed, DEMO_USERS } from './seed';

/**
 * Transitions through the REST API (`GET`/`POST /rest/api/3/issue/{id}/transitions`),
 * every answer checked against Atlassian's OpenAPI description: who may list and
 * perform them, what a move into Done and back changes on the issue, and the
 * issue-updated event it sends.
 */
function site() {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 30 });
  const jira = new LocalJira(seed, { now: () => new Date('2026-11-20T10:00:00.000Z') });
  const client = new JiraTestClient(withOpenApiValidation(jira));
  const events: JiraProductEvent[] = [];
  jira.onProductEvent((event) => events.push(event));
  const open = seed.issues.find((i) => i.statusId === '10000' && !i.securityLevel && !i.parentId)!;
  const restricted = seed.issues.find((i) => i.securityLevel && i.securityLevel.addonsRoleMember !== false)!;
  return { jira, client, events, open, restricted };
}

interface TransitionList {
  transitions: { id: string; name: string; to: { id: string; statusCategory: { key: string } } }[];
}

const bob = asUser(DEMO_USERS.bob);
const carol = asUser(DEMO_USERS.carol);
const dave = asUser(DEMO_USERS.dave);
const url = (id: string) => `/rest/api/3/issue/${id}/transitions`;

describe('local Jira transitions', () => {
  it('lists the transitions to every other status, in the documented shape', () => {
    const { client, open } = site();
    const list = client.json<TransitionList>(bob, 'GET', url(open.key));
    expect(list.transitions.map((t) => [t.id, t.name, t.to.statusCategory.key])).toEqual([
      ['21', 'In Progress', 'indeterminate'],
      ['31', 'In Review', 'indeterminate'],
      ['41', 'Done', 'done']
    ]);
    const one = client.json<TransitionList>(bob, 'GET', `${url(open.id)}?transitionId=41`);
    expect(one.transitions.map((t) => t.name)).toEqual(['Done']);
  });

  it('lists nothing to a user without Transition issues, and hides what they may not see', () => {
    const { client, open, restricted } = site();
    expect(client.json<TransitionList>(carol, 'GET', url(open.id)).transitions).toEqual([]);
    expect(client.get(carol, url(restricted.id)).status).toBe(404);
    expect(client.get(dave, url(open.id)).status).toBe(404);
    expect(client.get(anonymous, url(open.id)).status).toBe(401);
    expect(client.get(bob, url('CHK-9999')).status).toBe(404);
  });

  it('a move into Done resolves the issue and says so in the event; reopening unresolves it', () => {
    const { jira, client, events, open } = site();
    const done = client.call(bob, 'POST', url(open.key), { transition: { id: '41' } });
    expect(done.status).toBe(204);
    const after = client.json<{ fields: Record<string, unknown> }>(
      bob,
      'GET',
      `/rest/api/3/issue/${open.id}?fields=status,resolution,resolutiondate,statuscategorychangedate`
    );
    expect(after.fields).toMatchObject({
      status: { name: 'Done', statusCategory: { key: 'done' } },
      resolution: { id: '10000', name: 'Done' },
      resolutiondate: '2026-11-20T10:00:00.000+0000',
      statuscategorychangedate: '2026-11-20T10:00:00.000+0000'
    });
    expect(OpenApiValidator.platform().validateComponent('Resolution', after.fields.resolution)).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      payload: {
        issue: { id: open.id, fields: { status: { id: '10002' } } },
        atlassianId: DEMO_USERS.bob,
        changelog: {
          items: [
            { field: 'resolution', fieldId: 'resolution', from: null, to: '10000', toString: 'Done' },
            { field: 'status', fieldId: 'status', from: '10000', to: '10002', toString: 'Done' }
          ]
        }
      }
    });

    expect(client.call(bob, 'POST', url(open.id), { transition: { id: '11' } }).status).toBe(204);
    expect(jira.getIssue(open.id)).toMatchObject({ statusId: '10000' });
    expect(jira.getIssue(open.id)?.resolutiondate).toBeUndefined();
    expect(events[1]?.payload.changelog).toMatchObject({
      items: [
        { field: 'resolution', from: '10000', to: null },
        { field: 'status', from: '10002', to: '10000' }
      ]
    });
    expect(jira.historyOf(open.id)).toHaveLength(2);
  });

  it('a move between open statuses changes only the status', () => {
    const { client, events, open } = site();
    expect(client.call(bob, 'POST', url(open.id), { transition: { id: '21' } }).status).toBe(204);
    expect(events[0]?.payload.changelog).toMatchObject({ items: [{ field: 'status', to: '3' }] });
    expect((events[0]?.payload.changelog as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses a transition it cannot perform, and changes nothing', () => {
    const { jira, client, events, open, restricted } = site();
    const refused = [
      [
        carol,
        open.id,
        { transition: { id: '41' } },
        400,
        'You do not have permission to transition this issue.'
      ],
      [bob, open.id, { transition: { id: '99' } }, 400, "Transition id '99' is not valid for this issue."],
      [bob, open.id, { transition: { id: '11' } }, 400, "Transition id '11' is not valid for this issue."],
      [bob, open.id, {}, 400, "Missing 'transition' identifier"],
      [carol, restricted.id, { transition: { id: '41' } }, 404, undefined],
      [anonymous, open.id, { transition: { id: '41' } }, 401, undefined]
    ] as const;
    for (const [principal, id, body, status, message] of refused) {
      const response = client.call(principal, 'POST', url(id), body);
      expect(response.status).toBe(status);
      if (message) expect(response.body).toMatchObject({ errorMessages: [message] });
    }
    const withField = client.call(bob, 'POST', url(open.id), {
      transition: { id: '41' },
      fields: { resolution: { name: 'Fixed' } }
    });
    expect(withField).toMatchObject({
      status: 400,
      body: { errors: { resolution: expect.any(String) as unknown } }
    });
    expect(events).toEqual([]);
    expect(jira.getIssue(open.id)?.statusId).toBe('10000');
  });

  it('names the app as the actor of a transition it performs', () => {
    const { client, events, open } = site();
    expect(client.call(asApp, 'POST', url(open.id), { transition: { id: '41' } }).status).toBe(204);
    expect(events[0]?.payload.atlassianId).toBe('712020:app-customer-evidence');
  });
});
