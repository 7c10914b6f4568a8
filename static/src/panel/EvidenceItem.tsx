import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { EvidenceCard } from '../../../src/domain/impact';
import type { Severity } from '../../../src/domain/vocabulary';
import { formatDate, formatMoney, formatRelative } from '../shared/format';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS, SEVERITY_LABELS, SOURCE_KIND_LABELS } from '../shared/labels';
import type { PanelActions } from './hooks/usePanelActions';
import { NoteEditor } from './NoteEditor';
import { QuoteText } from './QuoteText';
import { SourceLink } from './SourceLink';
import { UnlinkControl } from './UnlinkControl';

const SEVERITY_APPEARANCE: Readonly<Record<Severity, ThemeAppearance>> = {
  low: 'default',
  medium: 'inprogress',
  high: 'moved',
  critical: 'removed'
};

interface Props {
  card: EvidenceCard;
  /** The issue the panel is on: a card linked elsewhere came from a child issue. */
  issueId: string;
  /** Present only for users who may edit the issue. */
  actions: Pick<PanelActions, 'unlink' | 'editNote'> | null;
}

/** One linked insight. Every string is rendered as text, never as HTML. */
export function EvidenceItem({ card, issueId, actions }: Props): JSX.Element {
  const [editing, setEditing] = useState(false);
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
          <Lozenge appearance={SEVERITY_APPEARANCE[card.severity]}>{SEVERITY_LABELS[card.severity]}</Lozenge>
          <Text weight="semibold" testId="card-summary">
            {card.summary}
          </Text>
        </Inline>
        <QuoteText quote={card.quote} />
        <Text size="small" color="color.text.subtle" testId="card-meta">
          {meta.join(' · ')}
        </Text>
        <Inline space="space.100" shouldWrap>
          <SourceLink
            url={card.sourceUrl}
            label={`Open ${SOURCE_KIND_LABELS[card.sourceKind].toLowerCase()}`}
          />
          {card.fromIssueId !== issueId ? (
            <Text size="small" color="color.text.subtle" testId="from-child">
              from child issue {card.fromIssueId}
            </Text>
          ) : null}
        </Inline>
        {editing && actions ? (
          <NoteEditor
            insightId={card.insightId}
            note={card.note}
            onSave={actions.editNote}
            onClose={() => setEditing(false)}
          />
        ) : (
          <Stack space="space.025">
            <Text size="small" color="color.text.subtlest" testId="card-linked">
              Linked by {card.linkedBy} {formatRelative(card.linkedAt)}
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
