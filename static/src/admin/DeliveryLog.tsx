import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { IntakeDeliveryView } from '../../../src/contract/views';
import { CELL, HEAD, NUMERIC, TABLE } from './intake-table-styles';
import { formatReceivedAt } from './model/received-at';

interface Props {
  sourceName: string;
  deliveries: IntakeDeliveryView[];
}

/**
 * A source's latest deliveries, newest first: how many items were accepted, were
 * duplicates of what is stored, or were refused, with each refused item's reason one
 * click away. Deliveries are kept a week.
 */
export function DeliveryLog({ sourceName, deliveries }: Props): JSX.Element {
  if (deliveries.length === 0) {
    return (
      <Text as="p" color="color.text.subtle">
        No deliveries to {sourceName} in the last week.
      </Text>
    );
  }
  return (
    <table style={TABLE} aria-label={`Deliveries to ${sourceName}`}>
      <thead>
        <tr>
          <th style={HEAD}>Received</th>
          <th style={HEAD}>Status</th>
          <th style={{ ...HEAD, textAlign: 'end' }}>Items</th>
          <th style={{ ...HEAD, textAlign: 'end' }}>Accepted</th>
          <th style={{ ...HEAD, textAlign: 'end' }}>Duplicates</th>
          <th style={{ ...HEAD, textAlign: 'end' }}>Rejected</th>
          <th style={HEAD}>Reasons</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.deliveryId}>
            <td style={CELL}>
              <time dateTime={d.receivedAt}>{formatReceivedAt(d.receivedAt)}</time>
            </td>
            <td style={CELL}>{d.status === 'queued' ? 'Writing…' : 'Done'}</td>
            <td style={NUMERIC}>{d.items}</td>
            <td style={NUMERIC}>{d.accepted}</td>
            <td style={NUMERIC}>{d.duplicates}</td>
            <td style={NUMERIC}>{d.rejected}</td>
            <td style={CELL}>
              {d.rejections.length === 0 ? (
                '—'
              ) : (
                <details>
                  <summary>
                    {d.rejections.length === 1
                      ? 'Why 1 item was refused'
                      : `Why ${d.rejections.length} items were refused`}
                  </summary>
                  <Stack space="space.050">
                    <ul style={{ margin: 0 }}>
                      {d.rejections.map((r) => (
                        <li key={r.index}>
                          Item {r.index + 1}
                          {r.externalId !== undefined ? ` (${r.externalId})` : ''}: {r.reason}
                        </li>
                      ))}
                    </ul>
                  </Stack>
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
