import api, { getAppContext, route } from '@forge/api';
import { UpstreamError } from '../domain/errors';
import { IMPACT_FIELD_MODULE_KEY, IMPACT_PROPERTY_KEY, type ImpactProperty } from '../domain/impact-property';

/** Jira's bulk limits: 100 issues per property request; we keep field updates to the same batches. */
export const PUBLISH_BATCH = 100;

/** Jira asked us to slow down; the queue retries the whole batch after `retryAfterSeconds`. */
export class JiraThrottledError extends UpstreamError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Jira is rate limiting the app; retrying in ${retryAfterSeconds} s.`);
  }
}

export interface PublishedImpact {
  issueId: string;
  value: ImpactProperty;
}

/**
 * Writes up to 100 issues' impact to Jira, as the app, in two parallel calls: the
 * indexed `customer-impact` property (bulk, asynchronous on Jira's side) and the
 * read-only "Customer impact" field. Both are idempotent, so a retried batch is safe.
 */
export async function publishImpacts(batch: readonly PublishedImpact[]): Promise<void> {
  if (batch.length === 0) return;
  if (batch.length > PUBLISH_BATCH) throw new Error(`At most ${PUBLISH_BATCH} issues per publish`);
  await Promise.all([setProperties(batch), setFieldValues(batch)]);
}

async function setProperties(batch: readonly PublishedImpact[]): Promise<void> {
  const body = {
    issues: batch.map((b) => ({ issueID: Number(b.issueId), properties: { [IMPACT_PROPERTY_KEY]: b.value } }))
  };
  // 303 See Other: Jira queued the update as a task. Issues that no longer exist are ignored.
  await send(route`/rest/api/3/issue/properties/multi`, 'POST', body, [200, 201, 204, 303]);
}

async function setFieldValues(batch: readonly PublishedImpact[]): Promise<void> {
  const updates = batch.map((b) => ({ issueIds: [Number(b.issueId)], value: b.value.score }));
  // A score is derived data: without generateChangelog=false every publish would add a
  // history entry, move the issue's `updated` date and wake other apps and automation.
  const status = await send(
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

async function send(
  path: ReturnType<typeof route>,
  method: 'POST' | 'PUT',
  body: unknown,
  accept: number[]
): Promise<number> {
  let response: Awaited<ReturnType<ReturnType<typeof api.asApp>['requestJira']>>;
  try {
    response = await api.asApp().requestJira(path, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
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
  return response.status;
}
