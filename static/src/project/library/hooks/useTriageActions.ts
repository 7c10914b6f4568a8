import { useCallback, useMemo } from 'react';
import { MAX_TRIAGE_PER_CALL } from '../../../../../src/contract/payloads';
import type { PayloadOf } from '../../../../../src/contract/surfaces';
import type { InsightView, IssueHit, TriageOutcome } from '../../../../../src/contract/views';
import { notify, toApiError, useContractMutation, type ApiError } from '../../../api';
import { describeError } from '../../../shared/error-copy';
import { EVIDENCE_READS, INBOX_READS } from './useLibraryActions';
import { matchesFilter, type LibraryFilter } from './useInsightLibrary';

/** What one bulk call did: the insights it changed (as they are now), or why it failed. */
export interface TriageDone {
  done: InsightView[];
  error: ApiError | null;
}

export interface TriageActions {
  dismiss: (insights: readonly InsightView[]) => Promise<TriageDone>;
  /** Brings dismissed insights back to the inbox: the undo of a dismissal. */
  restore: (insights: readonly InsightView[]) => Promise<TriageDone>;
  link: (insights: readonly InsightView[], issue: IssueHit, note: string) => Promise<TriageDone>;
}

type TriageAction = PayloadOf<'project/triageInsights'>['action'];

const FAILURE: Readonly<Record<TriageAction['kind'], string>> = {
  dismiss: 'Could not dismiss the insights',
  restore: 'Could not restore the insights',
  link: 'Could not link the insights'
};

/** "3 insights" / "1 insight". */
export function insightCount(n: number): string {
  return `${n} insight${n === 1 ? '' : 's'}`;
}

/**
 * Bulk triage of the inbox through `project/triageInsights`. The server answers per
 * insight; those done are updated in the loaded list (leaving it when the filter no
 * longer shows them, or coming back to it on a restore), and those refused are flagged
 * by summary with the server's reason, so nothing is silently left behind.
 */
export function useTriageActions(
  filter: LibraryFilter,
  update: (change: (items: InsightView[]) => InsightView[]) => void
): TriageActions {
  const { mutateAsync: triage } = useContractMutation('project/triageInsights', {
    invalidates: [...EVIDENCE_READS, ...INBOX_READS]
  });

  const run = useCallback(
    async (insights: readonly InsightView[], action: TriageAction): Promise<TriageDone> => {
      const outcome: TriageOutcome = { items: [] };
      let failure: ApiError | null = null;
      try {
        // More shown than one call takes (after "Load more"): one call per 50, in order.
        for (let i = 0; i < insights.length; i += MAX_TRIAGE_PER_CALL) {
          const group = insights.slice(i, i + MAX_TRIAGE_PER_CALL);
          const answer = await triage({ insightIds: group.map((g) => g.id), action });
          outcome.items.push(...answer.items);
        }
      } catch (error) {
        failure = toApiError(error);
        notify('error', FAILURE[action.kind], describeError(failure, 'project-evidence'));
        // What earlier calls did stands, and is shown below.
        if (outcome.items.length === 0) return { done: [], error: failure };
      }
      const byId = new Map(insights.map((i) => [i.id, i]));
      const done: InsightView[] = [];
      const refused: string[] = [];
      for (const item of outcome.items) {
        const insight = byId.get(item.insightId);
        if (!insight) continue;
        if (item.outcome === 'done') {
          const linked = action.kind === 'link' ? 1 : 0;
          done.push({ ...insight, status: item.status, linkCount: insight.linkCount + linked });
        } else refused.push(`“${insight.summary}”: ${item.reason}`);
      }
      const changed = new Map(done.map((i) => [i.id, i]));
      update((items) => {
        const kept = items.flatMap((i) => {
          const now = changed.get(i.id);
          if (!now) return [i];
          return matchesFilter(now, filter) ? [now] : [];
        });
        // Restored insights come back where the server orders them: newest first.
        const back = done.filter((i) => matchesFilter(i, filter) && !items.some((s) => s.id === i.id));
        return back.length === 0
          ? kept
          : [...kept, ...back].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      });
      if (refused.length > 0)
        notify('warning', `${insightCount(refused.length)} not changed`, refused.join(' '));
      return { done, error: failure };
    },
    [filter, triage, update]
  );

  return useMemo(
    () => ({
      dismiss: (insights) => run(insights, { kind: 'dismiss' }),
      restore: (insights) => run(insights, { kind: 'restore' }),
      link: (insights, issue, note) => run(insights, { kind: 'link', issueId: issue.issueId, note })
    }),
    [run]
  );
}
