import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import type { Contribution } from '../../../../src/domain/scoring/score';
import { explainContribution } from '../../../../src/domain/scoring/explain';
import { formatMoney, formatNumber } from '../format';
import { HiddenValue } from '../HiddenValue';
import { SEGMENT_LABELS, SEVERITY_LABELS } from '../labels';

interface Props {
  contribution: Contribution;
  /**
   * The backend masked this account's name, ARR, revenue factor and points (zeros):
   * showing "+0" or "no ARR" would state something false, so those parts say "hidden".
   */
  identityHidden: boolean;
}

/**
 * One account's share of the score: the one-line summary the domain defines
 * (`+12.4 · Acme · critical · $240k ARR · 14 d`), then every factor that produced it,
 * so the product of the factors visibly equals the points.
 */
export function ContributionRow({ contribution: c, identityHidden }: Props): JSX.Element {
  const days = Math.floor(c.ageDays);
  const age = `${days} day${days === 1 ? '' : 's'} old`;
  const severity = `${SEVERITY_LABELS[c.severity]} severity ×${formatNumber(c.severityWeight)}`;
  const segment = `${SEGMENT_LABELS[c.segment]} ×${formatNumber(c.segmentWeight)}`;
  const recency = `recency ×${formatNumber(c.recencyFactor)} (${age})`;
  if (identityHidden) {
    const who = c.anonymous ? 'Anonymous' : (c.accountName ?? 'Hidden account');
    const insights = c.insightIds.length > 1 ? ` · ${c.insightIds.length} insights` : '';
    return (
      <Box as="li" testId="contribution-row">
        <Stack space="space.025">
          <Text weight="medium">{`${who} · ${c.severity} · ${days} d${insights}`}</Text>
          <Text size="small" color="color.text.subtle">
            {severity} × revenue <HiddenValue testId="contribution-hidden" /> × {segment} × {recency}
          </Text>
        </Stack>
      </Box>
    );
  }
  const factors = [
    severity,
    `revenue ×${formatNumber(c.revenueFactor)} (${c.arr > 0 ? `${formatMoney(c.arr)} ARR` : 'no ARR'})`,
    segment,
    recency
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
