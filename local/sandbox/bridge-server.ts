import { z } from 'zod';
import type { LocalForge, ModuleSite } from '../host/local-forge';
import { contextFor } from '../host/local-forge';
import type { ResolverFunction } from '../host/forge-host';
import { adminResolver } from '../../src/handlers/admin-resolver';
import { panelResolver } from '../../src/handlers/panel-resolver';
import { projectResolver } from '../../src/handlers/project-resolver';
import { requestActionResolver } from '../../src/handlers/request-action-resolver';

/** What the frame's bridge client sends: the call and where the frame is rendered. */
const BridgeRequest = z.object({
  name: z.string(),
  // Bridge calls such as getContext carry no payload (JSON leaves the key out).
  payload: z.unknown().optional(),
  site: z.object({
    module: z.enum(['panel', 'project', 'admin', 'request']),
    issueId: z.string().optional(),
    projectId: z.string().optional(),
    accountId: z.string().optional(),
    theme: z.enum(['light', 'dark'])
  })
});

const InvokePayload = z.object({ functionKey: z.string(), payload: z.unknown().optional() });
const FetchPayload = z.object({
  restPath: z.string(),
  fetchRequestInit: z
    .object({ method: z.string().optional(), body: z.string().nullable().optional() })
    .optional()
});

const RESOLVERS: Record<'panel' | 'project' | 'admin' | 'request', ResolverFunction> = {
  panel: panelResolver as ResolverFunction,
  request: requestActionResolver as ResolverFunction,
  project: projectResolver as ResolverFunction,
  admin: adminResolver as ResolverFunction
};

type Site = z.infer<typeof BridgeRequest>['site'];

function moduleSite(forge: LocalForge, site: Site): ModuleSite {
  // The issue action on a request gets the issue context an issue module gets (the
  // request and its project), which is all the app reads from it.
  if (site.module === 'panel' || site.module === 'request') {
    const issue = forge.seed.issues.find((i) => i.id === site.issueId);
    if (!issue)
      throw new Error(`Unknown issue for the ${site.module === 'panel' ? 'panel' : 'issue action'}`);
    const project = forge.seed.projects.find((p) => p.id === issue.projectId);
    return {
      module: 'issuePanel',
      issueId: issue.id,
      issueKey: issue.key,
      projectId: issue.projectId,
      projectKey: project?.key ?? ''
    };
  }
  if (site.module === 'project') {
    const project = forge.seed.projects.find((p) => p.id === site.projectId);
    if (!project) throw new Error('Unknown project for the project page');
    return { module: 'projectPage', projectId: project.id, projectKey: project.key };
  }
  return { module: 'adminPage' };
}

/**
 * Answers the bridge calls that Jira's host would: `invoke` through the app's real
 * exported resolvers, `getContext` with the frame's real context, and `requestJira` as
 * the acting user against the local Jira.
 */
export async function handleBridgeCall(forge: LocalForge, body: unknown): Promise<unknown> {
  const request = BridgeRequest.parse(body);
  const site = moduleSite(forge, request.site);
  switch (request.name) {
    case 'invoke': {
      const call = InvokePayload.parse(request.payload);
      return forge.invoke(
        RESOLVERS[request.site.module],
        request.site.accountId,
        site,
        call.functionKey,
        call.payload ?? {}
      );
    }
    case 'getContext':
      return {
        accountId: request.site.accountId,
        cloudId: forge.host.cloudId,
        localId: `local-${request.site.module}`,
        locale: 'en-US',
        timezone: 'UTC',
        siteUrl: 'http://localhost',
        environmentType: 'DEVELOPMENT',
        theme: { colorMode: request.site.theme },
        ...contextFor(site)
      };
    case 'fetchProduct': {
      const call = FetchPayload.parse(request.payload);
      const url = new URL(call.restPath, 'http://local.invalid');
      const rawBody = call.fetchRequestInit?.body;
      const answer = forge.jira.handle({
        method: (call.fetchRequestInit?.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        body: rawBody ? (JSON.parse(rawBody) as unknown) : undefined,
        principal: request.site.accountId
          ? { kind: 'user', accountId: request.site.accountId }
          : { kind: 'anonymous' }
      });
      return {
        status: answer.status,
        statusText: String(answer.status),
        headers: { 'content-type': 'application/json', ...(answer.headers ?? {}) },
        body: answer.body === undefined ? '' : JSON.stringify(answer.body)
      };
    }
    default:
      throw new Error(`Unsupported bridge call ${request.name}`);
  }
}
