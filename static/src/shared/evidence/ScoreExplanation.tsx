import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import type { ImpactScore } from '../../../../src/domain/scoring/score';
import { formatNumber, formatRelative } from '../format';
import { token } from '@atlaskit/tokens';
import { ContributionRow } from './ContributionRow';

const LIST_STYLE = {
  margin: 0,
  paddingInlineStart: 0,
  listStyle: 'none',
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100')
} as const;

interface Props {
  id: string;
  score: ImpactScore;
  /** Per-account ARR and points are masked for this user; the total stays. */
  identityHidden: boolean;
}

/** Why the score is what it is: each account's contribution, as stored with the score. */
export function ScoreExplanation({ id, score, identityHidden }: Props): JSX.Element {
  const shown = score.contributions.length;
  // The read model may keep only the top contributions; say how many are left out.
  const hidden = Math.max(0, score.uniqueAccounts + score.anonymousVoices - shown);
  return (
    <Box
      id={id}
      role="group"
      aria-label="Score breakdown"
      testId="score-explanation"
      padding="space.150"
      backgroundColor="color.background.neutral.subtle"
    >
      <Stack space="space.100">
        <Text size="small" color="color.text.subtle">
          Each account counts once, at its highest severity: severity × revenue × segment × recency. The score
          is the sum of these contributions.
        </Text>
        {/* The rows are the list's own children (a spacing wrapper between would hide them from it). */}
        <Box as="ul" style={LIST_STYLE}>
          {score.contributions.map((c) => (
            <ContributionRow key={c.group} contribution={c} identityHidden={identityHidden} />
          ))}
        </Box>
        {hidden > 0 ? (
          <Text size="small" testId="more-accounts">
            and {hidden} more account{hidden === 1 ? '' : 's'}
          </Text>
        ) : null}
        <Text size="small" color="color.text.subtlest">
          Total {formatNumber(score.score)} · formula v{score.formulaVersion} · computed{' '}
          {formatRelative(score.computedAt)}
        </Text>
      </Stack>
    </Box>
  );
}
