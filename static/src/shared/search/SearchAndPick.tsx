import type { ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { SearchBox } from './SearchBox';
import { useLatestSearch, type Search } from './useLatestSearch';
import type { Picks } from './usePicks';

/**
 * Where the matches come from: a function the field's own latest-wins search calls, or
 * a search the screen runs itself (through the query layer, say).
 */
type Source<T> =
  | {
      /** Fetches matches for a trimmed query; a module-level function, so it stays the same. */
      find: (query: string) => Promise<T[]>;
      search?: never;
    }
  | { search: Search<T>; find?: never };

type Props<T> = Source<T> & {
  label: string;
  placeholder: string;
  /** Refuse an empty search (the contract requires a query). */
  required?: boolean;
  /** The query the field starts with. */
  initial?: string;
  /** The matches that may be offered, e.g. not the insight being merged away. */
  offer?: (found: readonly T[]) => readonly T[];
  picks: Picks<T>;
  /** Why a match cannot be picked, shown in place of its button; undefined when it can. */
  blockedBy?: (item: T) => string | undefined;
  /** The button's text while a match is not picked. */
  pickLabel?: string;
  /** What the user reads about a match to decide whether to pick it. */
  describe: (item: T) => ReactNode;
  /** Names the list of matches for assistive technology, e.g. "Matching issues". */
  resultsLabel: string;
  /** Said when the search found nothing to offer. */
  noMatches: (query: string) => string;
  /** The search field; its button, messages and list are `${testId}-submit`, `-error`, `-empty`, `-results`. */
  testId: string;
  /** Each match; its button is `${itemTestId}-select`. */
  itemTestId: string;
};

const all = <T,>(found: readonly T[]): readonly T[] => found;
const findNothing = (): Promise<never[]> => Promise.resolve([]);

/**
 * A search field and the matches it found, each picked or unpicked with its own button.
 * The screen owns the picks (one or several) and what is done with them.
 */
export function SearchAndPick<T>({
  label,
  placeholder,
  required = false,
  initial = '',
  find,
  search: given,
  offer = all,
  picks,
  blockedBy = () => undefined,
  pickLabel = 'Select',
  describe,
  resultsLabel,
  noMatches,
  testId,
  itemTestId
}: Props<T>): JSX.Element {
  const own = useLatestSearch<T>(find ?? findNothing);
  const { state, search } = given ?? own;
  const offered = state.status === 'done' ? offer(state.items) : [];
  return (
    <>
      <SearchBox
        label={label}
        placeholder={placeholder}
        onSearch={(q) => void search(q)}
        searching={state.status === 'searching'}
        required={required}
        initial={initial}
        testId={testId}
      />
      {state.status === 'error' ? (
        <SectionMessage appearance="error" testId={`${testId}-error`}>
          <Text as="p">Search didn’t answer — try again. ({state.error.message})</Text>
        </SectionMessage>
      ) : null}
      {state.status === 'done' && offered.length === 0 ? (
        <Text color="color.text.subtle" testId={`${testId}-empty`}>
          {noMatches(state.query)}
        </Text>
      ) : null}
      {offered.length > 0 ? (
        <Box
          as="ul"
          aria-label={resultsLabel}
          testId={`${testId}-results`}
          style={{
            margin: 0,
            paddingInlineStart: 0,
            listStyle: 'none',
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.050')
          }}
        >
          {offered.map((item) => {
            const picked = picks.isPicked(item);
            const blocked = blockedBy(item);
            return (
              <Box as="li" key={picks.keyOf(item)} testId={itemTestId} padding="space.075">
                <Inline space="space.100" alignBlock="center" spread="space-between">
                  {describe(item)}
                  {blocked !== undefined ? (
                    <Text size="small" color="color.text.subtlest">
                      {blocked}
                    </Text>
                  ) : (
                    <Button
                      spacing="compact"
                      isSelected={picked}
                      aria-pressed={picked}
                      onClick={() => picks.toggle(item)}
                      testId={`${itemTestId}-select`}
                    >
                      {picked ? 'Selected' : pickLabel}
                    </Button>
                  )}
                </Inline>
              </Box>
            );
          })}
        </Box>
      ) : null}
    </>
  );
}
