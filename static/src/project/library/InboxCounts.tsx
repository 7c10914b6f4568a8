import { useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { InboxAgeBand } from '../../../../src/contract/views';
import { SOURCE_KINDS } from '../../../../src/domain/vocabulary';
import { useContractQuery } from '../../api';
import { SOURCE_KIND_LABELS } from '../../shared/labels';
import type { InboxFilter } from './hooks/useInsightLibrary';

const AGE_LABELS: Readonly<Record<InboxAgeBand, string>> = {
  week: 'This week',
  month: 'This month',
  older: 'Older'
};
const AGE_BANDS: readonly InboxAgeBand[] = ['week', 'month', 'older'];

interface Props {
  /** The filter in force, if any. */
  filter: InboxFilter | undefined;
  /** Narrows the inbox to a count's insights; undefined shows the whole inbox again. */
  onFilter: (next: InboxFilter | undefined) => void;
}

/** "Support ticket · This week": what a filter keeps, in words. */
export function describeInboxFilter(filter: InboxFilter): string {
  return [
    filter.source === undefined ? undefined : SOURCE_KIND_LABELS[filter.source],
    filter.age === undefined ? undefined : AGE_LABELS[filter.age]
  ]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
}

/**
 * How the inbox is made up, counted by the server over what this user may see: per
 * source kind (only the kinds present) and per age of the feedback. Each count is a
 * toggle that narrows the list to the insights it counts (a source and an age combine);
 * the filter in force is said in words with a button that clears it. Quiet while loading
 * or failed: the list below carries its own states.
 */
export function InboxCounts({ filter, onFilter }: Props): JSX.Element | null {
  const { data } = useContractQuery('project/inboxCounts', {});
  const firstCount = useRef<HTMLButtonElement>(null);
  if (!data || (data.total === 0 && !filter)) return null;
  const sources = SOURCE_KINDS.filter((kind) => data.bySource[kind] > 0 || filter?.source === kind);
  const toggle = (next: InboxFilter): void => {
    const merged = { ...filter, ...next };
    // Pressing the count in force again lifts that part of the filter.
    if (next.source !== undefined && filter?.source === next.source) delete merged.source;
    if (next.age !== undefined && filter?.age === next.age) delete merged.age;
    onFilter(merged.source === undefined && merged.age === undefined ? undefined : merged);
  };
  return (
    <Stack space="space.050" testId="inbox-counts">
      <Text weight="semibold">
        {data.partial ? 'The newest ' : ''}
        {data.total} insight{data.total === 1 ? '' : 's'} to triage
      </Text>
      <Inline space="space.200" shouldWrap>
        <Inline space="space.050" alignBlock="center" role="group" aria-label="Inbox by source" shouldWrap>
          <Text size="small" color="color.text.subtle">
            By source:
          </Text>
          {sources.map((kind, i) => (
            <Button
              key={kind}
              ref={i === 0 ? firstCount : undefined}
              spacing="compact"
              appearance="subtle"
              isSelected={filter?.source === kind}
              aria-pressed={filter?.source === kind}
              onClick={() => toggle({ source: kind })}
            >
              {SOURCE_KIND_LABELS[kind]} {data.bySource[kind]}
            </Button>
          ))}
        </Inline>
        <Inline space="space.050" alignBlock="center" role="group" aria-label="Inbox by age" shouldWrap>
          <Text size="small" color="color.text.subtle">
            By age:
          </Text>
          {AGE_BANDS.map((band) => (
            <Button
              key={band}
              spacing="compact"
              appearance="subtle"
              isSelected={filter?.age === band}
              aria-pressed={filter?.age === band}
              onClick={() => toggle({ age: band })}
            >
              {AGE_LABELS[band]} {data.byAge[band]}
            </Button>
          ))}
        </Inline>
      </Inline>
      {filter ? (
        <Inline space="space.100" alignBlock="center">
          <Text size="small">Showing only: {describeInboxFilter(filter)}</Text>
          <Button
            spacing="compact"
            onClick={() => {
              onFilter(undefined);
              // The button goes with the filter: focus stays among the counts.
              firstCount.current?.focus();
            }}
          >
            Clear filter
          </Button>
        </Inline>
      ) : null}
    </Stack>
  );
}
