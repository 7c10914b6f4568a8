import { LocalJira } from './local-jira';
import { asApp, asUser, JiraTestClient } from './jira-test-client';
import { parseJql } from './jql-parser';
import { withOpenApiValidation } from './openapi-validator';
import { createDemoSeed, DEMO_USERS, type JiraSeed, type SeedIssue } from './seed';

/** The JQL subset and the enhanced search's paging, on a small hand-made site. */
const base = createDemoSeed({ projects: 2, issuesPerProject: 4 });
const issue = (id: number, key: string, fields: Partial<SeedIssue>): SeedIssue => ({
  id: String(id),
  key,
  projectId: '10000',
  issueTypeId: '10001',
  summary: `Issue ${key}`,
  statusId: '10000',
  reporterAccountId: DEMO_USERS.bob,
  created: `2025-03-${String(id - 100).padStart(2, '0')}T10:00:00.000Z`,
  updated: `2025-04-${String(40 - (id - 100)).padStart(2, '0')}T10:00:00.000Z`,
  ...fields
});
const seed: JiraSeed = {
  ...base,
  issues: [
    issue(101, 'CHK-1', { issueTypeId: '10000', summary: 'Saved payment methods', statusId: '3' }),
    issue(102, 'CHK-2', {
      summary: 'Save a card at checkout',
      parentId: '101',
      assigneeAccountId: DEMO_USERS.bob,
      description: 'Customers keep asking for wallets'
    }),
    issue(103, 'CHK-3', {
      issueTypeId: '10004',
      summary: 'API contract for saving cards',
      parentId: '102',
      statusId: '10002'
    }),
    issue(104, 'CHK-4', {
      issueTypeId: '10003',
      summary: 'Double charge when tapping Pay twice',
      statusId: '10002',
      assigneeAccountId: DEMO_USERS.erin
    }),
    issue(105, 'MOB-1', { projectId: '10001', issueTypeId: '10000', summary: 'Offline mode' }),
    issue(106, 'MOB-2', {
      projectId: '10001',
      summary: 'Queue cart changes while offline',
      parentId: '105',
      assigneeAccountId: DEMO_USERS.bob
    }),
    issue(107, 'CHK-5', {
      summary: 'Chargeback evidence',
      securityLevel: { id: '1', name: 'Restricted', grantees: [{ user: DEMO_USERS.alice }] }
    })
  ]
};
const jira = new LocalJira(seed);
const client = new JiraTestClient(withOpenApiValidation(jira));
const bob = asUser(DEMO_USERS.bob);

function keys(jql: string, principal = bob): string[] {
  const body = client.json<{ issues: { key: string }[] }>(principal, 'POST', '/rest/api/3/search/jql', {
    jql,
    fields: ['key'],
    maxResults: 100
  });
  return body.issues.map((found) => found.key);
}

function error(jql: string): string {
  const response = client.call(bob, 'POST', '/rest/api/3/search/jql', { jql });
  expect(response.status).toBe(400);
  return (response.body as { errorMessages: string[] }).errorMessages[0] ?? '';
}

