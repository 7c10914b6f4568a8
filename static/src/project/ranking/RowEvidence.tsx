import { useMemo } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { notify, openIssue } from '../../api';
import { EvidenceItem } from '../../shared/evidence/EvidenceItem';
import { ScoreExplanation } from '../../shared/evidence/ScoreExplanation';
import { useCardDirectory } from '../../shared/hooks/useCardDirectory';
import { useIssueEvidence } from './hooks/useIssueEvidence';
import { LoadError } from '../LoadError';

const TOP = 3;

const LIST_STYLE = {
  margin: 0,
  paddingInlineStart: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100')
} as const;

interface Props {
  issueId: string;
  issueKey: string;
}

/** An expanded ranked row: why the issue scores what it does, and its top evidence. */
export function RowEvidence({ issueId, issueKey }: Props): JSX.Element {
  const { load, reload } = useIssueEvidence(issueId);
  const cards = useMemo(
    () => (load.status === 'ready' ? (load.view.impact?.cards.slice(0, TOP) ?? []) : []),
    [load]
  );
  const directory = useCardDirectory(cards, issueId);

  if (load.status === 'loading') {
    return (
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" label={`Loading evidence for ${issueKey}`} />
        <Text color="color.text.subtle">Loading evidence…</Text>
      </Inline>
    );
  }
  if (load.status === 'error') {
    return <LoadError what="The evidence" error={load.error} onRetry={reload} testId="row-evidence-error" />;
  }
  const impact = load.view.impact;
  if (!impact || impact.totalCards === 0) {
    return <Text color="color.text.subtle">No evidence is linked to {issueKey} any more.</Text>;
  }
  const open = (): void => {
    openIssue(issueKey).catch(() => notify('error', `Could not open ${issueKey}`));
  };
  return (
    <Box testId="row-evidence">
      <Stack space="space.200">
        <Inline space="space.300" shouldWrap alignBlock="start">
          <Box style={{ flex: '1 1 24rem', minWidth: 0 }}>
            <Stack space="space.100">
              <Heading size="xxsmall" as="h4" id={`top-evidence-${issueId}`}>
                Top evidence ({Math.min(TOP, impact.totalCards)} of {impact.totalCards})
              </Heading>
              {/* The cards are the list's own children: a spacing wrapper between hides them from it. */}
              <Box as="ul" aria-labelledby={`top-evidence-${issueId}`} style={LIST_STYLE}>
                {cards.map((card) => (
                  <EvidenceItem
                    key={card.insightId}
                    card={card}
                    issueId={issueId}
                    directory={directory}
                    actions={null}
                    headingLevel={5}
                  />
                ))}
              </Box>
            </Stack>
          </Box>
          <Box style={{ flex: '1 1 20rem', minWidth: 0 }}>
            <Stack space="space.100">
              <Heading size="xxsmall" as="h4">
                Why this score
              </Heading>
              <ScoreExplanation
                id={`explanation-${issueId}`}
                score={impact.score}
                identityHidden={load.view.identityHidden === true}
              />
            </Stack>
          </Box>
        </Inline>
        <Box>
          <Button onClick={open} testId="row-open-issue">
            Open {issueKey} for all evidence
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
