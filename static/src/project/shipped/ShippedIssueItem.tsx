import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ShippedIssueView } from '../../../../src/contract/views';
import { SourceLink } from '../../shared/evidence/SourceLink';
import { formatDate, formatNumber, formatRelative } from '../../shared/format';
import { IssueKeyLink } from '../../shared/IssueKeyLink';
import { sourceKindLabel } from '../../shared/labels';
import { ShippedAccounts } from './ShippedAccounts';

interface Props {
  issue: ShippedIssueView;
}

/** One done issue: whom to tell (its accounts) and what they asked for (its insights). */
export function ShippedIssueItem({ issue }: Props): JSX.Element {
  const more = issue.insightCount - issue.insights.length;
  return (
    <Box
      as="li"
      aria-label={`${issue.key}: ${issue.summary}`}
      padding="space.150"
      backgroundColor="elevation.surface.raised"
      testId="shipped-issue"
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium')
      }}
    >
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <IssueKeyLink issueKey={issue.key} title={`Open ${issue.key} in Jira`} testId="shipped-open" />
          <Text weight="semibold" testId="shipped-summary">
            {issue.summary}
          </Text>
          <Lozenge appearance="success">Done</Lozenge>
          <Text size="small" color="color.text.subtle">
            Score {formatNumber(issue.score)}
            {issue.doneAt === undefined ? null : (
              <span title={formatDate(issue.doneAt)}> · done {formatRelative(issue.doneAt)}</span>
            )}
          </Text>
        </Inline>
        <Inline space="space.300" shouldWrap alignBlock="start">
          <Box style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <ShippedAccounts issue={issue} />
          </Box>
          <Box style={{ flex: '2 1 24rem', minWidth: 0 }}>
            <Stack space="space.050">
              <Text
                size="small"
                weight="bold"
                color="color.text.subtle"
                id={`shipped-${issue.issueId}-insights`}
              >
                Insights answered ({issue.insightCount})
              </Text>
              <Box
                as="ul"
                aria-labelledby={`shipped-${issue.issueId}-insights`}
                style={{ margin: 0, paddingInlineStart: token('space.200') }}
              >
                {issue.insights.map((insight) => (
                  <li key={insight.insightId} data-testid="shipped-insight">
                    <Inline space="space.100" shouldWrap>
                      <Text>{insight.summary}</Text>
                      <Text size="small" color="color.text.subtle">
                        {sourceKindLabel(insight.sourceKind)}
                      </Text>
                      <SourceLink url={insight.sourceUrl ?? undefined} label="Open source" />
                    </Inline>
                  </li>
                ))}
              </Box>
              {more > 0 ? (
                <Text size="small" color="color.text.subtle">
                  and {more} more — open {issue.key} for all of its evidence
                </Text>
              ) : null}
            </Stack>
          </Box>
        </Inline>
      </Stack>
    </Box>
  );
}