describe('JQL search', () => {
  it.each([
    ['project = CHK ORDER BY key', ['CHK-1', 'CHK-2', 'CHK-3', 'CHK-4']],
    ['project = 10001 ORDER BY key', ['MOB-1', 'MOB-2']],
    ['project in (CHK, "Mobile App") AND issuetype = Epic ORDER BY key', ['CHK-1', 'MOB-1']],
    ['id in (101, 103) ORDER BY id DESC', ['CHK-3', 'CHK-1']],
    ['issuekey in (CHK-2, mob-2) ORDER BY key', ['CHK-2', 'MOB-2']],
    ['key = CHK-4', ['CHK-4']],
    ['parent = CHK-1', ['CHK-2']],
    ['parent in (101, CHK-2) ORDER BY key', ['CHK-2', 'CHK-3']],
    ['issuetype in (Story, 10003) AND project = CHK ORDER BY key', ['CHK-2', 'CHK-4']],
    ['issuetype in standardIssueTypes() AND project = CHK ORDER BY key', ['CHK-1', 'CHK-2', 'CHK-4']],
    ['statusCategory = Done ORDER BY key', ['CHK-3', 'CHK-4']],
    ['statusCategory != Done AND project = CHK ORDER BY key', ['CHK-1', 'CHK-2']],
    ['status = "In Progress"', ['CHK-1']],
    ['text ~ "wallet" ', ['CHK-2']],
    ['summary ~ "offline"  ORDER BY key', ['MOB-1', 'MOB-2']],
    ['summary ~ "charg*"', ['CHK-4']],
    ['assignee = currentUser() ORDER BY key', ['CHK-2', 'MOB-2']],
    [`assignee = "${DEMO_USERS.erin}"`, ['CHK-4']],
    ['assignee is EMPTY AND project = CHK ORDER BY key', ['CHK-1', 'CHK-3']],
    ['assignee != currentUser() ORDER BY key', ['CHK-4']],
    ['project = CHK AND NOT (statusCategory = Done OR issuetype = Epic)', ['CHK-2']],
    ['project = MOB OR key = CHK-1 ORDER BY key DESC', ['MOB-2', 'MOB-1', 'CHK-1']],
    ['created >= "2025-03-05" ORDER BY created', ['MOB-1', 'MOB-2']],
    ['project = CHK ORDER BY updated DESC', ['CHK-1', 'CHK-2', 'CHK-3', 'CHK-4']],
    ['project = CHK ORDER BY summary ASC', ['CHK-3', 'CHK-4', 'CHK-2', 'CHK-1']],
    ['project = CHK ORDER BY statusCategory DESC, key ASC', ['CHK-3', 'CHK-4', 'CHK-1', 'CHK-2']]
  ])('%s', (jql, expected) => {
    expect(keys(jql)).toEqual(expected);
  });

  it('never returns issues the searcher may not browse, but the app sees them', () => {
    expect(keys('project = CHK AND summary ~ chargeback')).toEqual([]);
    expect(keys('project = CHK AND summary ~ chargeback', asApp)).toEqual(['CHK-5']);
    expect(keys('project = CHK AND summary ~ chargeback', asUser(DEMO_USERS.alice))).toEqual(['CHK-5']);
  });

  it('answers bad JQL with 400 and Jira’s messages', () => {
    expect(error('project = ')).toMatch(
      /^Error in the JQL Query: Expecting either a value, list or function but got 'end of query'/
    );
    expect(error('project CHK')).toMatch(/Expecting operator but got 'CHK'/);
    expect(error('summary ~ "open')).toMatch(/The quoted string 'open' has not been completed/);
    expect(error('colour = red')).toBe(
      "Field 'colour' does not exist or you do not have permission to view it."
    );
    expect(error('project = NOPE')).toBe("The value 'NOPE' does not exist for the field 'project'.");
    expect(error('issuekey = CHK-99')).toBe(
      "An issue with key 'CHK-99' does not exist for field 'issuekey'."
    );
    // A hidden issue is reported exactly like a missing one.
    expect(error('key = CHK-5')).toBe("An issue with key 'CHK-5' does not exist for field 'key'.");
    expect(error('project ~ CHK')).toBe("The operator '~' is not supported by the 'project' field.");
    expect(error('created > "yesterday"')).toMatch(/Date value 'yesterday' for field 'created' is invalid/);
    expect(error('ORDER BY key')).toMatch(/Unbounded JQL queries are not allowed/);
    expect(error('project = CHK ORDER BY description')).toBe("Field 'description' does not support sorting.");
    expect(error('project = CHK AND (key = CHK-1')).toMatch(/Expecting '\)'/);
  });

  it('parses into an AST that later fields can plug into', () => {
    expect(parseJql('customerImpact > 10 AND project in (CHK, MOB) ORDER BY customerImpact DESC')).toEqual({
      where: {
        kind: 'and',
        items: [
          { kind: 'clause', field: 'customerImpact', operator: '>', operand: { kind: 'value', text: '10' } },
          {
            kind: 'clause',
            field: 'project',
            operator: 'in',
            operand: {
              kind: 'list',
              items: [
                { kind: 'value', text: 'CHK' },
                { kind: 'value', text: 'MOB' }
              ]
            }
          }
        ]
      },
      orderBy: [{ field: 'customerImpact', direction: 'desc' }]
    });
  });

  it('filters and orders by app custom field values and indexed property aliases', () => {
    client.call(asApp, 'PUT', '/rest/api/3/app/field/customfield_10100/value', {
      updates: [
        { issueIds: [101], value: 30 },
        { issueIds: [102, 104], value: 12.5 }
      ]
    });
    expect(keys('cf[10100] > 12.5')).toEqual(['CHK-1']);
    expect(keys('project = CHK ORDER BY cf[10100] DESC, key ASC')).toEqual([
      'CHK-1',
      'CHK-2',
      'CHK-4',
      'CHK-3'
    ]);
    expect(keys('"Customer impact" is EMPTY AND project = CHK')).toEqual(['CHK-3']);

    jira.setIssueProperty('104', 'customer-impact', { score: 50 });
    jira.setIssueProperty('106', 'customer-impact', { score: 5 });
    expect(keys('customerImpact > 1 ORDER BY customerImpact DESC')).toEqual(['CHK-4', 'MOB-2']);
    expect(keys('project in (CHK, MOB) ORDER BY customerImpact ASC, key ASC')).toEqual([
      'MOB-2',
      'CHK-4',
      'CHK-1',
      'CHK-2',
      'CHK-3',
      'MOB-1'
    ]);
  });
});

