import { LocalJira } from './local-jira';
import { asApp, asUser, JiraTestClient } from './jira-test-client';
import { withOpenApiValidation } from './openapi-validator';
import { createDemoSeed, DEMO_USERS } from './seed';

/** Who sees what: project grants, issue-level security, global admin, and the app. */
const seed = createDemoSeed();
const client = new JiraTestClient(withOpenApiValidation(new LocalJira(seed)));
const [alice, bob, carol, dave, grace] = [
  DEMO_USERS.alice,
  DEMO_USERS.bob,
  DEMO_USERS.carol,
  DEMO_USERS.dave,
  DEMO_USERS.grace
].map(asUser) as [
  ReturnType<typeof asUser>,
  ReturnType<typeof asUser>,
  ReturnType<typeof asUser>,
  ReturnType<typeof asUser>,
  ReturnType<typeof asUser>
];
/** The "Trust and safety" level; the "Legal hold" level also keeps apps out. */
const restricted = seed.issues.filter((issue) => issue.securityLevel?.id === '10200');
const legalHold = seed.issues.find((issue) => issue.securityLevel?.id === '10201')!;
const legal = seed.projects.find((project) => project.addonsRoleBrowse === false)!;
const themed = seed.issues.filter((issue) => issue.projectId !== legal.id);
const open = seed.issues.find((issue) => !issue.securityLevel && issue.projectId === '10000')!;

type Perms = { permissions: Record<string, { havePermission: boolean }> };
const have = (perms: Perms): Record<string, boolean> =>
  Object.fromEntries(Object.entries(perms.permissions).map(([key, value]) => [key, value.havePermission]));
const KEYS = 'BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER,ADMINISTER_PROJECTS';

