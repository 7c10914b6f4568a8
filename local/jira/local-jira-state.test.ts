import { LocalJira } from './local-jira';
import { asApp, asUser, JiraTestClient } from './jira-test-client';
import { withOpenApiValidation } from './openapi-validator';
import { createDemoSeed, DEMO_APP_FIELD, DEMO_USERS } from './seed';

/** Issue properties, app field values, and the mutators tests use to change the site. */
function site() {
  const seed = createDemoSeed({ projects: 2, issuesPerProject: 40 });
  const jira = new LocalJira(seed, { now: () => new Date('2026-01-02T03:04:05.000Z') });
  return { seed, jira, client: new JiraTestClient(withOpenApiValidation(jira)) };
}
const bob = asUser(DEMO_USERS.bob);
const carol = asUser(DEMO_USERS.carol);

describe('issue properties', () => {
  it('stores, lists, reads and deletes JSON values by issue id or key', () => {
    const { seed, jira, client } = site();
    const issue = seed.issues[0]!;
    expect(
      client.call(bob, 'PUT', `/rest/api/3/issue/${issue.key}/properties/customer-impact`, {
        score: 9,
        accounts: ['acme']
      }).status
    ).toBe(201);
    expect(
      client.call(bob, 'PUT', `/rest/api/3/issue/${issue.id}/properties/b-other`, 'plain string').status
    ).toBe(201);
    expect(client.json(carol, 'GET', `/rest/api/3/issue/${issue.id}/properties`)).toEqual({
      keys: [
        {
          key: 'b-other',
          self: `https://local-jira.atlassian.net/rest/api/3/issue/${issue.id}/properties/b-other`
        },
        {
          key: 'customer-impact',
          self: `https://local-jira.atlassian.net/rest/api/3/issue/${issue.id}/properties/customer-impact`
        }
      ]
    });
    expect(client.json(carol, 'GET', `/rest/api/3/issue/${issue.id}/properties/customer-impact`)).toEqual({
      key: 'customer-impact',
      value: { score: 9, accounts: ['acme'] }
    });
    expect(jira.getIssueProperty(issue.id, 'customer-impact')).toEqual({ score: 9, accounts: ['acme'] });
    expect(
      client.json(
        bob,
        'GET',
        `/rest/api/3/issue/${issue.id}?fields=summary&properties=customer-impact,absent`
      )
    ).toMatchObject({
      properties: { 'customer-impact': { score: 9, accounts: ['acme'] } }
    });
    expect(
      client.call(bob, 'DELETE', `/rest/api/3/issue/${issue.id}/properties/customer-impact`).status
    ).toBe(204);
    expect(
      client.call(bob, 'DELETE', `/rest/api/3/issue/${issue.id}/properties/customer-impact`).status
    ).toBe(404);
    expect(client.get(bob, `/rest/api/3/issue/${issue.id}/properties/customer-impact`)).toEqual({
      status: 404,
      body: { errorMessages: ["The property with key 'customer-impact' does not exist."], errors: {} }
    });
  });

  it('refuses values over 32 KB and keys over 255 characters', () => {
    const { seed, client } = site();
    const id = seed.issues[0]!.id;
    expect(
      client.call(bob, 'PUT', `/rest/api/3/issue/${id}/properties/big`, { text: 'x'.repeat(33_000) }).status
    ).toBe(400);
    expect(client.call(bob, 'PUT', `/rest/api/3/issue/${id}/properties/${'k'.repeat(256)}`, 1).status).toBe(
      400
    );
  });
});

describe('bulk issue properties (asynchronous)', () => {
  it('answers 303 with a task; nothing is written or seen by JQL until the task completes', () => {
    const { seed, jira, client } = site();
    const [a, b] = seed.issues.filter((i) => !i.securityLevel) as [
      (typeof seed.issues)[0],
      (typeof seed.issues)[0]
    ];
    const hidden = seed.issues.find((i) => i.securityLevel?.addonsRoleMember === false)!;
    jira.holdTasks(true);
    const answer = client.call(asApp, 'POST', '/rest/api/3/issue/properties/multi', {
      issues: [a, b, hidden]
        .map((i) => ({ issueID: Number(i.id), properties: { 'customer-impact': { score: 7 } } }))
        .concat([{ issueID: 424242, properties: { 'customer-impact': { score: 1 } } }])
    });
    expect(answer.status).toBe(303);
    const location = answer.headers!.location!;
    expect(location).toMatch(/\/rest\/api\/3\/task\/\d+$/);
    const task = new URL(location).pathname;

    expect(client.call(bob, 'GET', `/rest/api/3/issue/${a.id}/properties/customer-impact`).status).toBe(404);
    const jql = (principal: typeof bob) =>
      client.json<{ issues: { id: string }[] }>(principal, 'POST', '/rest/api/3/search/jql', {
        jql: 'customerImpact > 0'
      }).issues;
    expect(jql(bob)).toEqual([]);
    expect(client.json(asApp, 'GET', task)).toMatchObject({ status: 'ENQUEUED', progress: 0 });
    expect(client.call(bob, 'GET', task).status).toBe(403); // not the task's creator

    jira.holdTasks(false);
    expect(client.json(asApp, 'GET', task)).toMatchObject({
      status: 'COMPLETE',
      progress: 100,
      // Not found: ignored. Not editable by the app: a per-issue failure.
      result: { failedIssues: [{ issueId: Number(hidden.id) }] }
    });
    expect(
      jql(bob)
        .map((i) => i.id)
        .sort()
    ).toEqual([a.id, b.id].sort());
    expect(jira.getIssueProperty(hidden.id, 'customer-impact')).toBeUndefined();
    expect(client.call(asApp, 'GET', '/rest/api/3/task/1').status).toBe(404);
  });
});

