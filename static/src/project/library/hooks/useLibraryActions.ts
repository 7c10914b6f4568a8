import { useCallback, useMemo } from 'react';
import type { InsightView, IssueHit } from '../../../../../src/contract/views';
import type { ContractKey } from '../../../../../src/contract/surfaces';
import { ApiError, notify, toApiError, useContractMutation } from '../../../api';
import type { ActionResult } from '../../../shared/action-result';
import type { CapturePayload } from '../../../shared/capture/capture-form';
import { accountConflictFlag, backgroundFlag, partialLinkFlag } from '../../../shared/outcome-messages';
import { describeError } from '../../../shared/error-copy';
import { matchesFilter, type LibraryFilter } from './useInsightLibrary';

export interface LibraryActions {
  capture: (payload: CapturePayload) => ActionResult;
  setStatus: (insight: InsightView, status: 'new' | 'dismissed') => ActionResult;
  link: (insight: InsightView, issue: IssueHit, note: string) => ActionResult;
  merge: (source: InsightView, target: InsightView) => ActionResult;
  remove: (insight: InsightView) => ActionResult;
  /** The undo of a delete: the insight as it is back, or null when it could not be. */
  restoreDeleted: (insight: InsightView) => Promise<InsightView | null>;
}

/** What a change to which evidence backs which issue makes stale: scores and their evidence. */
export const EVIDENCE_READS: readonly ContractKey[] = [
  'project/rankedIssues',
  'project/shipped',
  'project/getEvidence'
];

/** What any change to the inbox makes stale: its counts by source and age. */
export const INBOX_READS: readonly ContractKey[] = ['project/inboxCounts'];

/**
 * The library's mutations. Each flags its outcome and, on success, updates the loaded
 * list in place: an insight that no longer matches the filter (dismissed from the
 * inbox, linked, merged away, deleted) leaves it; the library is not reloaded. Those
 * that can change issues' scores (link, merge, delete) invalidate the page's scored
 * reads, which refetch where they are shown.
 */
