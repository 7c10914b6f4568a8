import { useCallback, useMemo } from 'react';
import type { LinkOutcome, PanelView } from '../../../../src/contract/views';
import { ApiError, invokeApi, notify, toApiError } from '../../api';
import type { ActionResult } from '../../shared/action-result';
import type { CapturePayload } from '../../shared/capture/capture-form';
import { describeError } from '../../shared/error-copy';
import { accountConflictFlag, partialLinkFlag, type FlagText } from '../../shared/outcome-messages';

export type { ActionResult };

export interface PanelActions {
  capture: (payload: CapturePayload) => ActionResult;
  /** `nameOf` gives the summaries the user picked, so a partial link can name them. */
  link: (
    insightIds: string[],
    note: string,
    nameOf?: (insightId: string) => string | undefined
  ) => ActionResult;
  unlink: (insightId: string) => ActionResult;
  editNote: (insightId: string, note: string) => ActionResult;
}

/**
 * The panel's mutations. Each one shows a flag for its outcome and, on success, shows
 * the view the resolver returned (no reload: the server already recomputed the score).
 */
export function usePanelActions(applyView: (view: PanelView) => void): PanelActions {
  const run = useCallback(
    async <T>(
      call: () => Promise<T>,
      toView: (value: T) => PanelView,
      success: (value: T) => string,
      failure: string,
      warning: (value: T) => FlagText | undefined = () => undefined
    ) => {
      try {
        const value = await call();
        applyView(toView(value));
        // What the call did not do as asked (kept account fields, insights not linked).
        const warn = warning(value);
        if (warn) notify('warning', warn.title, warn.description);
        else notify('success', success(value));
        return null;
      } catch (error) {
        const apiError = toApiError(error);
        notify('error', failure, describeError(apiError, 'issue-evidence'));
        return apiError;
      }
    },
    [applyView]
  );

  return useMemo(
    () => ({
      capture: (payload) =>
        run(
          () => invokeApi('panel/captureAndLink', payload),
          (o: LinkOutcome) => o.view,
          () => 'Evidence added',
          'Could not add the evidence',
          (o) =>
            o.accountConflicts?.length ? accountConflictFlag(o.accountConflicts, 'Evidence added') : undefined
        ),
      link: (insightIds, note, nameOf) =>
        run(
          () => invokeApi('panel/link', { insightIds, note }),
          (o: LinkOutcome) => o.view,
          (o) => linkedMessage(insightIds.length, o.alreadyLinked.length),
          'Could not link the evidence',
          (o) =>
            o.notLinked
              ? partialLinkFlag(
                  'this issue',
                  o.linked ?? [],
                  o.notLinked.insightIds,
                  describeError(new ApiError(o.notLinked.code, o.notLinked.message), 'issue-evidence'),
                  nameOf
                )
              : undefined
        ),
      unlink: (insightId) =>
        run(
          () => invokeApi('panel/unlink', { insightId }),
          (v: PanelView) => v,
          () => 'Evidence unlinked',
          'Could not unlink the evidence'
        ),
      editNote: (insightId, note) =>
        run(
          () => invokeApi('panel/editNote', { insightId, note }),
          (v: PanelView) => v,
          () => 'Note saved',
          'Could not save the note'
        )
    }),
    [run]
  );
}

function linkedMessage(requested: number, already: number): string {
  const added = requested - already;
  const linked = `${added} insight${added === 1 ? '' : 's'} linked`;
  return already > 0 ? `${linked}; ${already} already linked` : linked;
}