describe('app custom field values', () => {
  it('stores values set by the app and shows them in issue fields', () => {
    const { seed, jira, client } = site();
    const [a, b] = seed.issues as [(typeof seed.issues)[0], (typeof seed.issues)[0]];
    client.call(asApp, 'PUT', `/rest/api/3/app/field/${DEMO_APP_FIELD.id}/value`, {
      updates: [{ issueIds: [Number(a.id), Number(b.id)], value: 17.25 }]
    });
    expect(jira.getAppFieldValue(DEMO_APP_FIELD.key, a.id)).toBe(17.25);
    expect(client.json(bob, 'GET', `/rest/api/3/issue/${b.id}?fields=${DEMO_APP_FIELD.id}`)).toMatchObject({
      fields: { [DEMO_APP_FIELD.id]: 17.25 }
    });
    client.call(asApp, 'PUT', `/rest/api/3/app/field/${DEMO_APP_FIELD.id}/value`, {
      updates: [{ issueIds: [Number(a.id)], value: null }]
    });
    expect(client.json(bob, 'GET', `/rest/api/3/issue/${a.id}?fields=${DEMO_APP_FIELD.id}`)).toMatchObject({
      fields: { [DEMO_APP_FIELD.id]: null }
    });
  });

  it('records history, stamps updated and emits an update by the app, unless generateChangelog=false', () => {
    const { seed, jira, client } = site();
    const [a, b] = seed.issues as [(typeof seed.issues)[0], (typeof seed.issues)[0]];
    const events: { eventType: string; payload: Record<string, unknown> }[] = [];
    jira.onProductEvent((event) => events.push(event));
    const set = (issueId: string, value: number, query = '') =>
      client.call(asApp, 'PUT', `/rest/api/3/app/field/${DEMO_APP_FIELD.id}/value${query}`, {
        updates: [{ issueIds: [Number(issueId)], value }]
      }).status;

    expect(set(a.id, 5)).toBe(204);
    expect(jira.historyOf(a.id)).toEqual([
      expect.objectContaining({
        author: '712020:app-customer-evidence',
        items: [
          expect.objectContaining({ field: 'Customer impact', fieldId: DEMO_APP_FIELD.id, toString: '5' })
        ]
      })
    ]);
    expect(jira.getIssue(a.id)!.updated).toBe('2026-01-02T03:04:05.000Z');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      payload: { issue: { id: a.id }, atlassianId: '712020:app-customer-evidence' }
    });
    expect(set(a.id, 5)).toBe(204); // the same value again changes nothing
    expect(jira.historyOf(a.id)).toHaveLength(1);

    expect(set(b.id, 9, '?generateChangelog=false')).toBe(204);
    expect(jira.getAppFieldValue(DEMO_APP_FIELD.id, b.id)).toBe(9);
    expect(jira.historyOf(b.id)).toEqual([]);
    expect(jira.getIssue(b.id)!.updated).toBe(b.updated);
    expect(events).toHaveLength(1);
  });

  it('knows the field by its id or exactly <app id>__<environment>__<module key>', () => {
    const { seed, client } = site();
    const put = (key: string) =>
      client.call(asApp, 'PUT', `/rest/api/3/app/field/${key}/value`, {
        updates: [{ issueIds: [Number(seed.issues[0]!.id)], value: 1 }]
      }).status;
    expect(put('7c0e5f0e-4a52-4a8e-9a8e-5d1c3b2a9f10__DEVELOPMENT__customer-impact-field')).toBe(204);
    expect(put('customer-impact-field')).toBe(404);
    expect(put('7c0e5f0e__DEVELOPMENT__customer-impact-field')).toBe(404);
    expect(put('7c0e5f0e-4a52-4a8e-9a8e-5d1c3b2a9f10__PRODUCTION__customer-impact-field')).toBe(404);
  });

  it('changes nothing when any issue id in the request is unknown', () => {
    const { seed, jira, client } = site();
    const id = seed.issues[0]!.id;
    expect(
      client.call(asApp, 'PUT', `/rest/api/3/app/field/${DEMO_APP_FIELD.id}/value`, {
        updates: [{ issueIds: [Number(id), 424242], value: 3 }]
      }).status
    ).toBe(400);
    expect(jira.getAppFieldValue(DEMO_APP_FIELD.id, id)).toBeUndefined();
  });
});

