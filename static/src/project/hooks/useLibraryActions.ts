import { useCallback, useMemo } from 'react';
import type { InsightView, IssueHit } from '../../../../src/contract/views';
import { invokeApi, notify, toApiError } from '../../api';
import type { ActionResult } from '../../shared/action-result';
import type { CapturePayload } from '../../shared/capture/capture-form';
import { describeError } from '../model/describe-error';
import { matchesFilter, type LibraryFilter } from './useInsightLibrary';

export interface LibraryActions {
  capture: (payload: CapturePayload) => ActionResult;
  setStatus: (insight: InsightView, status: 'new' | 'dismissed') => ActionResult;
  link: (insight: InsightView, issue: IssueHit, note: string) => ActionResult;
  merge: (source: InsightView, target: InsightView) => ActionResult;
  remove: (insight: InsightView) => ActionResult;
}

/**
 * The library's mutations. Each flags its outcome and, on success, updates the loaded
 * list in place: an insight that no longer matches the filter (dismissed from the
 * inbox, linked, merged away, deleted) leaves it; nothing is reloaded. Those that can
 * change issues' scores (link, merge, delete) also call `onEvidenceChanged`, so the
 * page's other views know their figures are stale.
 */
export function useLibraryActions(
  filter: LibraryFilter,
  update: (change: (items: InsightView[]) => InsightView[]) => void,
  onEvidenceChanged: () => void
): LibraryActions {
  const run = useCallback(async <T>(call: () => Promise<T>, onDone: (value: T) => void, failure: string) => {
    try {
      onDone(await call());
      return null;
    } catch (error) {
      const apiError = toApiError(error);
      notify('error', failure, describeError(apiError));
      return apiError;
    }
  }, []);

  /** Puts a changed insight in its place, or takes it out if the filter no longer shows it. */
  const apply = useCallback(
    (changed: InsightView) =>
      update((items) =>
        matchesFilter(changed, filter)
          ? items.map((i) => (i.id === changed.id ? changed : i))
          : items.filter((i) => i.id !== changed.id)
      ),
    [filter, update]
  );

  return useMemo(
    () => ({
      capture: (payload) =>
        run(
          () => invokeApi('project/captureInsight', { insight: payload.insight }),
          (created) => {
            if (matchesFilter(created, filter)) update((items) => [created, ...items.filter((i) => i.id !== created.id)]);
            notify('success', 'Insight captured', created.status === 'new' ? 'It waits in the inbox.' : undefined);
          },
          'Could not capture the insight'
        ),
      setStatus: (insight, status) =>
        run(
          () => invokeApi('project/setInsightStatus', { insightId: insight.id, status }),
          (changed) => {
            apply(changed);
            notify('success', status === 'dismissed' ? 'Marked not actionable' : 'Restored to the inbox');
          },
          status === 'dismissed' ? 'Could not dismiss the insight' : 'Could not restore the insight'
        ),
      link: (insight, issue, note) =>
        run(
          () => invokeApi('project/link', { issueId: issue.issueId, insightIds: [insight.id], note }),
          (outcome) => {
            // The answer is the issue's new view; the insight itself is now linked.
            const already = outcome.alreadyLinked.includes(insight.id);
            apply({ ...insight, status: 'linked', linkCount: insight.linkCount + (already ? 0 : 1) });
            if (!already) onEvidenceChanged();
            notify('success', already ? `Already linked to ${issue.key}` : `Linked to ${issue.key}`);
          },
          `Could not link to ${issue.key}`
        ),
      merge: (source, target) =>
        run(
          () => invokeApi('project/mergeInsights', { sourceId: source.id, targetId: target.id }),
          (merged) => {
            update((items) =>
              items
                .filter((i) => i.id !== source.id)
                .flatMap((i) => (i.id !== merged.id ? [i] : matchesFilter(merged, filter) ? [merged] : []))
            );
            onEvidenceChanged();
            notify('success', 'Insights merged', `“${source.summary}” was merged into “${merged.summary}”.`);
          },
          'Could not merge the insights'
        ),
      remove: (insight) =>
        run(
          () => invokeApi('project/deleteInsight', { insightId: insight.id }),
          () => {
            update((items) => items.filter((i) => i.id !== insight.id));
            if (insight.linkCount > 0) onEvidenceChanged();
            notify('success', 'Insight deleted');
          },
          'Could not delete the insight'
        )
    }),
    [apply, filter, onEvidenceChanged, run, update]
  );
}
