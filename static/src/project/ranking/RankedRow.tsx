import Button from '@atlaskit/button/default/button';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { RankedIssueView } from '../../../../src/contract/views';
import { formatDate, formatMoney, formatMoneyExact, formatNumber, formatRelative } from '../../shared/format';
import { HiddenValue } from '../../shared/HiddenValue';
import { IssueKeyLink } from '../../shared/IssueKeyLink';
import { CELL, NUMERIC, RANKED_COLUMNS } from '../table-styles';
import { RowEvidence } from './RowEvidence';

const STATUS_APPEARANCE: Readonly<Record<RankedIssueView['statusCategory'], ThemeAppearance>> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
  undefined: 'default'
};

interface Props {
  row: RankedIssueView;
  rank: number;
  expanded: boolean;
  onToggle: () => void;
}

/** One ranked issue; its key opens the issue in Jira, the toggle shows its top evidence here. */
export function RankedRow({ row, rank, expanded, onToggle }: Props): JSX.Element {
  const detailsId = `ranked-details-${row.issueId}`;
  return (
    <>
      <tr
        data-testid="ranked-row"
        data-issue-key={row.key}
        data-score={row.score}
        data-level={row.hierarchyLevel}
      >
        <td style={{ ...CELL, width: '1%' }}>
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={onToggle}
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={`${expanded ? 'Hide' : 'Show'} evidence for ${row.key}`}
            testId="ranked-expand"
          >
            {expanded ? '▾' : '▸'}
          </Button>
        </td>
        <td style={{ ...NUMERIC, color: token('color.text.subtle') }} data-testid="ranked-rank">
          {rank}
        </td>
        <td style={CELL}>
          <IssueKeyLink issueKey={row.key} title={`Open ${row.key} in Jira`} testId="ranked-open" />
        </td>
        <td style={{ ...CELL, minWidth: '10rem', overflowWrap: 'anywhere' }} data-testid="ranked-summary">
          <div>{row.summary}</div>
          <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
            {row.issueType} ·{' '}
            <span style={{ color: row.assignee ? undefined : token('color.text.subtlest') }}>
              {row.assignee ?? 'Unassigned'}
            </span>
          </div>
        </td>
        <td style={CELL}>
          <Lozenge appearance={STATUS_APPEARANCE[row.statusCategory]} maxWidth={120}>
            {row.status}
          </Lozenge>
        </td>
        <td style={{ ...NUMERIC, fontWeight: token('font.weight.semibold') }} data-testid="ranked-score">
          {formatNumber(row.score)}
        </td>
        <td style={NUMERIC}>{row.accounts}</td>
        {row.identityHidden ? (
          <td style={NUMERIC}>
            <HiddenValue testId="ranked-arr-hidden" />
          </td>
        ) : (
          <td style={NUMERIC} title={formatMoneyExact(row.arr)}>
            {formatMoney(row.arr)}
          </td>
        )}
        <td style={NUMERIC}>{row.insightCount}</td>
        <td
          style={{ ...CELL, whiteSpace: 'nowrap' }}
          title={row.lastEvidenceAt ? formatDate(row.lastEvidenceAt) : undefined}
        >
          {row.lastEvidenceAt ? formatRelative(row.lastEvidenceAt) : '—'}
        </td>
      </tr>
      {expanded ? (
        <tr id={detailsId} data-testid="ranked-details">
          <td
            colSpan={RANKED_COLUMNS}
            style={{ ...CELL, background: token('color.background.neutral.subtle') }}
          >
            <RowEvidence issueId={row.issueId} issueKey={row.key} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
