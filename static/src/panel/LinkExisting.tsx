import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { Label } from '@atlaskit/form';
import { MAX_LINKS_PER_CALL } from '../../../src/contract/payloads';
import { FormField } from '../shared/forms/FormField';
import type { ActionResult } from './hooks/usePanelActions';
import { useInsightSearch } from './hooks/useInsightSearch';
import { SearchResultItem } from './SearchResultItem';

interface Props {
  /** Insights already on this issue (shown as such, not selectable). */
  linkedIds: ReadonlySet<string>;
  onLink: (
    insightIds: string[],
    note: string,
    nameOf?: (insightId: string) => string | undefined
  ) => ActionResult;
  onDone: () => void;
}

/** Finds captured insights in this project and links the selected ones with a note. */
export function LinkExisting({ linkedIds, onLink, onDone }: Props): JSX.Element {
  const { state, search } = useInsightSearch();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [linking, setLinking] = useState(false);
  const id = useId();

  const toggle = (insightId: string): void =>
    setSelected((s) =>
      s.includes(insightId)
        ? s.filter((x) => x !== insightId)
        : s.length < MAX_LINKS_PER_CALL
          ? [...s, insightId]
          : s
    );

  const runSearch = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void search(query);
  };

  const link = async (): Promise<void> => {
    setLinking(true);
    const found = state.status === 'done' ? state.items : [];
    const failure = await onLink(
      selected,
      note,
      (insightId) => found.find((i) => i.id === insightId)?.summary
    );
    setLinking(false);
    if (failure === null) onDone();
    else setNoteError(failure.fieldIssues.find((i) => i.path === 'note')?.message);
  };

  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h3">
        Link existing evidence
      </Heading>
      <form onSubmit={runSearch} role="search">
        <Stack space="space.050">
          <Label htmlFor={`${id}-query`}>Search insights in this project</Label>
          <Inline space="space.100" alignBlock="center">
            <Box style={{ flexGrow: 1 }}>
              <Textfield
                id={`${id}-query`}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                placeholder="Summary, account or tag"
                maxLength={200}
                testId="search-input"
              />
            </Box>
            <Button type="submit" isLoading={state.status === 'searching'} testId="search-submit">
              Search
            </Button>
          </Inline>
        </Stack>
      </form>
      {state.status === 'error' ? (
        <SectionMessage appearance="error" testId="search-error">
          <Text as="p">Search didn’t answer — try again. ({state.error.message})</Text>
        </SectionMessage>
      ) : null}
      {state.status === 'done' && state.items.length === 0 ? (
        <Text color="color.text.subtle" testId="search-empty">
          No insights match{state.query === '' ? '' : ` “${state.query}”`}.
        </Text>
      ) : null}
      {state.status === 'done' && state.items.length > 0 ? (
        <Box as="ul" testId="search-results" style={{ margin: 0, paddingInlineStart: 0 }}>
          {state.items.map((insight) => (
            <SearchResultItem
              key={insight.id}
              insight={insight}
              selected={selected.includes(insight.id)}
              alreadyLinked={linkedIds.has(insight.id)}
              onToggle={toggle}
            />
          ))}
        </Box>
      ) : null}
      <FormField id={`${id}-note`} label="Why this is evidence" error={noteError} testId="link-note">
        <TextArea
          id={`${id}-note`}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          isInvalid={noteError !== undefined}
          aria-describedby={`${id}-note-message`}
          testId="link-note"
        />
      </FormField>
      <Inline space="space.100">
        <Button
          appearance="primary"
          isDisabled={selected.length === 0}
          isLoading={linking}
          onClick={() => void link()}
          testId="link-button"
        >
          {selected.length > 1 ? `Link ${selected.length} insights` : 'Link insight'}
        </Button>
        <Button appearance="subtle" onClick={onDone} isDisabled={linking}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
