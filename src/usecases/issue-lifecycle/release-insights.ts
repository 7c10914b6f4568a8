import type { Insight } from '../../domain/insight';
import type { LinkRecord } from '../../storage/records';
import type { EvidenceChange } from '../evidence-change';

/**
 * The insights of deleted links, with their link counts lowered. An insight left with no
 * link goes back to the inbox ('new'), whatever it was, unless it was dismissed: it stays
 * as customer evidence even though the work it backed is gone.
 */
export function releaseInsights(
  deleted: readonly LinkRecord[],
  insights: ReadonlyMap<string, Insight>
): EvidenceChange['insightPuts'] {
  const lost = new Map<string, number>();
  for (const link of deleted) lost.set(link.insightId, (lost.get(link.insightId) ?? 0) + 1);
  const puts: EvidenceChange['insightPuts'] = [];
  for (const [insightId, count] of lost) {
    const insight = insights.get(insightId);
    if (!insight) continue;
    const linkCount = Math.max(0, insight.linkCount - count);
    const status = linkCount === 0 && insight.status !== 'dismissed' ? 'new' : insight.status;
    puts.push({
      insight: { ...insight, linkCount, status, version: insight.version + 1 },
      expect: { version: insight.version }
    });
  }
  return puts;
}
