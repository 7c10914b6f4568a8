import { useId, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { InsightView, IssueHit } from '../../../src/contract/views';
import type { ActionResult } from '../shared/action-result';
import { FormField } from '../shared/forms/FormField';
import { useIssueSearch } from './hooks/useSearch';
import { SearchBox } from './SearchBox';

interface Props {
  insight: InsightView;
  onLink: (insight: InsightView, issue: IssueHit, note: string) => ActionResult;
  onDone: () => void;
}

/** Links an insight to an issue found by key or text, with "why this is evidence". */
export function LinkToIssue({ insight, onLink, onDone }: Props): JSX.Element {
  const { state, search } = useIssueSearch();
  const [chosen, setChosen] = useState<IssueHit | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [linking, setLinking] = useState(false);
  const id = useId();

  const link = async (): Promise<void> => {
    if (!chosen) return;
    setLinking(true);
    const failure = await onLink(insight, chosen, note);
    setLinking(false);
    if (failure === null) onDone();
    else setNoteError(failure.fieldIssues.find((i) => i.path === 'note')?.message);
  };

  return (
    <Box
      padding="space.150"
      testId="link-to-issue"
      style={{ borderInlineStart: `${token('border.width.selected')} solid ${token('color.border.brand')}` }}
    >
      <Stack space="space.150">
        <SearchBox
          label="Find the issue this is evidence for"
          placeholder="Issue key (DEMO-12) or words in its summary"
          onSearch={(q) => void search(q)}
          searching={state.status === 'searching'}
          required
          testId="issue-search"
        />
        {state.status === 'error' ? (
          <SectionMessage appearance="error" testId="issue-search-error">
            <Text as="p">Search didn’t answer — try again. ({state.error.message})</Text>
          </SectionMessage>
        ) : null}
        {state.status === 'done' && state.items.length === 0 ? (
          <Text color="color.text.subtle" testId="issue-search-empty">
            No issues match “{state.query}”.
          </Text>
        ) : null}
        {state.status === 'done' && state.items.length > 0 ? (
          <Box as="ul" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} testId="issue-hits">
            <Stack space="space.050">
              {state.items.map((hit) => {
                const selected = chosen?.issueId === hit.issueId;
                return (
                  <Box as="li" key={hit.issueId} testId="issue-hit">
                    <Inline space="space.100" alignBlock="center">
                      <Button
                        spacing="compact"
                        isSelected={selected}
                        aria-pressed={selected}
                        onClick={() => setChosen(selected ? null : hit)}
                        testId="issue-hit-select"
                      >
                        {selected ? 'Selected' : 'Select'}
                      </Button>
                      <Text weight="medium">{hit.key}</Text>
                      <Text>{hit.summary}</Text>
                      <Text size="small" color="color.text.subtle">
                        {hit.issueType}
                      </Text>
                    </Inline>
                  </Box>
                );
              })}
            </Stack>
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
            isDisabled={chosen === null}
            isLoading={linking}
            onClick={() => void link()}
            testId="link-confirm"
          >
            {chosen ? `Link to ${chosen.key}` : 'Link'}
          </Button>
          <Button appearance="subtle" onClick={onDone} isDisabled={linking}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
