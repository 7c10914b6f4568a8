import { impactProperty } from '../domain/impact-property';
import { FORMULA_VERSION } from '../domain/scoring/settings';
import { publishImpacts } from '../jira/publish-impact';
import { getRankRows } from '../storage/impact-store';
import { getPrivacySettings } from '../storage/privacy-store';
import { enqueueSync } from '../sync/sync-queue';
import { readFailureRecords, trackPublishFailures } from './track-publish-failures';

/**
 * Publishes the stored impact of up to 100 issues to Jira: one storage round trip (the
 * impacts and the privacy settings together), then the property and the field in
 * parallel and a poll of the property task. An issue without evidence is published as
 * zero, so it sorts last.
 */
export async function publishIssues(issueIds: readonly string[]): Promise<void> {
  const numeric = issueIds.filter((id) => /^\d+$/.test(id));
  if (numeric.length === 0) return;
  const [impacts, privacy] = await Promise.all([getRankRows(numeric), getPrivacySettings()]);
  const published = numeric.map((issueId) => ({
    issueId,
    projectId: impacts.get(issueId)?.projectId ?? 'none'
  }));
  // The failure records are read while Jira works on the batch: no extra wait.
  const [{ failedIssueIds }, records] = await Promise.all([
    publishImpacts(
      numeric.map((issueId) => ({
        issueId,
        value: impactProperty(impacts.get(issueId), privacy, FORMULA_VERSION)
      }))
    ),
    readFailureRecords(published)
  ]);
  // Jira's property task may refuse some issues: publish those again, a few times.
  await enqueueSync(await trackPublishFailures(records, published, failedIssueIds, new Date()));
}
