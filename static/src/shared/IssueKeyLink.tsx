import { useEffect, useState, type CSSProperties, type MouseEvent } from 'react';
import { token } from '@atlaskit/tokens';
import { notify, openIssue, siteUrl } from '../api';

interface Props {
  issueKey: string;
  /** Shown as a hover hint (the issue's summary). */
  title?: string;
  testId: string;
  /**
   * The key sits in a sentence: underlined, so it is told from the words around it by
   * more than its colour (WCAG 1.4.1). Alone, in a table cell or a heading row, it is not.
   */
  inText?: boolean;
}

const STYLE: CSSProperties = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: token('color.link'),
  cursor: 'pointer',
  textDecoration: 'none',
  whiteSpace: 'nowrap'
};

/** The site's URL once the host has said it; undefined until then or if it never does. */
function useSiteUrl(): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    void siteUrl().then((answer) => {
      if (live) setUrl(answer);
    });
    return () => {
      live = false;
    };
  }, []);
  return url;
}

/** A click the browser should handle itself: a new tab or window, or a download. */
function opensElsewhere(event: MouseEvent): boolean {
  return event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
}

/**
 * An issue key that opens the issue in Jira. A real link to `/browse/KEY` on the site
 * the host names, so middle-click, ctrl-click and "copy link" work; a plain click goes
 * through the host's router instead, because the app's iframe cannot navigate Jira's
 * window itself. Until the host names its site, a button that only uses the router.
 */
export function IssueKeyLink({ issueKey, title, testId, inText = false }: Props): JSX.Element {
  const style = inText ? { ...STYLE, textDecoration: 'underline' } : STYLE;
  const site = useSiteUrl();
  const open = (): void => {
    openIssue(issueKey).catch(() => notify('error', `Could not open ${issueKey}`));
  };
  if (site === undefined) {
    return (
      <button type="button" onClick={open} title={title} data-testid={testId} style={style}>
        {issueKey}
      </button>
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (opensElsewhere(event)) return;
    event.preventDefault();
    open();
  };
  return (
    <a
      href={`${site}/browse/${encodeURIComponent(issueKey)}`}
      target="_blank"
      rel="noopener noreferrer"
      onClick={onClick}
      title={title}
      data-testid={testId}
      style={style}
    >
      {issueKey}
    </a>
  );
}
