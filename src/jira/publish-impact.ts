import api, { getAppContext, route } from '@forge/api';
import { z } from 'zod';
import { JiraThrottledError, UpstreamError } from '../domain/errors';
import { IMPACT_FIELD_MODULE_KEY, IMPACT_PROPERTY_KEY, type ImpactProperty } from '../domain/impact-property';

/** Jira's bulk limits: 100 issues per property request; we keep field updates to the same batches. */
export const PUBLISH_BATCH = 100;

export interface PublishedImpact {
  issueId: string;
  value: ImpactProperty;
}

/** What Jira did with a batch: the issues whose property it could not set. */
export interface PublishOutcome {
  failedIssueIds: string[];
}

/**
 * Writes up to 100 issues' impact to Jira, as the app, in two parallel calls: the
 * indexed `customer-impact` property (bulk, asynchronous on Jira's side) and the
 * read-only "Customer impact" field. Both are idempotent, so a retried batch is safe.
 * The property update runs as a Jira task: it is polled until done, and the issues its
 * result lists as failed are returned for the caller to retry or report.
 */
export async function publishImpacts(batch: readonly PublishedImpact[]): Promise<PublishOutcome> {
  if (batch.length === 0) return { failedIssueIds: [] };
  if (batch.length > PUBLISH_BATCH) throw new Error(`At most ${PUBLISH_BATCH} issues per publish`);
  const [failedIssueIds] = await Promise.all([setProperties(batch), setFieldValues(batch)]);
  return { failedIssueIds };
}

/** Waits before each poll of the property task: at once, then backing off (7.5 s in all). */
const TASK_POLL_WAITS_MS = [0, 500, 1000, 2000, 4000];

const TaskSchema = z.object({
  status: z.enum(['ENQUEUED', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCEL_REQUESTED', 'CANCELLED', 'DEAD']),
  result: z.unknown().optional()
});

/**
 * The task result's per-issue failures. Jira documents only that failures are "in the
 * task result", not its shape: failures are read where the local host puts them, and a
 * result that is a JSON string is parsed first. An unreadable result counts as no
 * failure: the issue is republished by its next change or the daily refresh anyway.
 */
const FailuresSchema = z.object({
  failedIssues: z.array(z.object({ issueId: z.union([z.number(), z.string()]) })).default([])
});

function failuresOf(result: unknown): string[] {
  let value = result;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  const parsed = FailuresSchema.safeParse(value);
  return parsed.success ? parsed.data.failedIssues.map((f) => String(f.issueId)) : [];
}

async function setProperties(batch: readonly PublishedImpact[]): Promise<string[]> {
  const body = {
    issues: batch.map((b) => ({ issueID: Number(b.issueId), properties: { [IMPACT_PROPERTY_KEY]: b.value } }))
  };
  // 303 See Other: Jira queued the update as a task, non-transactional: some issues may
  // fail. Issues that no longer exist are ignored.
  const response = await send(route`/rest/api/3/issue/properties/multi`, 'POST', body, [303]);
  const taskId = /\/task\/(\d+)\/?$/.exec(response.headers.get('location') ?? '')?.[1];
  if (!taskId) throw new UpstreamError('Jira did not say where the property task is.');
  for (const wait of TASK_POLL_WAITS_MS) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const task = await readTask(taskId);
    if (task.status === 'COMPLETE') return failuresOf(task.result);
    if (task.status !== 'ENQUEUED' && task.status !== 'RUNNING')
      throw new UpstreamError(`Jira's property task ended ${task.status}.`);
  }
  // Still running: the whole batch is retried later (setting a property is idempotent).
  throw new UpstreamError("Jira's property task did not finish in time.");
}

async function readTask(taskId: string): Promise<z.infer<typeof TaskSchema>> {
  const response = await send(route`/rest/api/3/task/${taskId}`, 'GET', undefined, [200]);
  const parsed = TaskSchema.safeParse(await response.json());
  if (!parsed.success) throw new UpstreamError('Jira answered in an unexpected shape.');
  return parsed.data;
}

async function setFieldValues(batch: readonly PublishedImpact[]): Promise<void> {
  const updates = batch.map((b) => ({ issueIds: [Number(b.issueId)], value: b.value.score }));
  // A score is derived data: without generateChangelog=false every publish would add a
  // history entry, move the issue's `updated` date and wake other apps and automation.
  const { status } = await send(
    route`/rest/api/3/app/field/${fieldKey()}/value?generateChangelog=false`,
    'PUT',
    { updates },
    [204, 400]
  );
  if (status === 400 && batch.length > 1) {
    // One deleted issue fails the whole request; set the others one by one.
    await Promise.all(batch.map((b) => setFieldValues([b]).catch(() => undefined)));
  }
}

/** Forge names an app's custom field `<app id>__<environment>__<module key>`. */
function fieldKey(): string {
  const { appAri, environmentType } = getAppContext();
  return `${appAri.appId}__${environmentType}__${IMPACT_FIELD_MODULE_KEY}`;
}

type JiraResponse = Awaited<ReturnType<ReturnType<typeof api.asApp>['requestJira']>>;

async function send(
  path: ReturnType<typeof route>,
  method: 'GET' | 'POST' | 'PUT',
  body: unknown,
  accept: number[]
): Promise<JiraResponse> {
  let response: JiraResponse;
  try {
    response = await api.asApp().requestJira(path, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'manual'
    });
  } catch {
    throw new UpstreamError('Jira could not be reached.');
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new JiraThrottledError(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 5);
  }
  if (!accept.includes(response.status)) throw new UpstreamError(`Jira answered ${response.status}.`);
  return response;
}