export function useLibraryActions(
  filter: LibraryFilter,
  update: (change: (items: InsightView[]) => InsightView[]) => void,
  /** Told of a delete that can be undone until `until`; it then says the delete, with its Undo. */
  onUndoableDelete?: (insight: InsightView, until: string) => void
): LibraryActions {
  const { mutateAsync: capture } = useContractMutation('project/captureInsight', {
    invalidates: INBOX_READS
  });
  const { mutateAsync: setStatus } = useContractMutation('project/setInsightStatus', {
    invalidates: INBOX_READS
  });
  const { mutateAsync: link } = useContractMutation('project/link', {
    invalidates: [...EVIDENCE_READS, ...INBOX_READS]
  });
  const { mutateAsync: merge } = useContractMutation('project/mergeInsights', {
    invalidates: [...EVIDENCE_READS, ...INBOX_READS]
  });
  const { mutateAsync: remove } = useContractMutation('project/deleteInsight', {
    invalidates: [...EVIDENCE_READS, ...INBOX_READS]
  });
  const { mutateAsync: restore } = useContractMutation('project/restoreInsight', {
    invalidates: [...EVIDENCE_READS, ...INBOX_READS]
  });

  const run = useCallback(async <T>(call: () => Promise<T>, onDone: (value: T) => void, failure: string) => {
    try {
      onDone(await call());
      return null;
    } catch (error) {
      const apiError = toApiError(error);
      notify('error', failure, describeError(apiError, 'project-evidence'));
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
          () => capture({ insight: payload.insight }),
          (created) => {
            if (matchesFilter(created, filter))
              update((items) => [created, ...items.filter((i) => i.id !== created.id)]);
            notify(
              'success',
              'Insight captured',
              created.status === 'new' ? 'It waits in the inbox.' : undefined
            );
            if (created.accountConflicts?.length) {
              const flag = accountConflictFlag(created.accountConflicts, 'Insight captured');
              notify('warning', flag.title, flag.description);
            }
          },
          'Could not capture the insight'
        ),
      setStatus: (insight, status) =>
        run(
          () => setStatus({ insightId: insight.id, status }),
          (changed) => {
            apply(changed);
            // A dismissal is said by the library's status line, with its Undo.
            if (status === 'new') notify('success', 'Restored to the inbox');
          },
          status === 'dismissed' ? 'Could not dismiss the insight' : 'Could not restore the insight'
        ),
      link: (insight, issue, note) =>
        run(
          () => link({ issueId: issue.issueId, insightIds: [insight.id], note }),
          (outcome) => {
            // Said truthfully, even though this call names one insight: nothing was linked.
            if (outcome.notLinked?.insightIds.includes(insight.id)) {
              const flag = partialLinkFlag(
                issue.key,
                outcome.linked ?? [],
                outcome.notLinked.insightIds,
                describeError(
                  new ApiError(outcome.notLinked.code, outcome.notLinked.message),
                  'project-evidence'
                ),
                (id) => (id === insight.id ? insight.summary : undefined)
              );
              notify('warning', flag.title, flag.description);
              return;
            }
            // The answer is the issue's new view; the insight itself is now linked.
            const already = outcome.alreadyLinked.includes(insight.id);
            // Its status as the server derived it: addressed when every issue it backs is done.
            const status =
              outcome.statuses?.[insight.id] ?? (insight.status === 'new' ? 'linked' : insight.status);
            apply({ ...insight, status, linkCount: insight.linkCount + (already ? 0 : 1) });
            notify('success', already ? `Already linked to ${issue.key}` : `Linked to ${issue.key}`);
          },
          `Could not link to ${issue.key}`
        ),
      merge: (source, target) =>
        run(
          () => merge({ sourceId: source.id, targetId: target.id }),
          (merged) => {
            // A merge a job finishes leaves the duplicate in place, shown as being merged.
            const leaving: InsightView | undefined = merged.pendingLinks
              ? { ...source, pending: 'merge', mergeInto: merged.id }
              : undefined;
            update((items) =>
              items.flatMap((i) =>
                i.id === source.id
                  ? leaving
                    ? [leaving]
                    : []
                  : i.id !== merged.id
                    ? [i]
                    : matchesFilter(merged, filter)
                      ? [merged]
                      : []
              )
            );
            if (merged.pendingLinks) {
              const flag = backgroundFlag('merge', merged.pendingLinks);
              notify(
                'info',
                flag.title,
                `“${source.summary}” is being merged into “${merged.summary}”. ${flag.description}`
              );
            } else {
              notify(
                'success',
                'Insights merged',
                `“${source.summary}” was merged into “${merged.summary}”.`
              );
            }
          },
          'Could not merge the insights'
        ),
      remove: (insight) =>
        run(
          () => remove({ insightId: insight.id }),
          (outcome) => {
            if (outcome.pendingLinks) {
              // Committed, but a job removes its links: it stays listed, shown as being deleted.
              update((items) => items.map((i) => (i.id === insight.id ? { ...i, pending: 'delete' } : i)));
              const flag = backgroundFlag('delete', outcome.pendingLinks);
              notify('info', flag.title, flag.description);
              return;
            }
            update((items) => items.filter((i) => i.id !== insight.id));
            if (outcome.restorableUntil && onUndoableDelete)
              onUndoableDelete(insight, outcome.restorableUntil);
            else notify('success', 'Insight deleted');
          },
          'Could not delete the insight'
        ),
      restoreDeleted: async (insight) => {
        let back: InsightView | null = null;
        await run(
          () => restore({ insightId: insight.id }),
          ({ insight: restored, linksNotRestored }) => {
            back = restored;
            // Back where the server orders the list: newest first.
            if (matchesFilter(restored, filter))
              update((items) =>
                [...items.filter((i) => i.id !== restored.id), restored].sort((a, b) =>
                  b.createdAt.localeCompare(a.createdAt)
                )
              );
            if (linksNotRestored > 0)
              notify(
                'warning',
                'Insight restored without some links',
                `${linksNotRestored} of the issues it backed are gone, or no longer yours to change.`
              );
            else notify('success', 'Insight restored');
          },
          'Could not restore the insight'
        );
        return back;
      }
    }),
    [apply, capture, filter, link, merge, onUndoableDelete, remove, restore, run, setStatus, update]
  );
}
