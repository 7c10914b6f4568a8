import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { IssueHit } from '../../../../src/contract/views';
import { invokeApi } from '../../api';
import type { ActionResult } from '../../shared/action-result';
import { LinkWithNote, useLinkNote } from '../../shared/search/LinkWithNote';
import { SearchAndPick } from '../../shared/search/SearchAndPick';
import { usePicks } from '../../shared/search/usePicks';

interface Props {
  /** How many insights are selected: the button says what it will link. */
  count: number;
  onLink: (issue: IssueHit, note: string) => ActionResult;
  onDone: () => void;
}

const findIssues = (query: string): Promise<IssueHit[]> => invokeApi('project/searchIssues', { query });

const issueIdOf = (hit: IssueHit): string => hit.issueId;

/** Links the selected insights to one issue found by key or text, with one note for all. */
export function BulkLinkToIssue({ count, onLink, onDone }: Props): JSX.Element {
  const picks = usePicks(issueIdOf);
  const chosen = picks.picked[0];
  const linkNote = useLinkNote(onDone);
  const what = `${count} insight${count === 1 ? '' : 's'}`;

  const link = async (): Promise<void> => {
    if (chosen) await linkNote.send((note) => onLink(chosen, note));
  };

  return (
    <Box
      padding="space.150"
      testId="bulk-link"
      style={{ borderInlineStart: `${token('border.width.selected')} solid ${token('color.border.brand')}` }}
    >
      <Stack space="space.150">
        <SearchAndPick
          label={`Find the issue these ${what} are evidence for`}
          placeholder="Issue key (DEMO-12) or words in its summary"
          required
          find={findIssues}
          picks={picks}
          describe={(hit) => (
            <Inline space="space.100" alignBlock="center">
              <Text weight="medium">{hit.key}</Text>
              <Text>{hit.summary}</Text>
              <Text size="small" color="color.text.subtle">
                {hit.issueType}
              </Text>
            </Inline>
          )}
          resultsLabel="Matching issues"
          noMatches={(query) => `No issues match “${query}”.`}
          testId="bulk-issue-search"
          itemTestId="bulk-issue-hit"
        />
        <LinkWithNote
          state={linkNote}
          linkLabel={chosen ? `Link ${what} to ${chosen.key}` : `Link ${what}`}
          canLink={chosen !== undefined}
          onLink={() => void link()}
          onCancel={onDone}
          linkTestId="bulk-link-confirm"
        />
      </Stack>
    </Box>
  );
}