describe('enhanced search paging', () => {
  const demo = createDemoSeed();
  const demoClient = new JiraTestClient(withOpenApiValidation(new LocalJira(demo)));
  const alice = asUser(DEMO_USERS.alice);

  it('walks every page with nextPageToken, with isLast only on the last page', () => {
    const chk = demo.issues.filter((found) => found.projectId === '10000');
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const url = `/rest/api/3/search/jql?jql=${encodeURIComponent('project = CHK ORDER BY created ASC')}&maxResults=25&fields=created${token ? `&nextPageToken=${token}` : ''}`;
      const page = demoClient.json<{ issues: { id: string }[]; nextPageToken?: string; isLast: boolean }>(
        alice,
        'GET',
        url
      );
      pages += 1;
      seen.push(...page.issues.map((found) => found.id));
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      if (!page.nextPageToken) break;
      expect(page.issues).toHaveLength(25);
      token = page.nextPageToken;
    }
    expect(pages).toBe(Math.ceil(chk.length / 25));
    expect(new Set(seen).size).toBe(chk.length);
    const created = seen.map((id) => demo.issues.find((found) => found.id === id)!.created);
    expect([...created].sort()).toEqual(created);
  });

  it('returns only ids by default, caps pages with fields at 100, and rejects a foreign token', () => {
    const idsOnly = demoClient.json<{ issues: Record<string, unknown>[] }>(
      alice,
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project = MOB', maxResults: 1000 }
    );
    expect(idsOnly.issues.length).toBe(demo.issues.filter((found) => found.projectId === '10001').length);
    expect(Object.keys(idsOnly.issues[0]!)).toEqual(['id']);
    const withFields = demoClient.json<{ issues: unknown[] }>(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = MOB',
      maxResults: 1000,
      fields: ['summary']
    });
    expect(withFields.issues).toHaveLength(100);
    const first = demoClient.json<{ nextPageToken: string }>(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = MOB',
      maxResults: 1
    });
    expect(
      demoClient.call(alice, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = CHK',
        nextPageToken: first.nextPageToken
      })
    ).toEqual({
      status: 400,
      body: { errorMessages: ['The provided next page token is invalid or expired.'], errors: {} }
    });
  });
});
