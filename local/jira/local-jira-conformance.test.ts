import { LocalJira } from './local-jira';
import { anonymous, asApp, asUser, JiraTestClient } from './jira-test-client';
import { OpenApiValidator, withOpenApiValidation } from './openapi-validator';
import { createDemoSeed, DEMO_USERS } from './seed';
import type { JiraPrincipal } from '../host/services';

/**
 * Every endpoint of the local Jira, in success and error cases, as users and as the
 * app, goes through the OpenAPI decorator: any response that does not match Atlassian's
 * description of that operation and status fails the test.
 */
const seed = createDemoSeed();
const jira = new LocalJira(seed);
const client = new JiraTestClient(withOpenApiValidation(jira));
const validator = OpenApiValidator.platform();

const alice = asUser(DEMO_USERS.alice);
const bob = asUser(DEMO_USERS.bob);
const carol = asUser(DEMO_USERS.carol);
const dave = asUser(DEMO_USERS.dave);
const restricted = seed.issues.find((issue) => issue.securityLevel)!;
const subtask = seed.issues.find((issue) => issue.issueTypeId === '10004' && issue.parentId)!;
const epic = seed.issues.find((issue) => issue.issueTypeId === '10000')!;
const FIELDS = 'summary,status,issuetype,parent,project,assignee,reporter,created,updated';

type Case = [
  label: string,
  principal: JiraPrincipal,
  method: string,
  url: string,
  body: unknown,
  status: number
];

