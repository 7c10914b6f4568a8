import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { InsightView } from '../../../src/contract/views';
import { formatDate } from '../shared/format';
import { SEVERITY_LABELS, SOURCE_KIND_LABELS } from '../shared/labels';
import { isLeaving, PENDING_LABELS } from '../shared/pending';

interface Props {
  insight: InsightView;
  selected: boolean;
  alreadyLinked: boolean;
  onToggle: (insightId: string) => void;
}

export function SearchResultItem({ insight, selected, alreadyLinked, onToggle }: Props): JSX.Element {
  const meta = [
    SOURCE_KIND_LABELS[insight.sourceKind],
    insight.account?.name ?? 'Anonymous',
    `observed ${formatDate(insight.observedAt)}`
  ];
  return (
    <Box as="li" testId="search-result" padding="space.075" style={{ listStyle: 'none' }}>
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Stack space="space.025">
          <Inline space="space.075" alignBlock="center">
            <Lozenge>{SEVERITY_LABELS[insight.severity]}</Lozenge>
            <Text weight="medium">{insight.summary}</Text>
          </Inline>
          <Text size="small" color="color.text.subtle">
            {meta.join(' · ')}
          </Text>
        </Stack>
        {alreadyLinked ? (
          <Text size="small" color="color.text.subtlest">
            Already linked
          </Text>
        ) : insight.pending && isLeaving(insight) ? (
          // Being deleted or merged away: it takes no new link, so it cannot be picked.
          <Text size="small" color="color.text.subtlest">
            {PENDING_LABELS[insight.pending]}
          </Text>
        ) : (
          <Button
            spacing="compact"
            isSelected={selected}
            aria-pressed={selected}
            onClick={() => onToggle(insight.id)}
            testId="search-result-select"
          >
            {selected ? 'Selected' : 'Select'}
          </Button>
        )}
      </Inline>
    </Box>
  );
}
