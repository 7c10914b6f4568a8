import { LocalJira } from '../local/jira/local-jira';
import { anonymous, asApp, asUser, JiraTestClient } from '../local/jira/jira-test-client';
import { withOpenApiValidation } from '../local/jira/openapi-validator';
import { createDemoSeed, DEMO_CUSTOMERS, DEMO_USERS } from '../local/jira/seed';

/**
 * The local Jira's service desk answers as the Jira Service Management description says
 * (every call below goes through the validator over `local/jira/jsm-openapi/`), with
 * JSM's permissions: agents and the reporter read a request, others are told it does
 * not exist; only agents look up a customer's organizations.
 */
const seed = createDemoSeed({ serviceDesk: true });
const client = new JiraTestClient(withOpenApiValidation(new LocalJira(seed)));
const request = seed.issues.find((issue) => issue.key === 'SUP-1')!;

describe('local Jira Service Management', () => {
  it('lets an agent read a request: its text, priority, reporter and links', () => {
    const body = client.json<{
      issueId: string;
      issueKey: string;
      requestFieldValues: { fieldId: string; value: unknown }[];
      reporter: { accountId: string };
      _links: { web: string; agent: string };
    }>(asUser(DEMO_USERS.grace), 'GET', `/rest/servicedeskapi/request/${request.key}`);
    expect(body.issueId).toBe(request.id);
    expect(body.issueKey).toBe('SUP-1');
    expect(body.reporter.accountId).toBe(DEMO_CUSTOMERS.priya);
    expect(body.requestFieldValues).toEqual(
      expect.arrayContaining([
        { fieldId: 'description', label: 'Description', value: request.description },
        { fieldId: 'priority', label: 'Priority', value: { name: 'High', id: '2' } }
      ])
    );
    expect(body._links.agent).toMatch(/\/browse\/SUP-1$/);
    expect(body._links.web).toMatch(/\/servicedesk\/customer\/portal\/1\/SUP-1$/);
  });

  it('tells someone who is no agent and not the reporter that the request does not exist', () => {
    expect(client.get(asUser(DEMO_USERS.bob), `/rest/servicedeskapi/request/${request.id}`).status).toBe(404);
    expect(client.get(asUser(DEMO_USERS.dave), `/rest/servicedeskapi/request/${request.id}`).status).toBe(
      404
    );
    expect(client.get(anonymous, `/rest/servicedeskapi/request/${request.id}`).status).toBe(401);
    expect(client.get(asUser(DEMO_CUSTOMERS.priya), `/rest/servicedeskapi/request/SUP-1`).status).toBe(200);
  });

  it('answers 404 for an issue that is no request (a product story)', () => {
    const story = seed.issues.find((issue) => issue.issueTypeId === '10001')!;
    expect(client.get(asUser(DEMO_USERS.alice), `/rest/servicedeskapi/request/${story.key}`).status).toBe(
      404
    );
  });

  it('comments only on requests: a product story is no request and is left without the comment', () => {
    const story = seed.issues.find((issue) => issue.issueTypeId === '10001' && !issue.securityLevel)!;
    const comment = { body: 'Shipped in CHK-2.', public: false };
    for (const key of [story.key, story.id]) {
      expect(client.call(asApp, 'POST', `/rest/servicedeskapi/request/${key}/comment`, comment).status).toBe(
        404
      );
      expect(client.get(asApp, `/rest/servicedeskapi/request/${key}/comment`).status).toBe(404);
    }
    expect(story.comments ?? []).toEqual([]);

    const posted = client.call(asApp, 'POST', `/rest/servicedeskapi/request/${request.key}/comment`, comment);
    expect(posted.status).toBe(201);
    const page = client.json<{ values: { body: string; public: boolean }[] }>(
      asUser(DEMO_USERS.grace),
      'GET',
      `/rest/servicedeskapi/request/${request.key}/comment`
    );
    expect(page.values).toEqual([expect.objectContaining({ body: 'Shipped in CHK-2.', public: false })]);
  });

  it("finds a customer's organizations for agents only", () => {
    const url = `/rest/servicedeskapi/organization?accountId=${encodeURIComponent(DEMO_CUSTOMERS.ken)}`;
    const page = client.json<{ values: { name: string }[] }>(asUser(DEMO_USERS.ivan), 'GET', url);
    expect(page.values.map((org) => org.name)).toEqual(['Acme Corporation']);
    expect(client.get(asUser(DEMO_USERS.bob), url).status).toBe(403);
    const none = client.json<{ values: unknown[] }>(
      asApp,
      'GET',
      `/rest/servicedeskapi/organization?accountId=${encodeURIComponent(DEMO_CUSTOMERS.omar)}`
    );
    expect(none.values).toEqual([]);
  });

  it('shows the service project to its agents as a service_desk project', () => {
    const project = client.json<{ projectTypeKey: string }>(
      asUser(DEMO_USERS.grace),
      'GET',
      '/rest/api/3/project/SUP'
    );
    expect(project.projectTypeKey).toBe('service_desk');
  });
});
