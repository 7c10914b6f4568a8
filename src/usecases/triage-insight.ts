import { NotFoundError, ValidationError } from '../domain/errors';
import { isLeaving, type Insight } from '../domain/insight';
import { loadProjectInsight, withAccount } from './project-insight';
import type { InsightView } from '../contract/views';
import type { Actor, Env } from './actor';
import { applyChange } from './apply-change';
import { emptyChange } from './evidence-change';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Triage of the inbox: marks an unlinked insight as not actionable ("dismissed"), or
 * brings it back to the inbox ("new"). Linked evidence is not dismissed: unlink it first.
 */
export async function setInsightStatus(
  _actor: Actor,
  env: Env,
  projectId: string,
  insightId: string,
  status: 'new' | 'dismissed'
): Promise<InsightView> {
  return retryOnConflict(async () => {
    const insight = await loadProjectInsight(insightId, projectId);
    if (isLeaving(insight)) throw new NotFoundError('This insight is being deleted or merged.');
    if (insight.linkCount > 0) {
      throw new ValidationError(
        'This insight is evidence for an issue; unlink it before changing its status.',
        [{ path: 'status', message: 'Only unlinked insights can be dismissed or restored.' }]
      );
    }
    if (insight.status === status) return withAccount(insight);
    const now = env.now();
    const next: Insight = { ...insight, status, updatedAt: now.toISOString(), version: insight.version + 1 };
    const change = emptyChange();
    change.insightPuts.push({ insight: next, expect: { version: insight.version } });
    await applyChange(change, [], now);
    return withAccount(next);
  });
}
