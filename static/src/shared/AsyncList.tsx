import { Fragment, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ApiError } from '../api';

/** A list as its query stands: still loading, failed, or these items. */
export type ListLoad<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; items: readonly T[] };

/** The pages after those shown, for a cursor-paged list. */
export interface MorePages {
  /** The list's next page exists (or may: a search has not read everything yet). */
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** The button's text, e.g. "Show more (12 more)". */
  label: string;
  testId?: string;
}

/** What names the list for assistive technology: a visible heading's id, or a label. */
export type ListName = { labelledBy: string } | { label: string };

interface Props<T> {
  load: ListLoad<T>;
  name: ListName;
  itemKey: (item: T) => string;
  /** One item, as an `li`. */
  renderItem: (item: T) => ReactNode;
  /** Shown while the first answer is on its way. */
  loading: ReactNode;
  /** Shown when the list did not load; it offers the retry. */
  failure: (error: ApiError) => ReactNode;
  /** Shown when the list loaded with nothing in it. */
  empty: ReactNode;
  more?: MorePages;
  testId?: string;
}

const LIST_STYLE = {
  margin: 0,
  paddingInlineStart: 0,
  listStyle: 'none',
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100')
} as const;

/**
 * One list loaded from the server, shown the same way everywhere: a loading state, a
 * failure with its retry, an empty state, or the items as a named list, with a button
 * for the next page when there is one (also under an empty state: a bounded search may
 * find nothing on one page and more on the next).
 */
export function AsyncList<T>({
  load,
  name,
  itemKey,
  renderItem,
  loading,
  failure,
  empty,
  more,
  testId
}: Props<T>): JSX.Element {
  if (load.status === 'loading') return <>{loading}</>;
  if (load.status === 'error') return <>{failure(load.error)}</>;
  const naming = 'label' in name ? { 'aria-label': name.label } : { 'aria-labelledby': name.labelledBy };
  return (
    <Stack space="space.100">
      {load.items.length === 0 ? (
        empty
      ) : (
        <Box as="ul" {...naming} testId={testId} style={LIST_STYLE}>
          {load.items.map((item) => (
            <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
          ))}
        </Box>
      )}
      {more?.hasMore ? (
        <Box>
          <Button onClick={more.loadMore} isLoading={more.loadingMore} testId={more.testId}>
            {more.label}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
