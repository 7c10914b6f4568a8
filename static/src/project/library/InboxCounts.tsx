import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { InboxAgeBand } from '../../../../src/contract/views';
import { SOURCE_KINDS } from '../../../../src/domain/vocabulary';
import { useContractQuery } from '../../api';
import { SOURCE_KIND_LABELS } from '../../shared/labels';

const AGE_LABELS: readonly { band: InboxAgeBand; label: string }[] = [
  { band: 'week', label: 'This week' },
  { band: 'month', label: 'This month' },
  { band: 'older', label: 'Older' }
];

/**
 * How the inbox is made up, counted by the server over what this user may see: per
 * source kind (only the kinds present) and per age of the feedback. Quiet while loading
 * or failed: the list below carries its own states.
 */
export function InboxCounts(): JSX.Element | null {
  const { data } = useContractQuery('project/inboxCounts', {});
  if (!data || data.total === 0) return null;
  const sources = SOURCE_KINDS.filter((kind) => data.bySource[kind] > 0).map(
    (kind) => `${SOURCE_KIND_LABELS[kind]} ${data.bySource[kind]}`
  );
  const ages = AGE_LABELS.map(({ band, label }) => `${label} ${data.byAge[band]}`);
  return (
    <Stack space="space.050" testId="inbox-counts">
      <Text weight="semibold">
        {data.partial ? 'The newest ' : ''}
        {data.total} insight{data.total === 1 ? '' : 's'} to triage
      </Text>
      <Inline space="space.200" shouldWrap>
        <Text size="small" color="color.text.subtle">
          By source: {sources.join(' · ')}
        </Text>
        <Text size="small" color="color.text.subtle">
          By age: {ages.join(' · ')}
        </Text>
      </Inline>
    </Stack>
  );
}
