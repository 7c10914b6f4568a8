import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { InsightView, IssueHit } from '../../../src/contract/views';
import { invokeApi } from '../api';
import type { ActionResult } from '../shared/action-result';
import { LinkWithNote, useLinkNote } from '../shared/search/LinkWithNote';
import { SearchAndPick } from '../shared/search/SearchAndPick';
import { usePicks } from '../shared/search/usePicks';

interface Props {
  insight: InsightView;
  onLink: (insight: InsightView, issue: IssueHit, note: string) => ActionResult;
  onDone: () => void;
}

const findIssues = (query: string): Promise<IssueHit[]> => invokeApi('project/searchIssues', { query });

const issueIdOf = (hit: IssueHit): string => hit.issueId;

/** Links an insight to an issue found by key or text, with "why this is evidence". */
export function LinkToIssue({ insight, onLink, onDone }: Props): JSX.Element {
  return (
    <IssueLinkForm
      label="Find the issue this is evidence for"
      linkLabel={(chosen) => (chosen ? `Link to ${chosen.key}` : 'Link')}
      onLink={(issue, note) => onLink(insight, issue, note)}
      onDone={onDone}
      testIds={{ form: 'link-to-issue', search: 'issue-search', hit: 'issue-hit', confirm: 'link-confirm' }}
    />
  );
}

interface FormProps {
  /** The search field's label: what the issue will be evidence for. */
  label: string;
  linkLabel: (chosen: IssueHit | undefined) => string;
  onLink: (issue: IssueHit, note: string) => ActionResult;
  onDone: () => void;
  testIds: { form: string; search: string; hit: string; confirm: string };
}

/** One issue found by key or text, and "why this is evidence": for one insight or many. */
export function IssueLinkForm({ label, linkLabel, onLink, onDone, testIds }: FormProps): JSX.Element {
  const picks = usePicks(issueIdOf);
  const chosen = picks.picked[0];
  const linkNote = useLinkNote(onDone);

  const link = async (): Promise<void> => {
    if (chosen) await linkNote.send((note) => onLink(chosen, note));
  };

  return (
    <Box
      padding="space.150"
      testId={testIds.form}
      style={{ borderInlineStart: `${token('border.width.selected')} solid ${token('color.border.brand')}` }}
    >
      <Stack space="space.150">
        <SearchAndPick
          label={label}
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
          testId={testIds.search}
          itemTestId={testIds.hit}
        />
        <LinkWithNote
          state={linkNote}
          linkLabel={linkLabel(chosen)}
          canLink={chosen !== undefined}
          onLink={() => void link()}
          onCancel={onDone}
          linkTestId={testIds.confirm}
        />
      </Stack>
    </Box>
  );
}
