import type { InsightPending } from '../../../src/domain/insight';

/**
 * A deleting or merging insight is on its way out (the backend refuses new links and
 * edits): the UI shows it as such, offers no action on it and never lets it be picked.
 * Mirrors `isLeaving` in the domain, which the UI does not import (it pulls in zod).
 */
export function isLeaving(insight: { pending?: InsightPending }): boolean {
  return insight.pending === 'delete' || insight.pending === 'merge';
}

/** How a pending insight is shown while its queued job finishes. */
export const PENDING_LABELS: Readonly<Record<InsightPending, string>> = {
  delete: 'Being deleted…',
  merge: 'Being merged…',
  rescore: 'Rescoring issues…'
};
