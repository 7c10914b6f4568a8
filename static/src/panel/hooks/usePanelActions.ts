import { useCallback, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ContractKey } from '../../../../src/contract/surfaces';
import type { LinkOutcome, PanelView } from '../../../../src/contract/views';
import { ApiError, notify, setContractQueryData, toApiError, useContractMutation } from '../../api';
import type { ActionResult } from '../../shared/action-result';
import type { CapturePayload } from '../../shared/capture/capture-form';
import { describeError } from '../../shared/error-copy';
import { accountConflictFlag, partialLinkFlag, type FlagText } from '../../shared/outcome-messages';

export type { ActionResult };

/**
 * What any change to the evidence makes stale besides the view each mutation
 * answers with: the cards past the first page ("Show more").
 */
const LATER_CARDS: readonly ContractKey[] = ['panel/listCards'];

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
export function usePanelActions(): PanelActions {
  const client = useQueryClient();
  const { mutateAsync: captureAndLink } = useContractMutation('panel/captureAndLink', {
    invalidates: LATER_CARDS
  });
  const { mutateAsync: link } = useContractMutation('panel/link', { invalidates: LATER_CARDS });
  const { mutateAsync: unlink } = useContractMutation('panel/unlink', { invalidates: LATER_CARDS });
  const { mutateAsync: editNote } = useContractMutation('panel/editNote', { invalidates: LATER_CARDS });

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
        setContractQueryData(client, 'panel/getEvidence', {}, toView(value));
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
    [client]
  );

  return useMemo(
    () => ({
      capture: (payload) =>
        run(
          () => captureAndLink(payload),
          (o: LinkOutcome) => o.view,
          () => 'Evidence added',
          'Could not add the evidence',
          (o) =>
            o.accountConflicts?.length ? accountConflictFlag(o.accountConflicts, 'Evidence added') : undefined
        ),
      link: (insightIds, note, nameOf) =>
        run(
          () => link({ insightIds, note }),
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
          () => unlink({ insightId }),
          (v: PanelView) => v,
          () => 'Evidence unlinked',
          'Could not unlink the evidence'
        ),
      editNote: (insightId, note) =>
        run(
          () => editNote({ insightId, note }),
          (v: PanelView) => v,
          () => 'Note saved',
          'Could not save the note'
        )
    }),
    [captureAndLink, editNote, link, run, unlink]
  );
}

function linkedMessage(requested: number, already: number): string {
  const added = requested - already;
  const linked = `${added} insight${added === 1 ? '' : 's'} linked`;
  return already > 0 ? `${linked}; ${already} already linked` : linked;
}
