import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { OPENER_IDS } from './hooks/usePanelFocus';

interface Props {
  canEdit: boolean;
  onAdd: () => void;
  onLink: () => void;
}

/**
 * An issue without evidence: what the panel is for, and for editors the two ways to add
 * some. Laid out as Atlaskit's EmptyState lays out a heading, text and actions, from the
 * components the evidence view loads anyway: EmptyState's button group brings the Emotion
 * runtime and a second copy of Heading into the panel's first download.
 */
export function NoEvidence({ canEdit, onAdd, onLink }: Props): JSX.Element {
  return (
    <Box padding="space.300" testId="panel-empty" style={{ textAlign: 'center' }}>
      <Stack space="space.200" alignInline="center">
        <Heading size="xsmall" as="h3">
          {canEdit ? 'No customer evidence yet — add the first' : 'No customer evidence yet'}
        </Heading>
        <Text as="p" color="color.text.subtle">
          {canEdit
            ? 'Link a support ticket, interview quote or NPS verbatim to show who needs this work and why.'
            : 'When someone links customer feedback to this issue, it appears here with its impact score.'}
        </Text>
        {canEdit ? (
          <Inline space="space.100" shouldWrap alignInline="center">
            <Button id={OPENER_IDS.add[1]} appearance="primary" onClick={onAdd} testId="empty-add-evidence">
              Add evidence
            </Button>
            <Button id={OPENER_IDS.link[1]} onClick={onLink} testId="empty-link-existing">
              Link existing
            </Button>
          </Inline>
        ) : null}
      </Stack>
    </Box>
  );
}
