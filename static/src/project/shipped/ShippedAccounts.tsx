import { useId } from 'react';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ShippedIssueView } from '../../../../src/contract/views';
import { formatMoney, formatMoneyExact } from '../../shared/format';
import { HiddenValue } from '../../shared/HiddenValue';
import { CELL, HEAD, NUMERIC } from '../table-styles';
import { ToldRequests } from './ToldRequests';

interface Props {
  issue: ShippedIssueView;
}

/**
 * The accounts to tell, with their ARR; masked ones say "Hidden", never "$0". When the app
 * told service requests that this shipped, a column says which, per account; accounts
 * whose evidence came from elsewhere are still there to tell by hand.
 */
export function ShippedAccounts({ issue }: Props): JSX.Element {
  const headingId = useId();
  const hidden = issue.identityHidden === true;
  const anyTold = issue.accounts.some((account) => account.told !== undefined);
  return (
    <Stack space="space.050">
      <Text size="small" weight="bold" color="color.text.subtle" id={headingId}>
        Customers to tell ({issue.accounts.length})
      </Text>
      {issue.accounts.length === 0 ? (
        <Text size="small" color="color.text.subtle">
          Only anonymous feedback: no account to tell.
        </Text>
      ) : (
        <table
          aria-labelledby={headingId}
          style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
        >
          <thead>
            <tr>
              <th style={HEAD}>Account</th>
              <th style={{ ...HEAD, textAlign: 'end' }}>ARR</th>
              {anyTold ? <th style={HEAD}>Requests told</th> : null}
            </tr>
          </thead>
          <tbody>
            {issue.accounts.map((account) => (
              <tr key={account.key} data-testid="shipped-account">
                <td style={CELL}>{hidden ? <HiddenValue /> : account.name}</td>
                {hidden ? (
                  <td style={NUMERIC}>
                    <HiddenValue />
                  </td>
                ) : (
                  <td style={NUMERIC} title={formatMoneyExact(account.arr)}>
                    {formatMoney(account.arr)}
                  </td>
                )}
                {anyTold ? (
                  <td style={CELL}>
                    {account.told ? (
                      <Text size="small">
                        <ToldRequests told={account.told} />
                      </Text>
                    ) : (
                      <Text size="small" color="color.text.subtle">
                        None: tell them yourself
                      </Text>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {issue.otherTold ? (
        <Text size="small" testId="shipped-other-told">
          Also told, without an account listed here: <ToldRequests told={issue.otherTold} />
        </Text>
      ) : null}
    </Stack>
  );
}
