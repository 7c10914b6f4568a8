import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useRankedIssues } from './hooks/useRankedIssues';
import { ImpactChart } from './ImpactChart';
import { LoadError } from '../LoadError';
import { DEFAULT_FILTERS, type RankedFilters } from './model/ranked-filters';
import { RankedFilterBar } from './RankedFilterBar';
import { RankedTable } from './RankedTable';

/**
 * The project's backlog ranked by customer impact (or sorted by accounts, revenue or newest
 * evidence), filtered, with where the impact comes from.
 */
export function RankedBacklog(): JSX.Element {
  const [filters, setFilters] = useState<RankedFilters>(DEFAULT_FILTERS);
  const { load, loadingMore, loadMore, reload } = useRankedIssues(filters);
  return (
    <Stack space="space.200">
      <RankedFilterBar filters={filters} onChange={setFilters} />
      {load.status === 'loading' ? (
        <Box padding="space.200" role="status" testId="ranked-loading">
          <Inline space="space.100" alignBlock="center">
            <Spinner size="medium" label="Loading the ranking" />
            <Text color="color.text.subtle">Ranking issues by customer impact…</Text>
          </Inline>
        </Box>
      ) : load.status === 'error' ? (
        <LoadError what="The ranking" error={load.error} onRetry={reload} testId="ranked-error" />
      ) : load.items.length === 0 ? (
        <EmptyState
          testId="ranked-empty"
          header="No issues with customer evidence match"
          headingLevel={3}
          headingSize="xsmall"
          description="Issues appear here once insights are linked to them. Try other filters, or link insights from the library."
        />
      ) : (
        <Stack space="space.200">
          <ImpactChart rows={load.items} level={filters.level} />
          <RankedTable
            rows={load.items}
            sort={filters.sort}
            onSort={(sort) => setFilters((f) => ({ ...f, sort }))}
          />
          {load.cursor !== undefined ? (
            <Box>
              <Button onClick={() => void loadMore()} isLoading={loadingMore} testId="ranked-load-more">
                Load more
              </Button>
            </Box>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
