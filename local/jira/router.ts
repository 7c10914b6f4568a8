import type { JiraRequest, ServiceResponse } from '../host/services';

/**
 * Matches concrete paths against OpenAPI-style templates (`/issue/{issueIdOrKey}`).
 * When several templates fit, the one with a literal segment earliest wins, so
 * `/issue/bulkfetch` beats `/issue/{issueIdOrKey}` as it does in Jira.
 */
export type RouteHandler = (request: JiraRequest, params: Record<string, string>) => ServiceResponse;

export interface RouteDefinition {
  method: string;
  template: string;
  handler: RouteHandler;
}

interface Compiled {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export interface TemplateMatch {
  params: Record<string, string>;
  /** Per segment: 1 for a literal, 0 for a parameter; compared lexicographically. */
  specificity: number[];
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Matches concrete segments to template segments; undefined when they do not fit. */
export function matchSegments(
  template: readonly string[],
  concrete: readonly string[]
): TemplateMatch | undefined {
  if (template.length !== concrete.length) return undefined;
  const params: Record<string, string> = {};
  const specificity: number[] = [];
  for (let i = 0; i < template.length; i += 1) {
    const expected = template[i] ?? '';
    const actual = concrete[i] ?? '';
    if (expected.startsWith('{') && expected.endsWith('}')) {
      let decoded = actual;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        // A malformed escape stays as sent; the handler will not find it.
      }
      params[expected.slice(1, -1)] = decoded;
      specificity.push(0);
    } else if (expected === actual) {
      specificity.push(1);
    } else {
      return undefined;
    }
  }
  return { params, specificity };
}

export function moreSpecific(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

export class Router {
  private readonly routes: Compiled[] = [];

  add(definitions: readonly RouteDefinition[]): this {
    for (const { method, template, handler } of definitions) {
      this.routes.push({ method: method.toUpperCase(), segments: splitPath(template), handler });
    }
    return this;
  }

  find(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | undefined {
    const concrete = splitPath(path);
    let best: { handler: RouteHandler; match: TemplateMatch } | undefined;
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const match = matchSegments(route.segments, concrete);
      if (match && (!best || moreSpecific(match.specificity, best.match.specificity)))
        best = { handler: route.handler, match };
    }
    return best ? { handler: best.handler, params: best.match.params } : undefined;
  }
}
