import type { IntakeSecretView, IntakeSourceLogView, IntakeSourceView } from '../../contract/views';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { IntakeMapping } from '../../domain/intake/presets';
import { browsableProject } from '../../jira/browsable-project';
import { intakeTriggerUrl } from '../../jira/intake-trigger-url';
import { visibleProjects } from '../../jira/visible-projects';
import { requireJiraAdmin } from '../admin-access';
import type { Actor, Env } from '../actor';
import { intakeDeliveryView, intakeSourceView } from './intake-source-view';
import {
  createIntakeSource,
  intakeOverview,
  rotateIntakeSecret,
  setIntakeSourceStatus
} from './manage-sources';

/**
 * The admin page's side of intake: every call is for Jira administrators (checked here,
 * before anything is read or written), and the secret leaves only in the answer to a
 * create or a rotation.
 */

/** Every source with its latest deliveries, and the project key where the admin sees it. */
export async function listIntakeSourcesForAdmin(): Promise<IntakeSourceLogView[]> {
  await requireJiraAdmin();
  const [overview, triggerUrl, projects] = await Promise.all([
    intakeOverview(),
    intakeTriggerUrl(),
    visibleProjects()
  ]);
  const keys = new Map(projects.map((p) => [p.id, p.key]));
  return overview.map(({ source, deliveries }) => ({
    ...intakeSourceView(source, triggerUrl, keys.get(source.projectId)),
    deliveries: deliveries.map(intakeDeliveryView)
  }));
}

/**
 * Creates a source whose insights land in `projectId`. The project must exist and the
 * admin must be able to browse it (Jira is asked as the admin): otherwise a validation
 * error on the project field, and nothing is stored.
 */
export async function createIntakeSourceForAdmin(
  actor: Actor,
  env: Env,
  input: { name: string; projectId: string; mapping: IntakeMapping }
): Promise<IntakeSecretView> {
  await requireJiraAdmin();
  const [project, triggerUrl] = await Promise.all([targetProject(input.projectId), intakeTriggerUrl()]);
  const { source, secret } = await createIntakeSource(actor, env, {
    name: input.name,
    projectId: project.id,
    mapping: input.mapping
  });
  return { source: intakeSourceView(source, triggerUrl, project.key), secret };
}

/** A new secret for a source: deliveries signed with the old one are refused from now on. */
export async function rotateIntakeSecretForAdmin(env: Env, sourceId: string): Promise<IntakeSecretView> {
  await requireJiraAdmin();
  const triggerUrl = await intakeTriggerUrl();
  const { source, secret } = await rotateIntakeSecret(env, sourceId);
  return { source: intakeSourceView(source, triggerUrl, await projectKeyOf(source.projectId)), secret };
}

/** Disables a source (its deliveries answer 404 and store nothing) or enables it again. */
export async function setIntakeSourceStatusForAdmin(
  env: Env,
  sourceId: string,
  status: IntakeSourceView['status']
): Promise<IntakeSourceView> {
  await requireJiraAdmin();
  const triggerUrl = await intakeTriggerUrl();
  const source = await setIntakeSourceStatus(env, sourceId, status);
  return intakeSourceView(source, triggerUrl, await projectKeyOf(source.projectId));
}

async function targetProject(projectId: string): Promise<{ id: string; key: string }> {
  try {
    return await browsableProject(projectId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const message = 'Pick a project that exists and that you can browse.';
    throw new ValidationError(message, [{ path: 'projectId', message }]);
  }
}

async function projectKeyOf(projectId: string): Promise<string | undefined> {
  try {
    return (await browsableProject(projectId)).key;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
