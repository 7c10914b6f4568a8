import { token } from '@atlaskit/tokens';
import { notify, openIssue } from '../api';

interface Props {
  issueKey: string;
  /** Shown as a hover hint (the issue's summary). */
  title?: string;
  testId: string;
}

/**
 * An issue key that opens the issue in Jira through the host's router. A button, not
 * an anchor: the app's iframe has no URL of Jira's to link to, and a fake href would
 * break middle-click and "copy link".
 */
export function IssueKeyLink({ issueKey, title, testId }: Props): JSX.Element {
  const open = (): void => {
    openIssue(issueKey).catch(() => notify('error', `Could not open ${issueKey}`));
  };
  return (
    <button
      type="button"
      onClick={open}
      title={title}
      data-testid={testId}
      style={{
        background: 'none',
        border: 'none',
        padding: 0,
        font: 'inherit',
        color: token('color.link'),
        cursor: 'pointer',
        textDecoration: 'none',
        whiteSpace: 'nowrap'
      }}
    >
      {issueKey}
    </button>
  );
}
