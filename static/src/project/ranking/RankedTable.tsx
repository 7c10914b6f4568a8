import { useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { RankedIssueView } from '../../../../src/contract/views';
import { RankedRow } from './RankedRow';
import { HEAD } from '../table-styles';

interface Props {
  rows: readonly RankedIssueView[];
}

/** The ranked issues, highest impact first, each expandable to its top evidence. */
export function RankedTable({ rows }: Props): JSX.Element {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (issueId: string): void =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(issueId)) next.delete(issueId);
      else next.add(issueId);
      return next;
    });
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid="ranked-table"
        style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
      >
        <caption
          style={{ textAlign: 'start', font: token('font.body.small'), color: token('color.text.subtle') }}
        >
          Issues ranked by customer impact score (highest first)
        </caption>
        <thead>
          <tr>
            <th style={HEAD}>
              <span
                style={{
                  position: 'absolute',
                  width: 1,
                  height: 1,
                  overflow: 'hidden',
                  clip: 'rect(0 0 0 0)'
                }}
              >
                Evidence
              </span>
            </th>
            <th style={{ ...HEAD, textAlign: 'end' }}>#</th>
            <th style={HEAD}>Key</th>
            <th style={HEAD}>Summary</th>
            <th style={HEAD}>Type</th>
            <th style={HEAD}>Status</th>
            <th style={HEAD}>Assignee</th>
            <th style={{ ...HEAD, textAlign: 'end' }}>Score</th>
            <th style={{ ...HEAD, textAlign: 'end' }}>Accounts</th>
            <th style={{ ...HEAD, textAlign: 'end' }}>ARR at stake</th>
            <th style={{ ...HEAD, textAlign: 'end' }}>Insights</th>
            <th style={HEAD}>Newest evidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <RankedRow
              key={row.issueId}
              row={row}
              rank={index + 1}
              expanded={expanded.has(row.issueId)}
              onToggle={() => toggle(row.issueId)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
