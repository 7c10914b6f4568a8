import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { AccessView, InsightView, IssueHit } from '../../../../src/contract/views';
import { notify } from '../../api';
import { isLeaving } from '../../shared/pending';
import type { ActionResult } from '../../shared/action-result';
import { ExportCsvButton } from './ExportCsvButton';
import {
  inboxFilterOf,
  useInsightLibrary,
  type LibraryFilter,
  type LibraryStatus
} from './hooks/useInsightLibrary';
import { useLibraryActions, type LibraryActions } from './hooks/useLibraryActions';
import { insightCount, useTriageActions } from './hooks/useTriageActions';
import { BulkLinkToIssue } from './BulkLinkToIssue';
import { describeInboxFilter, InboxCounts } from './InboxCounts';
import { TriageBar } from './TriageBar';
import { UndoStatus, type UndoOffer } from './UndoStatus';
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
  /** Opens an account's view from an insight's account name; absent where it is not offered. */
  onOpenAccount?: (account: { key: string; name: string }) => void;
}

/** The project's insights, newest first, with the inbox of unlinked ones to triage. */
export function InsightLibrary({ access, onOpenAccount }: Props): JSX.Element {
  const [filter, setFilter] = useState<LibraryFilter>({ status: 'new', query: '' });
  const [capturing, setCapturing] = useState(false);
  // The form closes under the focus (saved, cancelled, Escape): focus goes back to its button.
  const captureRef = useRef<HTMLButtonElement>(null);
  const closeCapture = (): void => {
    setCapturing(false);
    captureRef.current?.focus();
  };
  const { load, loadingMore, loadMore, reload, update } = useInsightLibrary(filter);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  // The insight an Undo brought back, which takes focus once it is listed again.
  const [focusId, setFocusId] = useState<string | null>(null);
  // The offer outlives the render that made it: its Undo calls the latest actions.
  const restoreRef = useRef<LibraryActions['restoreDeleted'] | null>(null);
  /** Offers to bring a deleted insight back, for as long as the server keeps it. */
  const offerUndelete = useCallback((deleted: InsightView, until: string): void => {
    setFocusId(null);
    setUndo({
      message: `Deleted “${deleted.summary}”.`,
      expiresAt: until,
      undo: async () => {
        const back = await restoreRef.current?.(deleted);
        if (!back) return;
        setUndo(null);
        setFocusId(back.id);
      }
    });
  }, []);
  const libraryActions = useLibraryActions(filter, update, offerUndelete);
  restoreRef.current = libraryActions.restoreDeleted;
  const triage = useTriageActions(filter, update);
  const hasMore = load.status === 'ready' && load.cursor !== undefined;
  const searchedSoFar = hasMore && load.items.length === 0;

  // Selection for bulk triage: inbox items only, cleared whenever the filter changes.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [bulkLinking, setBulkLinking] = useState(false);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [undoBusy, setUndoBusy] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setSelected(new Set());
    setBulkLinking(false);
  }, [filter]);
  // A new offer follows a dismissal whose items have left the list: focus goes to its Undo.
  useEffect(() => {
    if (undo) undoRef.current?.focus();
  }, [undo]);
  // An offer the server will no longer honour is withdrawn rather than left to fail.
  useEffect(() => {
    if (!undo?.expiresAt) return;
    const left = Date.parse(undo.expiresAt) - Date.now();
    const timer = setTimeout(
      () => setUndo((current) => (current === undo ? null : current)),
      Math.max(left, 0)
    );
    return () => clearTimeout(timer);
  }, [undo]);

  const inbox = filter.status === 'new';
  const inboxFilter = inboxFilterOf(filter);
  const selectable = inbox && (access.canContribute || access.canCurate);
  const shown = load.status === 'ready' ? load.items.filter((i) => !isLeaving(i)) : [];
  const chosen = shown.filter((i) => selected.has(i.id));

  /** Offers to bring dismissed insights back to the inbox as they were. */
  const offerRestore = useCallback(
    (message: string, dismissed: readonly InsightView[]): void => {
      setFocusId(null);
      setUndo({
        message,
        undo: async () => {
          const { done, error } = await triage.restore(dismissed);
          if (error) return;
          setUndo(null);
          setFocusId(done[0]?.id ?? null);
        }
      });
    },
    [triage]
  );

  const actions: LibraryActions = useMemo(
    () => ({
      ...libraryActions,
      setStatus: async (insight, status) => {
        const failure = await libraryActions.setStatus(insight, status);
        if (failure === null && status === 'dismissed')
          offerRestore(`Dismissed “${insight.summary}”.`, [{ ...insight, status: 'dismissed' }]);
        return failure;
      }
    }),
    [libraryActions, offerRestore]
  );

  const dismissSelected = async (): Promise<void> => {
    setBulkBusy(true);
    const { done } = await triage.dismiss(chosen);
    setBulkBusy(false);
    setSelected(new Set());
    setBulkLinking(false);
    if (done.length > 0) offerRestore(`Dismissed ${insightCount(done.length)}.`, done);
  };

  const linkSelected = async (issue: IssueHit, note: string): ActionResult => {
    const { done, error } = await triage.link(chosen, issue, note);
    if (error) return error;
    setSelected(new Set());
    if (done.length > 0) notify('success', `Linked ${insightCount(done.length)} to ${issue.key}`);
    selectAllRef.current?.focus();
    return null;
  };

  const toggle = (id: string, on: boolean): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

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
      {inbox ? (
        <InboxCounts
          filter={inboxFilter}
          onFilter={(next) =>
            setFilter((f) => {
              const { inbox: _previous, ...rest } = f;
              return next ? { ...rest, inbox: next } : rest;
            })
          }
        />
      ) : null}
      <UndoStatus
        ref={undoRef}
        offer={undo}
        busy={undoBusy}
        onUndo={() => {
          if (!undo) return;
          setUndoBusy(true);
          void undo.undo().finally(() => setUndoBusy(false));
        }}
      />
      {selectable && shown.length > 0 ? (
        <TriageBar
          selected={chosen.length}
          shown={shown.length}
          onSelectAll={(all) => setSelected(new Set(all ? shown.map((i) => i.id) : []))}
          canLink={access.canContribute}
          canDismiss={access.canCurate}
          linking={bulkLinking}
          busy={bulkBusy}
          onLink={() => setBulkLinking((open) => !open)}
          onDismiss={() => void dismissSelected()}
          selectAllRef={selectAllRef}
        />
      ) : null}
      {selectable && bulkLinking && chosen.length > 0 ? (
        <BulkLinkToIssue count={chosen.length} onLink={linkSelected} onDone={() => setBulkLinking(false)} />
      ) : null}
      <AsyncList
        load={load}
        name={{ label: 'Insights' }}
        itemKey={(insight) => insight.id}
        renderItem={(insight) => (
          <InsightItem
            insight={insight}
            actions={actions}
            access={access}
            focused={insight.id === focusId}
            {...(onOpenAccount ? { onOpenAccount } : {})}
            {...(selectable
              ? {
                  selection: {
                    selected: selected.has(insight.id),
                    onChange: (on: boolean) => toggle(insight.id, on)
                  }
                }
              : {})}
          />
        )}
        loading={<Loading what="insights" testId="library-loading" />}
        failure={(error) => (
          <LoadError what="The insights" error={error} onRetry={reload} testId="library-error" />
        )}
        empty={
          searchedSoFar ? (
            // A search reads a bounded part of the library per call: say so, and offer the rest.
            <Text color="color.text.subtle" testId="library-search-partial">
              No match for “{filter.query || (inboxFilter ? describeInboxFilter(inboxFilter) : '')}” in the
              insights searched so far.
            </Text>
          ) : (
            <EmptyState
              testId="library-empty"
              header={filter.query === '' ? 'Nothing here' : `No insights match “${filter.query}”`}
              headingLevel={3}
              headingSize="xsmall"
              description={
                filter.query !== ''
                  ? NO_MATCH
                  : inboxFilter
                    ? `No insight in the inbox matches “${describeInboxFilter(inboxFilter)}”.`
                    : EMPTY[filter.status]
              }
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