const cases: Case[] = [
  ['myself as user', bob, 'GET', '/rest/api/3/myself', undefined, 200],
  ['myself as app', asApp, 'GET', '/rest/api/3/myself', undefined, 200],
  ['myself anonymous', anonymous, 'GET', '/rest/api/3/myself', undefined, 401],
  ['issue by key', bob, 'GET', `/rest/api/3/issue/${subtask.key}?fields=${FIELDS}`, undefined, 200],
  ['issue all fields', alice, 'GET', `/rest/api/3/issue/${subtask.id}`, undefined, 200],
  [
    'issue with properties',
    alice,
    'GET',
    `/rest/api/3/issue/${epic.id}?fields=summary&properties=customer-impact`,
    undefined,
    200
  ],
  ['issue as app', asApp, 'GET', `/rest/api/3/issue/${restricted.id}?fields=${FIELDS}`, undefined, 200],
  ['issue hidden by security', carol, 'GET', `/rest/api/3/issue/${restricted.id}`, undefined, 404],
  ['issue without access', dave, 'GET', `/rest/api/3/issue/${epic.id}`, undefined, 404],
  ['issue missing', alice, 'GET', '/rest/api/3/issue/NOPE-1', undefined, 404],
  ['issue anonymous', anonymous, 'GET', `/rest/api/3/issue/${epic.id}`, undefined, 401],
  [
    'mypermissions global',
    carol,
    'GET',
    '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER',
    undefined,
    200
  ],
  [
    'mypermissions issue',
    bob,
    'GET',
    `/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueId=${epic.id}`,
    undefined,
    200
  ],
  [
    'mypermissions project key',
    bob,
    'GET',
    '/rest/api/3/mypermissions?permissions=ADMINISTER_PROJECTS&projectKey=CHK',
    undefined,
    200
  ],
  [
    'mypermissions hidden issue',
    carol,
    'GET',
    `/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueId=${restricted.id}`,
    undefined,
    404
  ],
  ['mypermissions bad key', bob, 'GET', '/rest/api/3/mypermissions?permissions=FLY', undefined, 400],
  ['mypermissions as app', asApp, 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER', undefined, 200],
  [
    'permissions/check self',
    carol,
    'POST',
    '/rest/api/3/permissions/check',
    {
      projectPermissions: [
        {
          permissions: ['BROWSE_PROJECTS'],
          issues: [Number(restricted.id), Number(epic.id)],
          projects: [10000]
        }
      ]
    },
    200
  ],
  [
    'permissions/check as admin for carol',
    alice,
    'POST',
    '/rest/api/3/permissions/check',
    {
      accountId: DEMO_USERS.carol,
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], projects: [10000] }]
    },
    200
  ],
  [
    'permissions/check as app for bob',
    asApp,
    'POST',
    '/rest/api/3/permissions/check',
    {
      accountId: DEMO_USERS.bob,
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [Number(epic.id)] }]
    },
    200
  ],
  [
    'permissions/check other user',
    carol,
    'POST',
    '/rest/api/3/permissions/check',
    { accountId: DEMO_USERS.bob, globalPermissions: ['ADMINISTER'] },
    403
  ],
  [
    'permissions/check bad permission',
    bob,
    'POST',
    '/rest/api/3/permissions/check',
    { globalPermissions: ['FLY'] },
    400
  ],
  [
    'search GET',
    bob,
    'GET',
    `/rest/api/3/search/jql?jql=${encodeURIComponent('project = CHK ORDER BY key')}&fields=${FIELDS}&maxResults=5`,
    undefined,
    200
  ],
  [
    'search GET ids only',
    bob,
    'GET',
    `/rest/api/3/search/jql?jql=${encodeURIComponent('project = MOB')}`,
    undefined,
    200
  ],
  [
    'search POST',
    carol,
    'POST',
    '/rest/api/3/search/jql',
    { jql: 'issuetype = Epic', fields: ['summary', 'status'], maxResults: 10 },
    200
  ],
  [
    'search POST as app',
    asApp,
    'POST',
    '/rest/api/3/search/jql',
    { jql: `id in (${restricted.id})`, fields: ['*all'] },
    200
  ],
  ['search bad JQL', bob, 'POST', '/rest/api/3/search/jql', { jql: 'project = ' }, 400],
  [
    'search unbounded',
    bob,
    'GET',
    `/rest/api/3/search/jql?jql=${encodeURIComponent('ORDER BY key')}`,
    undefined,
    400
  ],
  ['search anonymous', anonymous, 'POST', '/rest/api/3/search/jql', { jql: 'project = CHK' }, 401],
  [
    'bulkfetch',
    carol,
    'POST',
    '/rest/api/3/issue/bulkfetch',
    { issueIdsOrKeys: [epic.id, restricted.key, 'NOPE-9'], fields: ['summary', 'status'] },
    200
  ],
  ['bulkfetch empty', carol, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: [] }, 400],
  ['project search', carol, 'GET', '/rest/api/3/project/search?maxResults=2', undefined, 200],
  ['project search none', dave, 'GET', '/rest/api/3/project/search', undefined, 200],
  ['project search anonymous', anonymous, 'GET', '/rest/api/3/project/search', undefined, 401],
  ['project by key', bob, 'GET', '/rest/api/3/project/CHK', undefined, 200],
  ['project by id as app', asApp, 'GET', '/rest/api/3/project/10001', undefined, 200],
  ['project hidden', dave, 'GET', '/rest/api/3/project/CHK', undefined, 404],
  ['user', bob, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(DEMO_USERS.carol)}`, undefined, 200],
  ['user unknown', bob, 'GET', '/rest/api/3/user?accountId=nobody', undefined, 404],
  [
    'user bulk',
    asApp,
    'GET',
    `/rest/api/3/user/bulk?accountId=${encodeURIComponent(DEMO_USERS.bob)}&accountId=${encodeURIComponent(DEMO_USERS.dave)}&maxResults=1`,
    undefined,
    200
  ],
  [
    'user groups',
    bob,
    'GET',
    `/rest/api/3/user/groups?accountId=${encodeURIComponent(DEMO_USERS.alice)}`,
    undefined,
    200
  ],
  ['user groups unknown', bob, 'GET', '/rest/api/3/user/groups?accountId=nobody', undefined, 404],
  ['find groups', alice, 'GET', '/rest/api/3/groups/picker?query=cx&maxResults=5', undefined, 200],
  [
    'find groups case-insensitive, excluding one',
    bob,
    'GET',
    '/rest/api/3/groups/picker?query=CX&caseInsensitive=true&exclude=cx-curators',
    undefined,
    200
  ],
  ['find groups without browse', dave, 'GET', '/rest/api/3/groups/picker?query=viewers', undefined, 200],
  ['find groups anonymous', anonymous, 'GET', '/rest/api/3/groups/picker?query=viewers', undefined, 200],
  [
    'property put as editor',
    bob,
    'PUT',
    `/rest/api/3/issue/${epic.id}/properties/customer-impact`,
    { score: 12.5 },
    201
  ],
  [
    'property put again',
    bob,
    'PUT',
    `/rest/api/3/issue/${epic.id}/properties/customer-impact`,
    { score: 14 },
    200
  ],
  [
    'property put as viewer',
    carol,
    'PUT',
    `/rest/api/3/issue/${epic.id}/properties/customer-impact`,
    { score: 1 },
    403
  ],
  [
    'property put hidden',
    dave,
    'PUT',
    `/rest/api/3/issue/${epic.id}/properties/customer-impact`,
    { score: 1 },
    404
  ],
  [
    'property put as app',
    asApp,
    'PUT',
    `/rest/api/3/issue/${restricted.id}/properties/customer-impact`,
    { score: 3 },
    201
  ],
  ['property keys', carol, 'GET', `/rest/api/3/issue/${epic.id}/properties`, undefined, 200],
  ['property keys hidden', dave, 'GET', `/rest/api/3/issue/${epic.id}/properties`, undefined, 404],
  ['property get', carol, 'GET', `/rest/api/3/issue/${epic.key}/properties/customer-impact`, undefined, 200],
  [
    'property get missing',
    carol,
    'GET',
    `/rest/api/3/issue/${epic.id}/properties/nothing-here`,
    undefined,
    404
  ],
  [
    'property delete as viewer',
    carol,
    'DELETE',
    `/rest/api/3/issue/${epic.id}/properties/customer-impact`,
    undefined,
    404
  ],
  [
    'property delete',
    asApp,
    'DELETE',
    `/rest/api/3/issue/${restricted.id}/properties/customer-impact`,
    undefined,
    204
  ],
  [
    'app field as app',
    asApp,
    'PUT',
    '/rest/api/3/app/field/customfield_10100/value',
    { updates: [{ issueIds: [Number(epic.id)], value: 42 }] },
    204
  ],
  [
    'app field by Forge key',
    asApp,
    'PUT',
    '/rest/api/3/app/field/7c0e5f0e-4a52-4a8e-9a8e-5d1c3b2a9f10__DEVELOPMENT__customer-impact-field/value?generateChangelog=false',
    { updates: [{ issueIds: [Number(subtask.id)], value: 7 }] },
    204
  ],
  [
    'app field as user',
    bob,
    'PUT',
    '/rest/api/3/app/field/customfield_10100/value',
    { updates: [{ issueIds: [Number(epic.id)], value: 1 }] },
    403
  ],
  [
    'app field unknown',
    asApp,
    'PUT',
    '/rest/api/3/app/field/customfield_99999/value',
    { updates: [{ issueIds: [Number(epic.id)], value: 1 }] },
    404
  ],
  [
    'app field wrong type',
    asApp,
    'PUT',
    '/rest/api/3/app/field/customfield_10100/value',
    { updates: [{ issueIds: [Number(epic.id)], value: 'high' }] },
    400
  ],
  [
    'app field missing issue',
    asApp,
    'PUT',
    '/rest/api/3/app/field/customfield_10100/value',
    { updates: [{ issueIds: [1], value: 1 }] },
    400
  ]
];

describe('LocalJira conforms to the Jira Cloud OpenAPI description', () => {
  it.each(cases)('%s', (_label, principal, method, url, body, status) => {
    const response = client.call(principal, method, url, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
  });

  it('covers every operation it implements', () => {
    const covered = new Set(
      cases.map(
        ([, , method, url]) =>
          `${method} ${validator.locate(method, new URL(url, 'http://x').pathname)?.template}`
      )
    );
    expect([...covered].sort()).toEqual(
      [
        'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        'GET /rest/api/3/issue/{issueIdOrKey}',
        'GET /rest/api/3/issue/{issueIdOrKey}/properties',
        'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        'GET /rest/api/3/myself',
        'GET /rest/api/3/mypermissions',
        'GET /rest/api/3/project/search',
        'GET /rest/api/3/project/{projectIdOrKey}',
        'GET /rest/api/3/search/jql',
        'GET /rest/api/3/user',
        'GET /rest/api/3/user/bulk',
        'GET /rest/api/3/user/groups',
        'GET /rest/api/3/groups/picker',
        'POST /rest/api/3/issue/bulkfetch',
        'POST /rest/api/3/permissions/check',
        'POST /rest/api/3/search/jql',
        'PUT /rest/api/3/app/field/{fieldIdOrKey}/value',
        'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'
      ].sort()
    );
  });

  // IssueBean.fields is free-form in the description, so check each system field
  // against the schema Jira documents for it elsewhere.
  it('returns issue fields in the shapes of their documented schemas', () => {
    const issue = client.json<{ fields: Record<string, unknown> }>(
      alice,
      'GET',
      `/rest/api/3/issue/${subtask.id}`
    );
    const { fields } = issue;
    const parent = fields.parent as { fields: unknown };
    const problems = [
      ...validator.validateComponent('StatusDetails', fields.status),
      ...validator.validateComponent('IssueTypeDetails', fields.issuetype),
      ...validator.validateComponent('ProjectDetails', fields.project),
      ...validator.validateComponent('UserDetails', fields.reporter),
      ...validator.validateComponent('Fields', parent.fields),
      ...(fields.assignee === null ? [] : validator.validateComponent('UserDetails', fields.assignee))
    ];
    expect(problems).toEqual([]);
    expect(fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(fields.issuetype).toMatchObject({ hierarchyLevel: -1, subtask: true });
    expect((fields.status as { statusCategory: { key: string } }).statusCategory.key).toMatch(
      /^(new|indeterminate|done)$/
    );
  });

  it('answers an unknown path with a 404 naming it', () => {
    const response = jira.handle({
      method: 'GET',
      path: '/rest/api/3/dashboard',
      query: new URLSearchParams(),
      body: undefined,
      principal: bob
    });
    expect(response).toEqual({
      status: 404,
      body: { errorMessages: ['The local Jira does not implement GET /rest/api/3/dashboard.'], errors: {} }
    });
  });
});
