import { lazy, Suspense, useRef, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { EvidenceCard } from '../../../../src/domain/impact';
import type { Severity } from '../../../../src/domain/vocabulary';
import { formatDate, formatMoney, formatRelative } from '../format';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS, SEVERITY_LABELS, SOURCE_KIND_LABELS } from '../labels';
import type { IssueRef } from '../../api';
import type { ActionResult } from '../action-result';
import type { CardDirectory } from '../hooks/useCardDirectory';
import { useFocusAfterRender } from '../hooks/useFocusAfterRender';
import { IssueKeyLink } from '../IssueKeyLink';
import { StatusLozenge, type LozengeTone } from '../StatusLozenge';
import { MergedQuotes } from './MergedQuotes';
import { CARD_HEADING_ATTRIBUTE } from './card-heading';
import { QuoteText } from './QuoteText';
import { SourceLink } from './SourceLink';
import { UnlinkControl } from './UnlinkControl';

// The note editor (a form and a text area) loads when someone first edits a note: reading
// evidence, what nearly everyone does, should not download it.
const NoteEditor = lazy(() => import('./NoteEditor').then((m) => ({ default: m.NoteEditor })));

const SEVERITY_TONE: Readonly<Record<Severity, LozengeTone>> = {
  low: 'neutral',
  medium: 'information',
  high: 'warning',
  critical: 'danger'
};

/** What an editor may do to a card on the issue it is linked to. */
export interface CardActions {
  unlink: (insightId: string) => ActionResult;
  editNote: (insightId: string, note: string) => ActionResult;
}

interface Props {
  card: EvidenceCard;
  /** The issue whose evidence this is: a card linked elsewhere came from a child issue. */
  issueId: string;
  /** Names and issue keys looked up in Jira (useCardDirectory). */
  directory: CardDirectory;
  /** Present only for users who may edit the issue. */
  actions: CardActions | null;
  /** The level of the card's heading (its summary), one below the list's heading. */
  headingLevel?: number;
}

/** One linked insight. Every string is rendered as text, never as HTML. */
export function EvidenceItem({ card, issueId, directory, actions, headingLevel = 4 }: Props): JSX.Element {
  const [editing, setEditing] = useState(false);
  // The note editor takes the place of the button that opened it: focus comes back to it.
  const editRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfterRender();
  const closeEditor = (): void => {
    setEditing(false);
    focusAfter(() => editRef.current);
  };
  const meta = [
    SOURCE_KIND_LABELS[card.sourceKind],
    card.account
      ? `${card.account.name} (${SEGMENT_LABELS[card.account.segment]}${card.account.arr > 0 ? `, ${formatMoney(card.account.arr)} ARR` : ''})`
      : 'Anonymous',
    card.journeyStage ? JOURNEY_STAGE_LABELS[card.journeyStage] : undefined,
    `observed ${formatDate(card.observedAt)}`
  ].filter((p): p is string => p !== undefined);

  return (
    <Box
      as="li"
      padding="space.150"
      backgroundColor="elevation.surface.raised"
      testId="evidence-card"
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium'),
        listStyle: 'none'
      }}
    >
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="start">
          {/* A long summary must wrap, not squeeze the severity to "Crit…". */}
          <Box style={{ flexShrink: 0 }}>
            <StatusLozenge tone={SEVERITY_TONE[card.severity]}>
              {SEVERITY_LABELS[card.severity]}
            </StatusLozenge>
          </Box>
          <div
            role="heading"
            aria-level={headingLevel}
            tabIndex={-1}
            {...{ [CARD_HEADING_ATTRIBUTE]: card.insightId }}
          >
            <Text weight="semibold" testId="card-summary">
              {card.summary}
            </Text>
          </div>
        </Inline>
        <QuoteText quote={card.quote} />
        <MergedQuotes quotes={card.additionalQuotes} />
        <Text size="small" color="color.text.subtle" testId="card-meta">
          {meta.join(' · ')}
        </Text>
        <Inline space="space.100" shouldWrap>
          <SourceLink
            url={card.sourceUrl}
            label={`Open ${SOURCE_KIND_LABELS[card.sourceKind].toLowerCase()}`}
          />
          {card.fromIssueId !== issueId ? <FromChild issue={directory.issueOf(card.fromIssueId)} /> : null}
        </Inline>
        {editing && actions ? (
          <Suspense fallback={<Spinner size="small" label="Loading the note editor" />}>
            <NoteEditor
              insightId={card.insightId}
              note={card.note}
              onSave={actions.editNote}
              onClose={closeEditor}
            />
          </Suspense>
        ) : (
          <Stack space="space.025">
            <Text size="small" color="color.text.subtlest" testId="card-linked">
              {linkedLine(directory.nameOf(card.linkedBy), card.linkedAt)}
            </Text>
            {card.note === '' ? null : (
              <Text size="small" testId="card-note">
                Why this is evidence: {card.note}
              </Text>
            )}
          </Stack>
        )}
        {actions && !editing ? (
          <Inline space="space.075">
            <Button
              ref={editRef}
              appearance="subtle"
              spacing="compact"
              onClick={() => setEditing(true)}
              testId="edit-note-button"
            >
              {card.note === '' ? 'Add note' : 'Edit note'}
            </Button>
            <UnlinkControl insightId={card.insightId} onUnlink={actions.unlink} />
          </Inline>
        ) : null}
      </Stack>
    </Box>
  );
}

/** "Linked by Bob Builder 3 days ago"; just "Linked 3 days ago" while the name loads. */
function linkedLine(name: string | undefined, linkedAt: string): string {
  return name === undefined
    ? `Linked ${formatRelative(linkedAt)}`
    : `Linked by ${name} ${formatRelative(linkedAt)}`;
}

/** Where a rolled-up card was linked: the child issue's key, opening it in Jira. */
function FromChild({ issue }: { issue: IssueRef | null | undefined }): JSX.Element {
  if (!issue) {
    // Still looking it up, or Jira did not return it (hidden from this user): no key to show.
    return (
      <Text size="small" color="color.text.subtle" testId="from-child">
        from a child issue
      </Text>
    );
  }
  return (
    <Text size="small" color="color.text.subtle" testId="from-child">
      from child issue{' '}
      <IssueKeyLink issueKey={issue.key} title={issue.summary} testId="from-child-link" inText />
    </Text>
  );
}
