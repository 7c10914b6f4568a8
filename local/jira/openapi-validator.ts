import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import type { JiraRequest, JiraService, ServiceResponse } from '../host/services';
import { openApiFile } from './openapi-location';
import { DOCUMENT_ID, toJsonSchema, type Direction, type JsonSchema } from './openapi-schema';
import { matchSegments, moreSpecific, splitPath } from './router';

/**
 * Checks requests and responses against Atlassian's OpenAPI description of Jira Cloud,
 * so the local Jira cannot drift from real Jira's shapes unnoticed and the app cannot
 * call an endpoint or parameter that does not exist. The document is read once per
 * process; each operation's schemas are compiled on first use and cached.
 */
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

interface Located {
  template: string;
  operation: Operation;
  pathParams: Record<string, string>;
}

/** Statuses any endpoint may answer (gateway, throttling, outage) though rarely documented. */
const ALWAYS_ALLOWED = new Set([429, 500, 502, 503, 504]);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
const MAX_REPORTED = 15;

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, MAX_REPORTED).map((error) => {
    const params = error.params as Record<string, unknown>;
    const extra = typeof params.additionalProperty === 'string' ? ` '${params.additionalProperty}'` : '';
    return `${where}${error.instancePath} ${error.message ?? 'is invalid'}${extra}`;
  });
}

