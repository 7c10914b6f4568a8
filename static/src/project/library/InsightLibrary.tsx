import { lazy, Suspense, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { AccessView } from '../../../../src/contract/views';
import { ExportCsvButton } from './ExportCsvButton';
import { useInsightLibrary, type LibraryFilter, type LibraryStatus } from './hooks/useInsightLibrary';
import { useLibraryActions } from './hooks/useLibraryActions';
import { InsightItem } from './InsightItem';
import { LoadError } from '../LoadError';
import { AsyncList } from '../../shared/AsyncList';
import { Loading } from '../../shared/Loading';
import { curatorReason } from '../../shared/missing-actions';
import { SearchBox } from '../../shared/search/SearchBox';

// The shared capture form (and its selects) loads when someone opens it.
const CaptureForm = lazy(() =>
  import('../../shared/capture/CaptureForm').then((m) => ({ default: m.CaptureForm }))
);

const STATUS_TABS: readonly { status: LibraryStatus; label: string }[] = [
  { status: 'new', label: 'Inbox' },
  { status: 'linked', label: 'Linked' },
  { status: 'addressed', label: 'Addressed' },
  { status: 'dismissed', label: 'Not actionable' },
  { status: 'all', label: 'All' }
];

const EMPTY: Readonly<Record<LibraryStatus, string>> = {
  new: 'The inbox is empty: every insight is linked to work or triaged.',
  linked: 'No insight is linked to an issue yet.',
  addressed: 'No insight has been addressed by shipped work yet.',
  dismissed: 'Nothing has been marked not actionable.',
  all: 'No insights yet. Capture one, or import a CSV from your support or survey tool.'
};

const NO_MATCH = 'No summary, quote, tag or account name here contains every word of the search.';

interface Props {
  /** What the user may do here: only those actions are shown. */
  access: AccessView;
}

/** The project's insights, newest first, with the inbox of unlinked ones to triage. */
export function InsightLibrary({ access }: Props): JSX.Element {
  const [filter, setFilter] = useState<LibraryFilter>({ status: 'new', query: '' });
  const [capturing, setCapturing] = useState(false);
  // The form closes under the focus (saved, cancelled, Escape): focus goes back to its button.
  const captureRef = useRef<HTMLButtonElement>(null);
  const closeCapture = (): void => {
    setCapturing(false);
    captureRef.current?.focus();
  };
  const { load, loadingMore, loadMore, reload, update } = useInsightLibrary(filter);
  const actions = useLibraryActions(filter, update);
  const hasMore = load.status === 'ready' && load.cursor !== undefined;
  const searchedSoFar = hasMore && load.items.length === 0;

  return (
    <Stack space="space.200">
      <Inline space="space.100" spread="space-between" alignBlock="end" shouldWrap>
        <Inline space="space.050" role="group" aria-label="Show insights" shouldWrap>
          {STATUS_TABS.map((t) => (
            <Button
              key={t.status}
              isSelected={filter.status === t.status}
              aria-pressed={filter.status === t.status}
              onClick={() => setFilter((f) => ({ ...f, status: t.status }))}
              testId={`library-status-${t.status}`}
            >
              {t.label}
            </Button>
          ))}
        </Inline>
        <Inline space="space.100">
          {access.canContribute ? (
            <Button
              ref={captureRef}
              appearance="primary"
              isSelected={capturing}
              aria-expanded={capturing}
              onClick={() => setCapturing((c) => !c)}
              testId="capture-insight-button"
            >
              Capture insight
            </Button>
          ) : null}
          <ExportCsvButton filter={filter} />
        </Inline>
      </Inline>
      {curatorReason(access) === undefined ? null : (
        <Text as="p" color="color.text.subtle">
          {curatorReason(access)}
        </Text>
      )}
      <SearchBox
        label="Search insights"
        placeholder="Summary, quote, tag or account"
        onSearch={(query) => setFilter((f) => ({ ...f, query }))}
        testId="library-search"
      />
      {capturing && access.canContribute ? (
        <Box padding="space.200" backgroundColor="elevation.surface.raised" testId="capture-panel">
          <Suspense fallback={<Spinner size="medium" label="Loading the form" />}>
            <CaptureForm
              withNote={false}
              title="Capture insight"
              submitLabel="Capture insight"
              onSubmit={actions.capture}
              onDone={closeCapture}
              accountsFrom="project"
            />
          </Suspense>
        </Box>
      ) : null}
      <AsyncList
        load={load}
        name={{ label: 'Insights' }}
        itemKey={(insight) => insight.id}
        renderItem={(insight) => <InsightItem insight={insight} actions={actions} access={access} />}
        loading={<Loading what="insights" testId="library-loading" />}
        failure={(error) => (
          <LoadError what="The insights" error={error} onRetry={reload} testId="library-error" />
        )}
        empty={
          searchedSoFar ? (
            // A search reads a bounded part of the library per call: say so, and offer the rest.
            <Text color="color.text.subtle" testId="library-search-partial">
              No match for “{filter.query}” in the insights searched so far.
            </Text>
          ) : (
            <EmptyState
              testId="library-empty"
              header={filter.query === '' ? 'Nothing here' : `No insights match “${filter.query}”`}
              headingLevel={3}
              headingSize="xsmall"
              description={filter.query === '' ? EMPTY[filter.status] : NO_MATCH}
            />
          )
        }
        more={{
          hasMore,
          loadingMore,
          loadMore: () => void loadMore(),
          label: filter.query === '' ? 'Load more' : 'Search further',
          testId: searchedSoFar ? 'library-search-further' : 'library-load-more'
        }}
        testId="library-list"
      />
    </Stack>
  );
}
