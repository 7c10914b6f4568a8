import { useState, type CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';
import type { RankSort } from '../../../../src/contract/payloads';
import type { RankedIssueView } from '../../../../src/contract/views';
import { RankedRow } from './RankedRow';
import { SORT_LABELS } from './model/ranked-filters';
import { HEAD } from '../table-styles';
import { VISUALLY_HIDDEN } from '../../shared/visually-hidden';

interface Props {
  rows: readonly RankedIssueView[];
  sort: RankSort;
  onSort: (sort: RankSort) => void;
}

const SORT_BUTTON: CSSProperties = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: 'inherit',
  cursor: 'pointer',
  textAlign: 'inherit'
};

interface SortHeadProps {
  column: RankSort;
  sort: RankSort;
  onSort: (sort: RankSort) => void;
  numeric: boolean;
  /** A column a user may not sort by (revenue they may not see) is a plain heading. */
  disabled?: boolean;
}

/** A column heading that sorts the backlog by it, highest first; the sorted one says so. */
function SortHead({ column, sort, onSort, numeric, disabled = false }: SortHeadProps): JSX.Element {
  const active = column === sort;
  const label = SORT_LABELS[column];
  return (
    <th
      scope="col"
      aria-sort={active ? 'descending' : undefined}
      style={{
        ...HEAD,
        // Two-word headings may wrap, so the figures' columns stay as narrow as their figures.
        whiteSpace: 'normal',
        textAlign: numeric ? 'end' : 'start',
        color: active ? token('color.text') : HEAD.color
      }}
    >
      {disabled ? (
        label
      ) : (
        <button
          type="button"
          style={SORT_BUTTON}
          onClick={() => onSort(column)}
          title={`Sort by ${label.toLowerCase()}, highest first`}
        >
          {label}
          <span aria-hidden="true">{active ? ' ↓' : ''}</span>
        </button>
      )}
    </th>
  );
}

/**
 * The ranked issues in the order asked for, highest first, each expandable to its top
 * evidence. Ten columns that fit a 1280 px screen beside Jira's sidebar: an issue's type
 * and assignee share the summary's cell.
 */
export function RankedTable({ rows, sort, onSort }: Props): JSX.Element {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (issueId: string): void =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(issueId)) next.delete(issueId);
      else next.add(issueId);
      return next;
    });
  const revenueHidden = rows.some((row) => row.identityHidden === true);
  const head = { sort, onSort };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid="ranked-table"
        style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
      >
        <caption
          style={{ textAlign: 'start', font: token('font.body.small'), color: token('color.text.subtle') }}
        >
          {`Issues sorted by ${SORT_LABELS[sort].toLowerCase()}, highest first`}
        </caption>
        <thead>
          <tr>
            <th scope="col" style={HEAD}>
              <span style={VISUALLY_HIDDEN}>Evidence</span>
            </th>
            <th scope="col" style={{ ...HEAD, textAlign: 'end' }}>
              #
            </th>
            <th scope="col" style={HEAD}>
              Key
            </th>
            <th scope="col" style={HEAD}>
              Summary
            </th>
            <th scope="col" style={HEAD}>
              Status
            </th>
            <SortHead column="score" numeric {...head} />
            <SortHead column="accounts" numeric {...head} />
            <SortHead column="revenue" numeric disabled={revenueHidden} {...head} />
            <th scope="col" style={{ ...HEAD, textAlign: 'end' }}>
              Insights
            </th>
            <SortHead column="newest" numeric={false} {...head} />
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