/** Query values arrive as strings; give the schema the types it describes. */
function coerce(value: string, schema: JsonSchema | undefined): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export class OpenApiValidator {
  private readonly byLength = new Map<number, { template: string; segments: string[] }[]>();
  private readonly ajv = new Map<Direction, Ajv>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    for (const template of Object.keys(document.paths)) {
      const segments = splitPath(template);
      const list = this.byLength.get(segments.length) ?? [];
      list.push({ template, segments });
      this.byLength.set(segments.length, list);
    }
  }

  /** The validator for the platform description, read from disk once per process. */
  static platform(): OpenApiValidator {
    shared ??= new OpenApiValidator(
      JSON.parse(readFileSync(openApiFile('platform.v3.json'), 'utf8')) as OpenApiDocument
    );
    return shared;
  }

  /** Finds the documented operation for a concrete path, preferring literal segments. */
  locate(method: string, concretePath: string): Located | undefined {
    const concrete = splitPath(concretePath);
    const verb = method.toLowerCase();
    let best: (Located & { specificity: number[] }) | undefined;
    for (const candidate of this.byLength.get(concrete.length) ?? []) {
      const operation = this.document.paths[candidate.template]?.[verb];
      if (!operation || !METHODS.has(verb)) continue;
      const match = matchSegments(candidate.segments, concrete);
      if (match && (!best || moreSpecific(match.specificity, best.specificity))) {
        best = {
          template: candidate.template,
          operation,
          pathParams: match.params,
          specificity: match.specificity
        };
      }
    }
    return best
      ? { template: best.template, operation: best.operation, pathParams: best.pathParams }
      : undefined;
  }

  validateRequest(method: string, concretePath: string, query: URLSearchParams, body: unknown): string[] {
    const located = this.locate(method, concretePath);
    if (!located)
      return [`${method.toUpperCase()} ${concretePath} is not an operation of the Jira platform REST API`];
    const { operation, template, pathParams } = located;
    const problems: string[] = [];
    const parameters = operation.parameters ?? [];
    const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(query.keys())) {
      if (!known.has(name))
        problems.push(`query parameter '${name}' is not defined for ${method.toUpperCase()} ${template}`);
    }
    for (const parameter of parameters) {
      if (parameter.in !== 'query' && parameter.in !== 'path') continue;
      const raw = parameter.in === 'path' ? [pathParams[parameter.name] ?? ''] : query.getAll(parameter.name);
      if (raw.length === 0) {
        if (parameter.required) problems.push(`required query parameter '${parameter.name}' is missing`);
        continue;
      }
      if (!parameter.schema) continue;
      const schema = parameter.schema;
      const value =
        schema.type === 'array'
          ? raw
              .flatMap((item) => item.split(','))
              .map((item) => coerce(item, schema.items as JsonSchema | undefined))
          : coerce(raw[0] ?? '', schema);
      const validate = this.compile('request', `param:${method}:${template}:${parameter.name}`, schema);
      if (!validate(value))
        problems.push(...formatErrors(`${parameter.in} parameter '${parameter.name}'`, validate.errors));
    }
    const requestBody = operation.requestBody;
    if (!requestBody) {
      if (body !== undefined) problems.push(`${method.toUpperCase()} ${template} takes no request body`);
    } else if (body === undefined) {
      if (requestBody.required) problems.push(`${method.toUpperCase()} ${template} requires a request body`);
    } else {
      const schema = requestBody.content?.['application/json']?.schema;
      if (schema !== undefined) {
        const validate = this.compile('request', `body:${method}:${template}`, schema);
        if (!validate(body)) problems.push(...formatErrors('request body', validate.errors));
      }
    }
    return problems;
  }

  validateResponse(method: string, concretePath: string, status: number, body: unknown): string[] {
    const located = this.locate(method, concretePath);
    if (!located)
      return [`${method.toUpperCase()} ${concretePath} is not an operation of the Jira platform REST API`];
    const { operation, template } = located;
    const responses = operation.responses ?? {};
    const key = [String(status), `${String(status).charAt(0)}XX`, 'default'].find(
      (candidate) => candidate in responses
    );
    if (key === undefined) {
      if (ALWAYS_ALLOWED.has(status))
        return this.validateComponent('ErrorCollection', body, 'response', 'response body');
      return [
        `status ${status} is not documented for ${method.toUpperCase()} ${template} (documented: ${Object.keys(responses).join(', ')})`
      ];
    }
    if (status === 204)
      return body === undefined ? [] : [`a 204 response from ${template} must have no body`];
    const schema = (responses[key] as { content?: Record<string, { schema?: unknown }> }).content?.[
      'application/json'
    ]?.schema;
    if (schema === undefined) {
      // Jira answers every error with an ErrorCollection even where the description
      // leaves the error response without content; hold the local Jira to that.
      if (status >= 400) return this.validateComponent('ErrorCollection', body, 'response', 'response body');
      return body === undefined ? [] : [`status ${status} of ${template} is documented without a body`];
    }
    const validate = this.compile('response', `response:${method}:${template}:${key}`, schema);
    return validate(body) ? [] : formatErrors('response body', validate.errors);
  }

  /** Validates a value against one named schema of `#/components/schemas`. */
  validateComponent(name: string, value: unknown, direction: Direction = 'response', where = name): string[] {
    if (!(name in this.document.components.schemas)) return [`no schema named ${name} in the description`];
    const validate = this.compile(direction, `component:${name}`, { $ref: `#/components/schemas/${name}` });
    return validate(value) ? [] : formatErrors(where, validate.errors);
  }

  private compile(direction: Direction, cacheKey: string, schema: unknown): ValidateFunction {
    const key = `${direction}|${cacheKey}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.instance(direction).compile(toJsonSchema(schema, direction) as JsonSchema);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** One ajv per direction, holding the whole components section converted once. */
  private instance(direction: Direction): Ajv {
    let ajv = this.ajv.get(direction);
    if (ajv) return ajv;
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    // Formats the description uses that ajv-formats lacks are annotations only.
    for (const format of ['double', 'int32', 'int64', 'float', 'binary', 'byte', 'url', 'password']) {
      if (!ajv.formats[format]) ajv.addFormat(format, true);
    }
    ajv.addSchema({
      $id: DOCUMENT_ID,
      components: { schemas: toJsonSchema(this.document.components.schemas, direction) }
    });
    this.ajv.set(direction, ajv);
    return ajv;
  }
}

let shared: OpenApiValidator | undefined;

/**
 * Wraps a JiraService so every request and response is checked against the description;
 * a violation throws, naming the operation and what did not conform.
 */
export function withOpenApiValidation(
  jira: JiraService,
  validator: OpenApiValidator = OpenApiValidator.platform()
): JiraService {
  return {
    handle(request: JiraRequest): ServiceResponse {
      // The Jira Service Management API has its own description, not kept beside this
      // one: its local routes follow the JSM REST pages (see their files) unchecked here.
      if (request.path.startsWith('/rest/servicedeskapi/')) return jira.handle(request);
      const label = `${request.method.toUpperCase()} ${request.path}`;
      const requestProblems = validator.validateRequest(
        request.method,
        request.path,
        request.query,
        request.body
      );
      if (requestProblems.length > 0) {
        throw new Error(
          `Jira request ${label} does not conform to the OpenAPI description:\n - ${requestProblems.join('\n - ')}`
        );
      }
      const response = jira.handle(request);
      const responseProblems = validator.validateResponse(
        request.method,
        request.path,
        response.status,
        response.body
      );
      if (responseProblems.length > 0) {
        throw new Error(
          `Jira response ${response.status} to ${label} does not conform to the OpenAPI description:\n - ${responseProblems.join('\n - ')}`
        );
      }
      return response;
    }
  };
}
