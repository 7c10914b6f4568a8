import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { InsightView } from '../../../../src/contract/views';
import { formatDate } from '../format';
import { SEVERITY_LABELS, SOURCE_KIND_LABELS } from '../labels';

interface Props {
  insight: InsightView;
  /** Shows the severity first, where it helps choose which insights to link. */
  withSeverity?: boolean;
}

/** An insight found by a search: its summary, and where it came from and when. */
export function InsightHit({ insight, withSeverity = false }: Props): JSX.Element {
  const meta = [
    SOURCE_KIND_LABELS[insight.sourceKind],
    insight.account?.name ?? 'Anonymous',
    `observed ${formatDate(insight.observedAt)}`
  ];
  return (
    <Stack space="space.025">
      <Inline space="space.075" alignBlock="center">
        {withSeverity ? <Lozenge>{SEVERITY_LABELS[insight.severity]}</Lozenge> : null}
        <Text weight="medium">{insight.summary}</Text>
      </Inline>
      <Text size="small" color="color.text.subtle">
        {meta.join(' · ')}
      </Text>
    </Stack>
  );
}
