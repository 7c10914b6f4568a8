import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import type { AccountHistoryEntry, AccountView } from '../../../../src/contract/views';
import { QuoteText } from '../../shared/evidence/QuoteText';
import { MergedQuotes } from '../../shared/evidence/MergedQuotes';
import { formatDate, formatMoney, formatNumber } from '../../shared/format';
import { SEGMENT_LABELS } from '../../shared/labels';
import { IssueKeyLink } from '../../shared/IssueKeyLink';
import { AccountEditForm } from './AccountEditForm';
import { MergeAccount } from './MergeAccount';

interface Props {
  view: AccountView;
  canCurate: boolean;
  onMerged: (account: { key: string; name: string }) => void;
}

const FIELD_LABELS = { name: 'Name', segment: 'Segment', arr: 'ARR' } as const;

function describeEntry(entry: AccountHistoryEntry): string {
  if (entry.mergedFrom)
    return `Merged ${entry.mergedFrom.name} into this account (${entry.mergedFrom.insights} insights)`;
  if (entry.mergedInto) return `Merged into ${entry.mergedInto.name}`;
  return entry.changes
    .map((c) => {
      const show = (v: string | number | undefined): string =>
        v === undefined ? '—' : c.field === 'arr' ? formatMoney(Number(v)) : String(v);
      return `${FIELD_LABELS[c.field]}: ${show(c.before)} → ${show(c.after)}`;
    })
    .join('; ');
}

const list = { margin: 0, paddingInlineStart: 0, listStyle: 'none' } as const;

/** One account in this project: totals, the issues it backs, shipped work, its insights and history. */
export function AccountDetails({ view, canCurate, onMerged }: Props): JSX.Element {
  const { account, totals, issues, shipped, insights, history } = view;
  return (
    <Stack space="space.200">
      <Stack space="space.050">
        <Heading size="medium">{account.name}</Heading>
        <Text color="color.text.subtle">
          {SEGMENT_LABELS[account.segment]} · ARR {formatMoney(account.arr)}
        </Text>
        <Text testId="account-totals">
          {`${totals.insights} insights in this project · backs ${totals.issues} issues · contributes ${formatNumber(totals.contribution)} points in all`}
        </Text>
        {view.truncated ? <Text color="color.text.subtle">Showing its newest insights only.</Text> : null}
      </Stack>

      <Stack space="space.100">
        <Heading size="small">Issues it backs</Heading>
        {issues.length === 0 ? (
          <Text color="color.text.subtle">None of its insights is linked to an issue you can see.</Text>
        ) : (
          <table aria-label="Issues this account backs">
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Status</th>
                <th scope="col">Score</th>
                <th scope="col">This account’s points</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.issueId}>
                  <td>
                    {/* The key on its own line: a link inside running text would stand out by colour only. */}
                    <Stack space="space.025">
                      <IssueKeyLink issueKey={issue.key} testId="account-issue-key" />
                      <Text>{issue.summary}</Text>
                    </Stack>
                  </td>
                  <td>{issue.status}</td>
                  <td>{formatNumber(issue.score)}</td>
                  <td>
                    {issue.contribution === null
                      ? 'Not among the top contributions'
                      : formatNumber(issue.contribution)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Stack>

      <Stack space="space.100">
        <Heading size="small">Shipped work to tell them about</Heading>
        {shipped.length === 0 ? (
          <Text color="color.text.subtle">Nothing it asked for is done yet.</Text>
        ) : (
          <Box as="ul" aria-label="Shipped work to tell this account about" style={list}>
            {shipped.map((issue) => (
              <Box as="li" key={issue.issueId}>
                <Stack space="space.025">
                  <IssueKeyLink issueKey={issue.key} testId="account-shipped-key" />
                  <Text>{issue.summary}</Text>
                </Stack>
              </Box>
            ))}
          </Box>
        )}
      </Stack>

      <Stack space="space.100">
        <Heading size="small">Its insights here</Heading>
        <Box as="ul" aria-label="Insights from this account" style={list}>
          {insights.map((insight) => (
            <Box as="li" key={insight.id} aria-label={insight.summary}>
              <Stack space="space.050">
                <Text weight="semibold">{insight.summary}</Text>
                <QuoteText quote={insight.quote} />
                <MergedQuotes quotes={insight.additionalQuotes} />
              </Stack>
            </Box>
          ))}
        </Box>
      </Stack>

      <Stack space="space.100">
        <Heading size="small">History</Heading>
        {history.length === 0 ? (
          <Text color="color.text.subtle">No edits yet.</Text>
        ) : (
          <Box as="ul" aria-label="Account history" style={list}>
            {history.map((entry, i) => (
              <Box as="li" key={`${entry.at}-${i}`}>
                <Text>{`${formatDate(entry.at)}: ${describeEntry(entry)}`}</Text>
              </Box>
            ))}
          </Box>
        )}
      </Stack>

      {canCurate ? (
        <>
          <Stack space="space.100">
            <Heading size="small">Edit account</Heading>
            <AccountEditForm key={`${account.key}-${account.version}`} account={account} />
          </Stack>
          <Stack space="space.100">
            <Heading size="small">Merge this duplicate into another account</Heading>
            <MergeAccount key={account.key} view={view} onMerged={onMerged} />
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
