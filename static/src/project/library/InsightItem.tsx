import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { AccessView, InsightView } from '../../../../src/contract/views';
import type { InsightStatus } from '../../../../src/domain/vocabulary';
import { MergedQuotes } from '../../shared/evidence/MergedQuotes';
import { QuoteText } from '../../shared/evidence/QuoteText';
import { SourceLink } from '../../shared/evidence/SourceLink';
import { formatDate, formatMoney } from '../../shared/format';
import { isLeaving, PENDING_LABELS } from '../../shared/pending';
import {
  JOURNEY_STAGE_LABELS,
  SEGMENT_LABELS,
  SEVERITY_LABELS,
  SOURCE_KIND_LABELS
} from '../../shared/labels';
import type { LibraryActions } from './hooks/useLibraryActions';
import { useEscape } from '../../shared/hooks/useEscape';
import { useFocusAfterRender } from '../../shared/hooks/useFocusAfterRender';
import { LinkToIssue } from '../LinkToIssue';
import { MergeInsight } from '../MergeInsight';

const STATUS: Readonly<Record<InsightStatus, { label: string; appearance: ThemeAppearance }>> = {
  new: { label: 'Inbox', appearance: 'new' },
  linked: { label: 'Linked', appearance: 'inprogress' },
  addressed: { label: 'Addressed', appearance: 'success' },
  dismissed: { label: 'Not actionable', appearance: 'default' }
};

type Mode = 'none' | 'link' | 'merge' | 'delete';

interface Props {
  insight: InsightView;
  actions: LibraryActions;
  /** Contributors link; curators also dismiss, restore, merge and delete. */
  access: AccessView;
  /** In the inbox, a box to select the insight for a bulk action, named by its summary. */
  selection?: { selected: boolean; onChange: (selected: boolean) => void };
  /** Takes focus when shown: the insight an Undo has just brought back. */
  focused?: boolean;
  /** Opens an account's view (the Accounts tab); absent where it is not offered. */
  onOpenAccount?: (account: { key: string; name: string }) => void;
}

