import { useState } from 'react';
import EmptyState from '@atlaskit/empty-state';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useShippedIssues } from './hooks/useShippedIssues';
import { LoadError } from '../LoadError';
import { OptionSelect, type Option } from '../OptionSelect';
import { ShippedExportButton } from './ShippedExportButton';
import { ShippedIssueItem } from './ShippedIssueItem';

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
      {load.status === 'loading' ? (
        <Box padding="space.200" role="status" testId="shipped-loading">
          <Inline space="space.100" alignBlock="center">
            <Spinner size="medium" label="Loading shipped work" />
            <Text color="color.text.subtle">Finding recently done work and the customers it answered…</Text>
          </Inline>
        </Box>
      ) : load.status === 'error' ? (
        <LoadError what="Shipped work" error={load.error} onRetry={reload} testId="shipped-error" />
      ) : load.items.length === 0 ? (
        <EmptyState
          testId="shipped-empty"
          header={`Nothing with customer evidence was done in the last ${days} days`}
          headingLevel={3}
          headingSize="xsmall"
          description="Issues appear here once they are done in Jira and have insights linked to them. Try a longer period."
        />
      ) : (
        <Box as="ul" testId="shipped-list" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          <Stack space="space.100">
            {load.items.map((issue) => (
              <ShippedIssueItem key={issue.issueId} issue={issue} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