describe('LocalJira permissions', () => {
  it('has two security-restricted issues in the demo seed', () => {
    expect(restricted).toHaveLength(2);
  });

  it('hides a security-restricted issue from carol but not from alice, bob (cleared group) or the app', () => {
    for (const issue of restricted) {
      expect(client.get(carol, `/rest/api/3/issue/${issue.id}`)).toEqual({
        status: 404,
        body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} }
      });
      expect(client.get(carol, `/rest/api/3/issue/${issue.key}`).status).toBe(404);
      expect(client.get(alice, `/rest/api/3/issue/${issue.id}`).status).toBe(200);
      expect(client.get(bob, `/rest/api/3/issue/${issue.id}`).status).toBe(200);
      expect(client.get(grace, `/rest/api/3/issue/${issue.id}`).status).toBe(200);
      expect(client.get(asApp, `/rest/api/3/issue/${issue.id}`).status).toBe(200);
    }
    expect(client.get(carol, `/rest/api/3/issue/${open.id}`).status).toBe(200);
  });

  it('lets the app see only what its add-ons role may: no project that lost Browse, no level without it', () => {
    expect(client.get(alice, `/rest/api/3/issue/${legalHold.id}`).status).toBe(200);
    expect(client.get(asApp, `/rest/api/3/issue/${legalHold.id}`).status).toBe(404);
    const legalIssue = seed.issues.find((issue) => issue.projectId === legal.id)!;
    expect(client.get(bob, `/rest/api/3/issue/${legalIssue.id}`).status).toBe(200);
    expect(client.get(asApp, `/rest/api/3/issue/${legalIssue.id}`).status).toBe(404);
    expect(client.get(asApp, `/rest/api/3/project/${legal.id}`).status).toBe(404);
    const listed = client.json<{ values: { key: string }[] }>(asApp, 'GET', '/rest/api/3/project/search');
    expect(listed.values.map((p) => p.key)).toEqual(['CHK', 'MOB', 'PLT']);
  });

  it('bulk fetch leaves out what the caller cannot see or what does not exist; issueErrors are retriable only', () => {
    const jira = new LocalJira(seed);
    const bulk = new JiraTestClient(withOpenApiValidation(jira));
    const fetch = (principal: typeof asApp, ids: string[]) =>
      bulk.json<{ issues: { id: string }[]; issueErrors: { id: string }[] }>(
        principal,
        'POST',
        '/rest/api/3/issue/bulkfetch',
        { issueIdsOrKeys: ids, fields: ['summary'] }
      );
    const ids = [legalHold.id, open.id, restricted[0]!.id, '99999'];
    expect(fetch(asApp, ids)).toEqual({
      issues: [expect.objectContaining({ id: open.id }), expect.objectContaining({ id: restricted[0]!.id })],
      issueErrors: []
    });
    expect(fetch(carol, ids)).toEqual({
      issues: [expect.objectContaining({ id: open.id })],
      issueErrors: []
    });
    jira.failBulkFetch(open.id);
    expect(fetch(asApp, ids)).toMatchObject({
      issues: [{ id: restricted[0]!.id }],
      issueErrors: [{ id: open.id }]
    });
    expect(fetch(asApp, ids).issues).toHaveLength(2);
  });

  it('gives dave a 404 for every issue and no projects', () => {
    for (const issue of seed.issues.slice(0, 25))
      expect(client.get(dave, `/rest/api/3/issue/${issue.id}`).status).toBe(404);
    expect(client.json(dave, 'GET', '/rest/api/3/project/search')).toMatchObject({
      total: 0,
      values: [],
      isLast: true
    });
    expect(
      client.json(dave, 'POST', '/rest/api/3/search/jql', {
        jql: 'statusCategory in (new, indeterminate, done)'
      })
    ).toEqual({
      issues: [],
      isLast: true
    });
    // As in Jira, naming a project you cannot see is an error, not an empty result.
    expect(client.call(dave, 'POST', '/rest/api/3/search/jql', { jql: 'project = CHK' })).toEqual({
      status: 400,
      body: { errorMessages: ["The value 'CHK' does not exist for the field 'project'."], errors: {} }
    });
  });

  it('lets alice search every issue, and keeps restricted ones out of carol’s results', () => {
    const all = (principal: ReturnType<typeof asUser>): string[] => {
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const page = client.json<{ issues: { id: string }[]; nextPageToken?: string }>(
          principal,
          'POST',
          '/rest/api/3/search/jql',
          {
            jql: 'project in (CHK, MOB, PLT)',
            maxResults: 5000,
            ...(token ? { nextPageToken: token } : {})
          }
        );
        ids.push(...page.issues.map((issue) => issue.id));
        token = page.nextPageToken;
      } while (token);
      return ids;
    };
    expect(all(alice)).toHaveLength(themed.length);
    const carols = all(carol);
    expect(carols).toHaveLength(themed.length - restricted.length - 1);
    expect(carols).not.toContain(legalHold.id);
    for (const issue of restricted) expect(carols).not.toContain(issue.id);
  });

  it('reads a Reporter grant for "any issue" in project and global contexts, per issue otherwise', () => {
    const platform = seed.projects[2]!;
    const mine = seed.issues.find(
      (i) => i.projectId === platform.id && i.reporterAccountId === DEMO_USERS.grace
    )!;
    const others = seed.issues.find(
      (i) => i.projectId === platform.id && i.reporterAccountId === DEMO_USERS.bob
    )!;
    const edit = (query: string) =>
      have(client.json<Perms>(grace, 'GET', `/rest/api/3/mypermissions?permissions=EDIT_ISSUES${query}`))
        .EDIT_ISSUES;
    // Grace only browses, but any user can be a reporter: Jira says yes for the project…
    expect(edit(`&projectId=${platform.id}`)).toBe(true);
    expect(edit('')).toBe(true);
    // …and decides per issue when asked about one.
    expect(edit(`&issueId=${mine.id}`)).toBe(true);
    expect(edit(`&issueId=${others.id}`)).toBe(false);
    expect(edit(`&projectId=${seed.projects[0]!.id}`)).toBe(false);
    expect(client.call(grace, 'PUT', `/rest/api/3/issue/${others.id}/properties/x`, 1).status).toBe(403);
    expect(client.call(grace, 'PUT', `/rest/api/3/issue/${mine.id}/properties/x`, 1).status).toBe(201);
  });

  it('answers mypermissions per context as Jira does', () => {
    expect(have(client.json<Perms>(alice, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}`))).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      ADMINISTER: true,
      ADMINISTER_PROJECTS: true
    });
    expect(
      have(client.json<Perms>(bob, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}&issueId=${open.id}`))
    ).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      ADMINISTER: false,
      // bob leads CHK.
      ADMINISTER_PROJECTS: true
    });
    expect(
      have(
        client.json<Perms>(
          bob,
          'GET',
          `/rest/api/3/mypermissions?permissions=ADMINISTER_PROJECTS&projectKey=MOB`
        )
      )
    ).toEqual({
      ADMINISTER_PROJECTS: false
    });
    expect(
      have(
        client.json<Perms>(carol, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}&issueKey=${open.key}`)
      )
    ).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: false,
      ADMINISTER: false,
      ADMINISTER_PROJECTS: false
    });
    // Global context: a project permission counts if held in any project — and a Reporter
    // grant (Platform's scheme) counts for anyone, who could be some issue's reporter.
    expect(have(client.json<Perms>(dave, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}`))).toEqual({
      BROWSE_PROJECTS: false,
      EDIT_ISSUES: true,
      ADMINISTER: false,
      ADMINISTER_PROJECTS: false
    });
    expect(
      client.get(dave, `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectId=10000`).status
    ).toBe(404);
    expect(
      client.get(carol, `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueId=${restricted[0]!.id}`)
        .status
    ).toBe(404);
    expect(client.get(carol, '/rest/api/3/mypermissions').status).toBe(400);
    const entry = client.json<{ permissions: Record<string, unknown> }>(
      bob,
      'GET',
      '/rest/api/3/mypermissions?permissions=EDIT_ISSUES'
    );
    expect(entry.permissions.EDIT_ISSUES).toEqual({
      id: '12',
      key: 'EDIT_ISSUES',
      name: 'Edit Issues',
      type: 'PROJECT',
      description: 'Ability to edit issues.',
      havePermission: true
    });
  });

  it('answers the bulk permission check per permission, for the caller or a named user', () => {
    const issues = [Number(open.id), Number(restricted[0]!.id), 1];
    const body = {
      globalPermissions: ['ADMINISTER', 'USER_PICKER'],
      projectPermissions: [
        { permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issues, projects: [10000, 10001, 99999] },
        { permissions: ['EDIT_ISSUES'], projects: [10002] }
      ]
    };
    expect(client.json(carol, 'POST', '/rest/api/3/permissions/check', body)).toEqual({
      globalPermissions: ['USER_PICKER'],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', issues: [Number(open.id)], projects: [10000, 10001] },
        { permission: 'EDIT_ISSUES', issues: [], projects: [] }
      ]
    });
    expect(
      client.json(asApp, 'POST', '/rest/api/3/permissions/check', { ...body, accountId: DEMO_USERS.bob })
    ).toEqual({
      globalPermissions: ['USER_PICKER'],
      projectPermissions: [
        {
          permission: 'BROWSE_PROJECTS',
          issues: [Number(open.id), Number(restricted[0]!.id)],
          projects: [10000, 10001]
        },
        {
          permission: 'EDIT_ISSUES',
          issues: [Number(open.id), Number(restricted[0]!.id)],
          projects: [10000, 10001, 10002]
        }
      ]
    });
    expect(
      client.json(alice, 'POST', '/rest/api/3/permissions/check', { accountId: DEMO_USERS.dave, ...body })
    ).toEqual({
      globalPermissions: ['USER_PICKER'],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', issues: [], projects: [] },
        { permission: 'EDIT_ISSUES', issues: [], projects: [] }
      ]
    });
    expect(
      client.call(bob, 'POST', '/rest/api/3/permissions/check', {
        accountId: DEMO_USERS.carol,
        globalPermissions: ['ADMINISTER']
      }).status
    ).toBe(403);
    expect(
      client.call(bob, 'POST', '/rest/api/3/permissions/check', {
        projectPermissions: [{ permissions: [], projects: [10000] }]
      }).status
    ).toBe(400);
    expect(
      client.call(bob, 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['EDIT_ISSUES'] })
    ).toEqual({
      status: 400,
      body: { errorMessages: [], errors: { EDIT_ISSUES: 'Unrecognized permission' } }
    });
  });

  it('lists only the projects a user may see, paged', () => {
    const page = client.json<{
      values: { key: string }[];
      total: number;
      isLast: boolean;
      nextPage?: string;
    }>(carol, 'GET', '/rest/api/3/project/search?maxResults=2&orderBy=-key');
    expect(page.values.map((p) => p.key)).toEqual(['PLT', 'MOB']);
    expect(page).toMatchObject({ total: 4, isLast: false });
    expect(page.nextPage).toContain('startAt=2');
    expect(
      client.json<{ values: unknown[] }>(bob, 'GET', '/rest/api/3/project/search?action=edit').values
    ).toHaveLength(1);
    expect(
      client.json<{ values: unknown[] }>(carol, 'GET', '/rest/api/3/project/search?query=mobile').values
    ).toHaveLength(1);
    expect(client.get(dave, '/rest/api/3/project/10000')).toEqual({
      status: 404,
      body: { errorMessages: ["No project could be found with id '10000'."], errors: {} }
    });
  });

  it('describes users and their groups', () => {
    expect(client.json(carol, 'GET', `/rest/api/3/myself`)).toMatchObject({
      accountId: DEMO_USERS.carol,
      displayName: 'Carol Viewer',
      active: true
    });
    expect(client.json(asApp, 'GET', `/rest/api/3/myself`)).toMatchObject({ accountType: 'app' });
    const groups = client.json<{ name: string }[]>(
      bob,
      'GET',
      `/rest/api/3/user/groups?accountId=${DEMO_USERS.alice}`
    );
    expect(groups.map((g) => g.name)).toEqual(['jira-administrators', 'jira-software-users']);
    const bulk = client.json<{ values: { accountId: string }[]; total: number }>(
      bob,
      'GET',
      `/rest/api/3/user/bulk?accountId=${DEMO_USERS.alice}&accountId=${DEMO_USERS.carol}&accountId=unknown`
    );
    expect(bulk.total).toBe(2);
    expect(bulk.values.map((u) => u.accountId)).toEqual([DEMO_USERS.alice, DEMO_USERS.carol]);
  });

  it('finds groups by part of their name for users who may browse a project, and nobody else', () => {
    type Found = { header: string; total: number; groups: { name: string; html: string }[] };
    const found = client.json<Found>(carol, 'GET', '/rest/api/3/groups/picker?query=cx&maxResults=1');
    expect(found).toMatchObject({ header: 'Showing 1 of 2 matching groups', total: 2 });
    expect(found.groups).toEqual([
      expect.objectContaining({ name: 'cx-contributors', html: '<b>cx</b>-contributors' })
    ]);
    // Case matters unless the caller says otherwise, as documented.
    expect(client.json<Found>(carol, 'GET', '/rest/api/3/groups/picker?query=CX').total).toBe(0);
    expect(
      client
        .json<Found>(carol, 'GET', '/rest/api/3/groups/picker?query=CX&caseInsensitive=true')
        .groups.map((g) => g.name)
    ).toEqual(['cx-contributors', 'cx-curators']);
    // Dave may browse no project: an empty list, not an error.
    expect(client.json<Found>(dave, 'GET', '/rest/api/3/groups/picker?query=viewers')).toMatchObject({
      total: 0,
      groups: []
    });
  });
});
