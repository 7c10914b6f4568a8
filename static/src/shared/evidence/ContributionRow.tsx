import { Box, Stack, Text } from '@atlaskit/primitives';
import type { Contribution } from '../../../../src/domain/scoring/score';
import { explainContribution } from '../../../../src/domain/scoring/explain';
import { formatMoney, formatNumber } from '../format';
import { SEGMENT_LABELS, SEVERITY_LABELS } from '../labels';

interface Props {
  contribution: Contribution;
}

/**
 * One account's share of the score: the one-line summary the domain defines
 * (`+12.4 · Acme · critical · $240k ARR · 14 d`), then every factor that produced it,
 * so the product of the factors visibly equals the points.
 */
export function ContributionRow({ contribution: c }: Props): JSX.Element {
  const days = Math.floor(c.ageDays);
  const factors = [
    `${SEVERITY_LABELS[c.severity]} severity ×${formatNumber(c.severityWeight)}`,
    `revenue ×${formatNumber(c.revenueFactor)} (${c.arr > 0 ? `${formatMoney(c.arr)} ARR` : 'no ARR'})`,
    `${SEGMENT_LABELS[c.segment]} ×${formatNumber(c.segmentWeight)}`,
    `recency ×${formatNumber(c.recencyFactor)} (${days} day${days === 1 ? '' : 's'} old)`
  ];
  return (
    <Box as="li" testId="contribution-row">
      <Stack space="space.025">
        <Text weight="medium">{explainContribution(c)}</Text>
        <Text size="small" color="color.text.subtle">
          {factors.join(' × ')}
        </Text>
      </Stack>
    </Box>
  );
}
