import { useId } from 'react';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ShippedIssueView } from '../../../../src/contract/views';
import { formatMoney, formatMoneyExact } from '../../shared/format';
import { HiddenValue } from '../../shared/HiddenValue';
import { CELL, HEAD, NUMERIC } from '../table-styles';

interface Props {
  issue: ShippedIssueView;
}

/** The accounts to tell, with their ARR; masked ones say "Hidden", never "$0". */
export function ShippedAccounts({ issue }: Props): JSX.Element {
  const headingId = useId();
  const hidden = issue.identityHidden === true;
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Stack>
  );
}
