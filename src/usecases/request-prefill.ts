import type { RequestPrefillView, RequestTargetProjectView } from '../contract/views';
import { accountKeyOrNull } from '../domain/account';
import { organizationsOf, readServiceRequest } from '../jira/service-desk-request';
import { productProjects } from '../jira/service-desk-target-projects';
import type { Actor } from './actor';
import { accountForCapture } from './account-survivor';
import { projectCapabilities } from './capabilities';
import { getImportMappings } from './import-mappings';
import { severityOfPriority } from './request-severity';

/**
 * What the "Send to customer evidence" action starts from, read as the acting user: the
 * request (JSM answers 404 to whoever may not access it, and so does this), its
 * customer's organization resolved to the account the app already has under that name
 * (an alias of a merged account leads to the survivor; the stored name is shown, never
 * replaced), the severity its priority maps to in the target project, and the projects
 * the user contributes to. The request, its organizations and the user's projects are
 * read at once.
 */
export async function prefillFromRequest(
  actor: Actor,
  requestIssueId: string,
  wantedProjectId: string | undefined
): Promise<RequestPrefillView> {
  const [request, projects] = await Promise.all([
    readServiceRequest(requestIssueId),
    contributedProjects(actor)
  ]);
  const projectId = projects.find((p) => p.id === wantedProjectId)?.id ?? projects[0]?.id ?? null;
  const [organizations, saved] = await Promise.all([
    request.reporterAccountId ? organizationsOf(request.reporterAccountId) : Promise.resolve([]),
    projectId ? getImportMappings(projectId) : Promise.resolve(null)
  ]);
  const first = organizations[0];
  const { severity, from } = severityOfPriority(request.priority, saved);
  return {
    request: {
      issueKey: request.issueKey,
      summary: request.summary,
      quote: request.description,
      priority: request.priority ?? null,
      url: request.url ?? null
    },
    account: first === undefined ? null : await knownAccount(first),
    organizations,
    severity,
    severityFrom: from,
    projects,
    projectId
  };
}

/** The account an organization's name joins, by its stored name when the app has it. */
async function knownAccount(name: string): Promise<{ name: string; known: boolean }> {
  const key = accountKeyOrNull(name);
  if (key === null) return { name, known: false };
  const { account } = await accountForCapture(key);
  return account ? { name: account.name, known: true } : { name, known: false };
}

/** Product projects where the user may capture evidence (contributors and curators). */
async function contributedProjects(actor: Actor): Promise<RequestTargetProjectView[]> {
  const candidates = await productProjects();
  const capabilities = await Promise.all(
    candidates.map((project) => projectCapabilities(actor.accountId, project.id))
  );
  return candidates.filter((_project, index) => capabilities[index]?.contribute === true);
}
