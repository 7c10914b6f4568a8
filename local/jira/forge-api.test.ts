import api, { route } from '@forge/api';
import { ForgeHost } from '../host/forge-host';
import { LocalJira } from './local-jira';
import { withOpenApiValidation } from './openapi-validator';
import { createDemoSeed, DEMO_APP_FIELD, DEMO_USERS } from './seed';

/**
 * The real `@forge/api` SDK, unmodified, talking to the local Jira through the local
 * Forge host: `asUser()` answers with the invoking user's permissions, `asApp()` with
 * the app's, and every call is checked against the OpenAPI description on the way.
 */
describe('@forge/api against the local Jira', () => {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 30 });
  const jira = new LocalJira(seed);
  const host = new ForgeHost({ kvs: { handle: () => ({ status: 500 }) }, jira: withOpenApiValidation(jira) });
  const restricted = seed.issues.find((issue) => issue.securityLevel)!;
  const story = seed.issues.find((issue) => issue.parentId && issue.issueTypeId === '10001')!;
  const as = <T>(accountId: string | undefined, fn: () => Promise<T>) =>
    host.scope.run({ accountId, cloudId: 'c' }, fn);

  beforeAll(() => host.install());
  afterAll(() => host.uninstall());

  it('reads an issue as the invoking user, with its parent', async () => {
    const body = await as(DEMO_USERS.carol, async () => {
      const response = await api
        .asUser()
        .requestJira(route`/rest/api/3/issue/${story.id}?fields=summary,parent,issuetype`);
      expect(response.status).toBe(200);
      return (await response.json()) as {
        key: string;
        fields: { parent: { id: string }; issuetype: { hierarchyLevel: number } };
      };
    });
    expect(body.key).toBe(story.key);
    expect(body.fields.parent.id).toBe(story.parentId);
    expect(body.fields.issuetype.hierarchyLevel).toBe(0);
  });

  it('gives the user a 404 for a restricted issue while the app reads it', async () => {
    const asCarol = await as(DEMO_USERS.carol, () =>
      api.asUser().requestJira(route`/rest/api/3/issue/${restricted.id}`)
    );
    expect(asCarol.status).toBe(404);
    expect(await asCarol.json()).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {}
    });
    const asApp = await as(DEMO_USERS.carol, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/${restricted.id}?fields=summary`)
    );
    expect(asApp.status).toBe(200);
    expect(await asApp.json()).toMatchObject({ id: restricted.id, fields: { summary: restricted.summary } });
  });

  it('searches with a POST body and sets an app field value as the app', async () => {
    const search = await as(DEMO_USERS.bob, () =>
      api.asUser().requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ jql: `id in (${story.id}, ${restricted.id})`, fields: ['summary', 'status'] })
      })
    );
    expect(((await search.json()) as { issues: unknown[] }).issues).toHaveLength(2);

    const update = await as(undefined, () =>
      api.asApp().requestJira(route`/rest/api/3/app/field/${DEMO_APP_FIELD.id}/value`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ updates: [{ issueIds: [Number(story.id)], value: 8 }] })
      })
    );
    expect(update.status).toBe(204);
    expect(jira.getAppFieldValue(DEMO_APP_FIELD.id, story.id)).toBe(8);
  });

  it('surfaces an OpenAPI violation in the app’s request as a failed call', async () => {
    await expect(
      as(DEMO_USERS.bob, () => api.asUser().requestJira(route`/rest/api/3/issue/${story.id}?feilds=summary`))
    ).rejects.toThrow(/query parameter 'feilds' is not defined/);
  });
});