/** One insight in the library, with the triage actions that fit its status. */
export function InsightItem({
  insight,
  actions,
  access,
  selection,
  focused = false,
  onOpenAccount
}: Props): JSX.Element {
  const [mode, setMode] = useState<Mode>('none');
  const itemRef = useRef<HTMLLIElement>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focused) (boxRef.current ?? itemRef.current)?.focus();
  }, [focused]);
  const [busy, setBusy] = useState(false);
  // The item is named by its visible summary, so a list of insights reads as their summaries.
  const summaryId = useId();
  const leaving = isLeaving(insight);
  const toggle = (m: Mode): void => setMode((current) => (current === m ? 'none' : m));
  // Closing a form or the confirmation gives focus back to the button that opened it.
  const openers = {
    link: useRef<HTMLButtonElement>(null),
    merge: useRef<HTMLButtonElement>(null),
    delete: useRef<HTMLButtonElement>(null)
  };
  const focusAfter = useFocusAfterRender();
  const close = (): void => {
    if (mode !== 'none') focusAfter(() => openers[mode].current);
    setMode('none');
  };
  const onKeyDown = useEscape<HTMLLIElement>(close, mode !== 'none' && !busy);
  const act = async (run: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    await run();
    setBusy(false);
  };
  const account = insight.account
    ? `${insight.account.name} (${SEGMENT_LABELS[insight.account.segment]}${
        !insight.identityHidden && insight.account.arr > 0 ? `, ${formatMoney(insight.account.arr)} ARR` : ''
      })`
    : 'Anonymous';
  const meta = [
    SOURCE_KIND_LABELS[insight.sourceKind],
    account,
    insight.journeyStage ? JOURNEY_STAGE_LABELS[insight.journeyStage] : undefined,
    `observed ${formatDate(insight.observedAt)}`,
    insight.linkCount > 0
      ? `linked to ${insight.linkCount} issue${insight.linkCount === 1 ? '' : 's'}`
      : undefined
  ].filter((p): p is string => p !== undefined);

  return (
    <Box
      as="li"
      padding="space.150"
      backgroundColor="elevation.surface.raised"
      testId="library-item"
      aria-labelledby={summaryId}
      ref={itemRef}
      // Focusable from script only, for the Undo that restores it without a box to focus.
      tabIndex={focused && !selection ? -1 : undefined}
      onKeyDown={onKeyDown}
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium')
      }}
    >
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="start" shouldWrap>
          {selection && !leaving ? (
            <input
              type="checkbox"
              ref={boxRef}
              checked={selection.selected}
              aria-labelledby={summaryId}
              onChange={(event) => selection.onChange(event.target.checked)}
            />
          ) : null}
          <Lozenge appearance="default">{SEVERITY_LABELS[insight.severity]}</Lozenge>
          <Text weight="semibold" id={summaryId} testId="library-item-summary">
            {insight.summary}
          </Text>
          <Lozenge appearance={STATUS[insight.status].appearance} testId="library-item-status">
            {STATUS[insight.status].label}
          </Lozenge>
          {insight.pending ? (
            <Lozenge appearance="moved" testId="library-item-pending">
              {PENDING_LABELS[insight.pending]}
            </Lozenge>
          ) : null}
        </Inline>
        <QuoteText quote={insight.quote} />
        <MergedQuotes quotes={insight.additionalQuotes} />
        <Text size="small" color="color.text.subtle">
          {meta.join(' · ')}
        </Text>
        {onOpenAccount && insight.account && !insight.identityHidden ? (
          <Box>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onOpenAccount({ key: insight.account!.key, name: insight.account!.name })}
            >
              {`Open account ${insight.account.name}`}
            </Button>
          </Box>
        ) : null}
        {insight.tags.length > 0 ? (
          <Text size="small" color="color.text.subtle">
            Tags: {insight.tags.join(', ')}
          </Text>
        ) : null}
        <SourceLink
          url={insight.sourceUrl}
          label={`Open ${SOURCE_KIND_LABELS[insight.sourceKind].toLowerCase()}`}
        />
        {/* A job is deleting or merging it: no action on it would be honoured. */}
        {leaving ? null : (
          <Inline space="space.075" shouldWrap>
            {access.canContribute && insight.status !== 'dismissed' ? (
              <Button
                ref={openers.link}
                spacing="compact"
                isSelected={mode === 'link'}
                aria-expanded={mode === 'link'}
                onClick={() => toggle('link')}
                testId="link-button"
              >
                Link to issue
              </Button>
            ) : null}
            {access.canCurate && insight.status === 'new' ? (
              <Button
                spacing="compact"
                isDisabled={busy}
                onClick={() => void act(() => actions.setStatus(insight, 'dismissed'))}
                testId="dismiss-button"
              >
                Not actionable
              </Button>
            ) : null}
            {access.canCurate && insight.status === 'dismissed' ? (
              <Button
                spacing="compact"
                isDisabled={busy}
                onClick={() => void act(() => actions.setStatus(insight, 'new'))}
                testId="restore-button"
              >
                Restore to inbox
              </Button>
            ) : null}
            {access.canCurate ? (
              <>
                <Button
                  ref={openers.merge}
                  spacing="compact"
                  isSelected={mode === 'merge'}
                  aria-expanded={mode === 'merge'}
                  onClick={() => toggle('merge')}
                  testId="merge-button"
                >
                  Merge duplicate…
                </Button>
                <Button
                  ref={openers.delete}
                  spacing="compact"
                  appearance="subtle"
                  aria-expanded={mode === 'delete'}
                  onClick={() => toggle('delete')}
                  testId="delete-button"
                >
                  Delete
                </Button>
              </>
            ) : null}
          </Inline>
        )}
        {leaving ? null : mode === 'link' ? (
          <LinkToIssue insight={insight} onLink={actions.link} onDone={close} />
        ) : null}
        {!leaving && mode === 'merge' ? (
          <MergeInsight source={insight} onMerge={actions.merge} onDone={close} />
        ) : null}
        {!leaving && mode === 'delete' ? (
          <Box padding="space.100" backgroundColor="color.background.danger" testId="delete-confirmation">
            <Stack space="space.100">
              <Text>
                Delete “{insight.summary}”?
                {insight.linkCount > 0
                  ? ` It is removed from the ${insight.linkCount} issue${insight.linkCount === 1 ? '' : 's'} it backs, and their scores are recalculated.`
                  : ''}
              </Text>
              <Inline space="space.075">
                <Button
                  appearance="danger"
                  spacing="compact"
                  isLoading={busy}
                  onClick={() => void act(() => actions.remove(insight))}
                  testId="delete-confirm"
                >
                  Delete insight
                </Button>
                <Button spacing="compact" appearance="subtle" isDisabled={busy} onClick={close}>
                  Cancel
                </Button>
              </Inline>
            </Stack>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}
