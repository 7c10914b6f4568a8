import { token } from '@atlaskit/tokens';
import { VISUALLY_HIDDEN } from './visually-hidden';

/** Why a customer's name or ARR is not shown: the same words wherever identity is masked. */
export const HIDDEN_REASON = 'Hidden by your admin’s privacy settings';

interface Props {
  testId?: string;
}

/**
 * A customer name or ARR the backend masked for this user: "Hidden", never a
 * misleading "$0" or an empty cell. The reason is a native hover title plus text for
 * screen readers; Atlaskit's Tooltip would pull its popup runtime into the issue
 * panel's first paint for this one hint.
 */
export function HiddenValue({ testId = 'hidden-value' }: Props): JSX.Element {
  return (
    <span title={HIDDEN_REASON} data-testid={testId} style={{ color: token('color.text.subtlest') }}>
      Hidden<span style={VISUALLY_HIDDEN}> by your admin’s privacy settings</span>
    </span>
  );
}
