import type { MouseEvent } from 'react';
import { token } from '@atlaskit/tokens';
import { isSafeHttpUrl } from '../../../../src/domain/safe-url';
import { notify, openExternal } from '../../api';

interface Props {
  url: string | undefined;
  label: string;
}

/**
 * A link to the evidence's source, or nothing. Only absolute http(s) URLs become links
 * (`javascript:`, `data:` and the rest render nothing, not even as text), and the
 * click goes through Jira's router because the panel's iframe may not navigate.
 */
export function SourceLink({ url, label }: Props): JSX.Element | null {
  if (url === undefined || !isSafeHttpUrl(url)) return null;
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    openExternal(url).catch(() => notify('error', 'Could not open the source link'));
  };
  return (
    <a
      href={url}
      onClick={open}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="source-link"
      style={{ color: token('color.link') }}
    >
      {label}
    </a>
  );
}
