import { useState } from 'react';
import EmptyState from '@atlaskit/empty-state';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { AsyncList } from '../../shared/AsyncList';
import { useShippedIssues } from './hooks/useShippedIssues';
import { LoadError } from '../LoadError';
import { OptionSelect, type Option } from '../OptionSelect';
import { ShippedExportButton } from './ShippedExportButton';
import { ShippedIssueItem } from './ShippedIssueItem';
import { LoopClosingSetting } from './LoopClosingSetting';

type Period = '7' | '30' | '90';

const PERIODS: readonly Option<Period>[] = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' }
];

/**
 * Recently done issues that had customer evidence, with the accounts and insights they
 * answered, so CX leads know whom to tell; exportable as CSV.
 */
export function ShippedForCustomers(): JSX.Element {
  const [period, setPeriod] = useState<Period>('30');
  const days = Number(period);
  const { load, reload } = useShippedIssues(days);
  return (
    <Stack space="space.200">
      <Inline space="space.200" spread="space-between" alignBlock="end" shouldWrap>
        <Box style={{ minWidth: '12rem' }}>
          <OptionSelect
            id="shipped-period"
            label="Done in"
            options={PERIODS}
            value={period}
            onChange={setPeriod}
            testId="shipped-period"
          />
        </Box>
        <ShippedExportButton issues={load.status === 'ready' ? load.items : []} days={days} />
      </Inline>
      <LoopClosingSetting />
      <AsyncList
        load={load}
        name={{ label: 'Done issues with customer evidence' }}
        itemKey={(issue) => issue.issueId}
        renderItem={(issue) => <ShippedIssueItem issue={issue} />}
        loading={
          <Box padding="space.200" role="status">
            <Inline space="space.100" alignBlock="center">
              <Spinner size="medium" label="Loading shipped work" />
              <Text color="color.text.subtle">Finding recently done work and the customers it answered…</Text>
            </Inline>
          </Box>
        }
        failure={(error) => (
          <LoadError what="Shipped work" error={error} onRetry={reload} testId="shipped-error" />
        )}
        empty={
          <EmptyState
            header={`Nothing with customer evidence was done in the last ${days} days`}
            headingLevel={3}
            headingSize="xsmall"
            description="Issues appear here once they are done in Jira and have insights linked to them. Try a longer period."
          />
        }
      />
    </Stack>
  );
}
