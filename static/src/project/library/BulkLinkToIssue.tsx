import type { IssueHit } from '../../../../src/contract/views';
import type { ActionResult } from '../../shared/action-result';
import { IssueLinkForm } from '../LinkToIssue';

interface Props {
  /** How many insights are selected: the button says what it will link. */
  count: number;
  onLink: (issue: IssueHit, note: string) => ActionResult;
  onDone: () => void;
}

/** Links the selected insights to one issue found by key or text, with one note for all. */
export function BulkLinkToIssue({ count, onLink, onDone }: Props): JSX.Element {
  const what = `${count} insight${count === 1 ? '' : 's'}`;
  return (
    <IssueLinkForm
      label={`Find the issue these ${what} are evidence for`}
      linkLabel={(chosen) => (chosen ? `Link ${what} to ${chosen.key}` : `Link ${what}`)}
      onLink={onLink}
      onDone={onDone}
      testIds={{
        form: 'bulk-link',
        search: 'bulk-issue-search',
        hit: 'bulk-issue-hit',
        confirm: 'bulk-link-confirm'
      }}
    />
  );
}
