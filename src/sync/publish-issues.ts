import { impactProperty } from '../domain/impact-property';
import { FORMULA_VERSION } from '../domain/scoring/settings';
import { publishImpacts } from '../jira/publish-impact';
import { getImpacts } from '../storage/impact-store';
import { getPrivacySettings } from '../storage/privacy-store';
import { enqueueSync } from './sync-queue';
import { trackPublishFailures } from './track-publish-failures';

/**
 * Publishes the stored impact of up to 100 issues to Jira: one storage round trip (the
 * impacts and the privacy settings together), then one Jira round trip (property and
 * field in parallel). An issue without evidence is published as zero, so it sorts last.
 */
export async function publishIssues(issueIds: readonly string[]): Promise<void> {
  const numeric = issueIds.filter((id) => /^\d+$/.test(id));
  if (numeric.length === 0) return;
  const [impacts, privacy] = await Promise.all([getImpacts(numeric), getPrivacySettings()]);
  const { failedIssueIds } = await publishImpacts(
    numeric.map((issueId) => ({
      issueId,
      value: impactProperty(impacts.get(issueId), privacy, FORMULA_VERSION)
    }))
  );
  // Jira's property task may refuse some issues: publish those again, a few times.
  const published = numeric.map((issueId) => ({
    issueId,
    projectId: impacts.get(issueId)?.projectId ?? 'none'
  }));
  await enqueueSync(await trackPublishFailures(published, failedIssueIds, new Date()));
}
