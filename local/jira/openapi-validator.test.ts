import type { JiraRequest, JiraService } from '../host/services';
import { openApiFile } from './openapi-location';
import { OpenApiValidator, withOpenApiValidation } from './openapi-validator';
import { toJsonSchema } from './openapi-schema';

const validator = OpenApiValidator.platform();

function request(method: string, url: string, body?: unknown): JiraRequest {
  const parsed = new URL(url, 'http://local.invalid');
  return { method, path: parsed.pathname, query: parsed.searchParams, body, principal: { kind: 'app' } };
}

describe('OpenApiValidator', () => {
  it('matches concrete paths to templates, literal segments first', () => {
    expect(validator.locate('GET', '/rest/api/3/issue/CHK-1')?.template).toBe(
      '/rest/api/3/issue/{issueIdOrKey}'
    );
    expect(validator.locate('POST', '/rest/api/3/issue/bulkfetch')?.template).toBe(
      '/rest/api/3/issue/bulkfetch'
    );
    expect(validator.locate('GET', '/rest/api/3/project/search')?.template).toBe(
      '/rest/api/3/project/search'
    );
    expect(validator.locate('GET', '/rest/api/3/project/CHK')?.template).toBe(
      '/rest/api/3/project/{projectIdOrKey}'
    );
    expect(validator.locate('GET', '/rest/api/3/issue/10001/properties/a%2Fb')?.pathParams).toEqual({
      issueIdOrKey: '10001',
      propertyKey: 'a/b'
    });
    expect(validator.locate('PATCH', '/rest/api/3/myself')).toBeUndefined();
  });

  it('checks responses: schema, undocumented status, 204 without body, errors as ErrorCollection', () => {
    expect(
      validator.validateResponse('GET', '/rest/api/3/myself', 200, {
        accountId: 'x',
        displayName: 'X',
        active: true
      })
    ).toEqual([]);
    expect(
      validator.validateResponse('GET', '/rest/api/3/myself', 200, { accountId: 'x', nickname: 'X' })
    ).toEqual(["response body must NOT have additional properties 'nickname'"]);
    expect(validator.validateResponse('GET', '/rest/api/3/myself', 200, { accountId: 42 })[0]).toMatch(
      /accountId must be string/
    );
    expect(validator.validateResponse('GET', '/rest/api/3/myself', 418, {})[0]).toMatch(
      /status 418 is not documented/
    );
    expect(
      validator.validateResponse('DELETE', '/rest/api/3/issue/1/properties/k', 204, { ok: true })[0]
    ).toMatch(/no body/);
    expect(
      validator.validateResponse('GET', '/rest/api/3/issue/1', 404, { message: 'nope' }).length
    ).toBeGreaterThan(0);
    expect(
      validator.validateResponse('GET', '/rest/api/3/issue/1', 404, { errorMessages: ['nope'], errors: {} })
    ).toEqual([]);
    expect(
      validator.validateResponse('GET', '/rest/api/3/issue/1', 503, { errorMessages: ['down'], errors: {} })
    ).toEqual([]);
    expect(
      validator.validateResponse('POST', '/rest/api/3/permissions/check', 200, { globalPermissions: [] })[0]
    ).toMatch(/must have required property 'projectPermissions'/);
  });

  it('checks requests: unknown and missing parameters, parameter types, bodies', () => {
    expect(
      validator.validateRequest('GET', '/rest/api/3/user/groups', new URLSearchParams(), undefined)
    ).toEqual(["required query parameter 'accountId' is missing"]);
    expect(
      validator.validateRequest(
        'GET',
        '/rest/api/3/issue/1',
        new URLSearchParams('feilds=summary'),
        undefined
      )[0]
    ).toMatch(/query parameter 'feilds' is not defined/);
    expect(
      validator.validateRequest(
        'GET',
        '/rest/api/3/search/jql',
        new URLSearchParams('jql=x&maxResults=many'),
        undefined
      )[0]
    ).toMatch(/maxResults.*must be integer/);
    expect(
      validator.validateRequest(
        'GET',
        '/rest/api/3/search/jql',
        new URLSearchParams('jql=x&maxResults=10&fields=a,b'),
        undefined
      )
    ).toEqual([]);
    expect(
      validator.validateRequest('POST', '/rest/api/3/search/jql', new URLSearchParams(), {
        jql: 'x',
        limit: 5
      })[0]
    ).toMatch(/additional properties 'limit'/);
    expect(
      validator.validateRequest('POST', '/rest/api/3/search/jql', new URLSearchParams(), undefined)[0]
    ).toMatch(/requires a request body/);
    expect(
      validator.validateRequest('GET', '/rest/api/3/myself', new URLSearchParams(), { a: 1 })[0]
    ).toMatch(/takes no request body/);
    expect(
      validator.validateRequest('PUT', '/rest/api/3/app/field/customfield_1/value', new URLSearchParams(), {
        updates: [{ issueIds: ['10001'], value: 1 }]
      })[0]
    ).toMatch(/issueIds\/0 must be integer/);
    expect(
      validator.validateRequest('GET', '/rest/api/3/nowhere', new URLSearchParams(), undefined)[0]
    ).toMatch(/not an operation/);
  });

  it('converts OpenAPI nullable and direction-only properties to JSON Schema', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, enum: ['a'] }, 'response')).toEqual({
      type: ['string', 'null'],
      enum: ['a', null]
    });
    expect(toJsonSchema({ $ref: '#/components/schemas/User', nullable: true }, 'response')).toEqual({
      anyOf: [{ $ref: 'jira-openapi#/components/schemas/User' }, { type: 'null' }]
    });
    const schema = {
      type: 'object',
      required: ['id', 'secret'],
      properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } }
    };
    expect(toJsonSchema(schema, 'request')).toMatchObject({ required: ['secret'] });
    expect(toJsonSchema(schema, 'response')).toMatchObject({ required: ['id'] });
    // A property may be called `nullable` or `example`: only keywords are dropped.
    expect(toJsonSchema({ type: 'object', properties: { example: { type: 'string' } } }, 'response')).toEqual(
      {
        type: 'object',
        properties: { example: { type: 'string' } }
      }
    );
    expect(validator.validateComponent('GroupName', { name: 'g', groupId: null })).toEqual([]);
  });

  it('finds the description beside the repository or through JIRA_OPENAPI_DIR, and says where it looked', () => {
    expect(openApiFile()).toMatch(/jira-openapi[\\/]platform\.v3\.json$/);
    const saved = process.env.JIRA_OPENAPI_DIR;
    process.env.JIRA_OPENAPI_DIR = '/nowhere/at/all';
    try {
      expect(() => openApiFile()).toThrow(
        /not found at \/nowhere\/at\/all\/platform\.v3\.json.*JIRA_OPENAPI_DIR/
      );
    } finally {
      if (saved === undefined) delete process.env.JIRA_OPENAPI_DIR;
      else process.env.JIRA_OPENAPI_DIR = saved;
    }
  });
});

