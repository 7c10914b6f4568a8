import type { PublishFailureView } from '../contract/views';
import {
  getPublishFailures,
  listPublishFailures,
  MAX_RECORDED_FAILURES,
  savePublishFailures,
  type PublishFailure
} from '../storage/publish-failure-store';

/** Publishes of one issue that may fail in a row before it waits for its next change. */
export const MAX_PUBLISH_ATTEMPTS = 3;

/** The failure records of the projects of a batch, read while Jira works on the batch. */
export async function readFailureRecords(
  published: readonly { issueId: string; projectId: string }[]
): Promise<Map<string, Record<string, PublishFailure>>> {
  const projectIds = [...new Set(published.map((issue) => issue.projectId))];
  const records = await Promise.all(projectIds.map((projectId) => getPublishFailures(projectId)));
  return new Map(projectIds.map((projectId, i) => [projectId, records[i] ?? {}]));
}

/**
 * Notes what Jira's property task did with a published batch: a failed issue's attempts
 * go up, a published one is forgotten; a record is written only when it changed. Returns
 * the failed issues to publish again; one that has failed `MAX_PUBLISH_ATTEMPTS` times in
 * a row stays on the admin page instead, until a later publish (its next change, or the
 * daily refresh) gets through.
 */
export async function trackPublishFailures(
  records: ReadonlyMap<string, Record<string, PublishFailure>>,
  published: readonly { issueId: string; projectId: string }[],
  failedIssueIds: readonly string[],
  now: Date
): Promise<{ issueId: string; projectId: string }[]> {
  const failed = new Set(failedIssueIds);
  const byProject = new Map<string, { issueId: string; projectId: string }[]>();
  for (const issue of published)
    byProject.set(issue.projectId, [...(byProject.get(issue.projectId) ?? []), issue]);
  const retry: { issueId: string; projectId: string }[] = [];
  await Promise.all(
    [...byProject].map(async ([projectId, issues]) => {
      const record = { ...(records.get(projectId) ?? {}) };
      const before = JSON.stringify(record);
      for (const { issueId } of issues) {
        if (!failed.has(issueId)) {
          delete record[issueId];
          continue;
        }
        const previous = record[issueId];
        if (!previous && Object.keys(record).length >= MAX_RECORDED_FAILURES) continue;
        const attempts = (previous?.attempts ?? 0) + 1;
        record[issueId] = {
          attempts,
          lastError: 'Jira could not set the customer-impact property.',
          firstFailedAt: previous?.firstFailedAt ?? now.toISOString(),
          lastFailedAt: now.toISOString()
        };
        if (attempts < MAX_PUBLISH_ATTEMPTS) retry.push({ issueId, projectId });
      }
      if (JSON.stringify(record) !== before) await savePublishFailures(projectId, record);
    })
  );
  return retry;
}

/** Issues Jira keeps refusing the property for, for the admin page, most attempts first. */
export async function publishFailures(): Promise<PublishFailureView[]> {
  const views: PublishFailureView[] = [];
  for (const [projectId, record] of await listPublishFailures()) {
    for (const [issueId, failure] of Object.entries(record)) {
      if (failure.attempts >= MAX_PUBLISH_ATTEMPTS) views.push({ issueId, projectId, ...failure });
    }
  }
  return views.sort((a, b) => b.attempts - a.attempts || a.issueId.localeCompare(b.issueId));
}