describe('resolution', () => {
  it('a move into Done resolves the issue, out of it unresolves it, and JQL resolved follows', () => {
    const { seed, jira, client } = site();
    const issue = seed.issues.find((i) => i.statusId === '10000')!;
    const resolved = () =>
      client
        .json<{ issues: { id: string }[] }>(bob, 'POST', '/rest/api/3/search/jql', {
          jql: 'resolved >= "2026-01-01"'
        })
        .issues.map((i) => i.id);
    const fields = () =>
      client.json<{ fields: Record<string, unknown> }>(
        bob,
        'GET',
        `/rest/api/3/issue/${issue.id}?fields=resolutiondate,statuscategorychangedate`
      ).fields;
    expect(fields()).toMatchObject({ resolutiondate: null });
    jira.setStatus(issue.id, '10002');
    expect(fields()).toEqual({
      resolutiondate: '2026-01-02T03:04:05.000+0000',
      statuscategorychangedate: '2026-01-02T03:04:05.000+0000'
    });
    expect(resolved()).toEqual([issue.id]);
    jira.setStatus(issue.id, '3');
    expect(fields()).toMatchObject({ resolutiondate: null });
    expect(resolved()).toEqual([]);
  });
});

describe('site mutators', () => {
  it('moves an issue to another project: new key, same id, old key still resolves, sub-tasks follow', () => {
    const { seed, jira, client } = site();
    const story = seed.issues.find(
      (i) =>
        i.projectId === '10000' && seed.issues.some((c) => c.parentId === i.id && c.issueTypeId === '10004')
    )!;
    const subtask = seed.issues.find((c) => c.parentId === story.id && c.issueTypeId === '10004')!;
    const moved = jira.moveIssue(story.id, { projectId: '10001', parentId: null });
    expect(moved.id).toBe(story.id);
    expect(moved.key).toMatch(/^MOB-\d+$/);
    expect(moved.parentId).toBeUndefined();
    expect(moved.updated).toBe('2026-01-02T03:04:05.000Z');
    expect(client.json(bob, 'GET', `/rest/api/3/issue/${story.key}?fields=project`)).toMatchObject({
      id: story.id,
      key: moved.key,
      fields: { project: { key: 'MOB' } }
    });
    expect(jira.getIssue(subtask.id)?.key).toMatch(/^MOB-/);
    expect(client.json(bob, 'GET', `/rest/api/3/issue/${subtask.id}?fields=parent`)).toMatchObject({
      fields: { parent: { id: story.id, key: moved.key } }
    });
  });

  it('re-parents, transitions, creates and deletes issues', () => {
    const { seed, jira, client } = site();
    const epics = seed.issues.filter((i) => i.issueTypeId === '10000' && i.projectId === '10000');
    const story = seed.issues.find((i) => i.parentId === epics[0]!.id && i.issueTypeId !== '10004')!;
    jira.moveIssue(story.id, { parentId: epics[1]!.id });
    expect(client.json(bob, 'GET', `/rest/api/3/issue/${story.id}?fields=parent`)).toMatchObject({
      fields: { parent: { id: epics[1]!.id } }
    });

    jira.setStatus(story.id, '10002');
    expect(client.json(bob, 'GET', `/rest/api/3/issue/${story.id}?fields=status`)).toMatchObject({
      fields: { status: { name: 'Done', statusCategory: { key: 'done', id: 3 } } }
    });

    const created = jira.createIssue({
      projectId: '10000',
      issueTypeId: '10004',
      summary: 'New sub-task',
      reporterAccountId: DEMO_USERS.bob,
      parentId: story.id
    });
    expect(Number(created.id)).toBeGreaterThan(Math.max(...seed.issues.map((i) => Number(i.id))));
    expect(created).toMatchObject({ statusId: '10000', created: '2026-01-02T03:04:05.000Z' });
    const withSubtasks = client.json<{ fields: { subtasks: { id: string }[] } }>(
      bob,
      'GET',
      `/rest/api/3/issue/${story.id}?fields=subtasks`
    );
    expect(withSubtasks.fields.subtasks.map((s) => s.id)).toContain(created.id);

    jira.deleteIssue(story.id);
    expect(client.get(bob, `/rest/api/3/issue/${story.id}`).status).toBe(404);
    expect(client.get(bob, `/rest/api/3/issue/${created.id}`).status).toBe(404);
    expect(client.call(bob, 'POST', '/rest/api/3/search/jql', { jql: `id = ${story.id}` }).status).toBe(400);
  });

  it('does not share state between instances built from one seed', () => {
    const seed = createDemoSeed({ projects: 1, issuesPerProject: 10 });
    const first = new LocalJira(seed);
    first.setStatus(seed.issues[0]!.id, '10002');
    expect(new LocalJira(seed).getIssue(seed.issues[0]!.id)?.statusId).toBe(seed.issues[0]!.statusId);
  });
});