describe('withOpenApiValidation', () => {
  // A Jira that answers in shapes real Jira never uses.
  const broken: JiraService = {
    handle: ({ path }) => {
      if (path === '/rest/api/3/myself')
        return { status: 200, body: { accountId: 'x', name: 'X', favouriteColour: 'teal' } };
      if (path.startsWith('/rest/api/3/issue/'))
        return { status: 200, body: { id: 10001, key: 'CHK-1', fields: {} } };
      if (path === '/rest/api/3/search/jql')
        return { status: 200, body: { issues: [], total: 0, isLast: true } };
      return { status: 404, body: { error: 'not here' } };
    }
  };
  const wrapped = withOpenApiValidation(broken);

  it('rejects a response that does not conform, naming the violations', () => {
    expect(() => wrapped.handle(request('GET', '/rest/api/3/myself'))).toThrow(
      /Jira response 200 to GET \/rest\/api\/3\/myself does not conform[\s\S]*'favouriteColour'/
    );
    expect(() => wrapped.handle(request('GET', '/rest/api/3/issue/CHK-1'))).toThrow(/\/id must be string/);
    expect(() => wrapped.handle(request('POST', '/rest/api/3/search/jql', { jql: 'project = CHK' }))).toThrow(
      /'total'/
    );
    expect(() => wrapped.handle(request('GET', '/rest/api/3/project/NOPE'))).toThrow(
      /additional properties 'error'/
    );
  });

  it('rejects a request that does not conform before the service sees it', () => {
    let calls = 0;
    const counting = withOpenApiValidation({
      handle: () => {
        calls += 1;
        return { status: 200, body: [] };
      }
    });
    expect(() => counting.handle(request('GET', '/rest/api/3/user/groups'))).toThrow(
      /Jira request GET \/rest\/api\/3\/user\/groups[\s\S]*accountId/
    );
    expect(() => counting.handle(request('GET', '/rest/api/2/issue/1'))).toThrow(/not an operation/);
    expect(calls).toBe(0);
    expect(counting.handle(request('GET', '/rest/api/3/user/groups?accountId=abc'))).toEqual({
      status: 200,
      body: []
    });
    expect(calls).toBe(1);
  });
});
