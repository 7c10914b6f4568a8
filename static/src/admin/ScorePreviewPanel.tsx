import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ScorePreviewRow } from '../../../src/contract/views';
import { formatNumber } from '../shared/format';
import type { ScorePreview } from './hooks/useScorePreview';
import { ScoreChange } from './ScoreChange';

/** What the preview can say instead of a table, by state. */
function statusLine(preview: ScorePreview): string | null {
  switch (preview.status) {
    case 'unchanged':
      return 'Change a setting to see how the top issues’ scores would move. Nothing is saved by previewing.';
    case 'invalid':
      return 'Fix the highlighted fields to update the preview.';
    case 'error':
      return preview.error.code === 'FORBIDDEN'
        ? 'Only Jira administrators can preview scoring settings.'
        : 'The preview is not available right now. Change a setting to try again.';
    case 'ready':
      return preview.rows.length === 0
        ? 'No issue has customer evidence yet, so there is nothing to preview.'
        : null;
    case 'pending':
      return null;
  }
}

const cell = { padding: `${token('space.075')} ${token('space.100')}` };
const numeric = { ...cell, textAlign: 'right' as const, whiteSpace: 'nowrap' as const };

/** The site's top issues scored now and under the edited settings. */
export function ScorePreviewPanel({ preview }: { preview: ScorePreview }): JSX.Element {
  const rows: ScorePreviewRow[] | null =
    preview.status === 'ready' || preview.status === 'pending' ? preview.rows : null;
  const line = statusLine(preview);
  return (
    <Box
      padding="space.200"
      backgroundColor="elevation.surface.sunken"
      style={{ borderRadius: token('radius.medium', '6px') }}
    >
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center">
          <Heading size="xsmall" as="h3">
            Preview: top issues
          </Heading>
          {preview.status === 'pending' ? <Spinner size="small" label="Updating the preview" /> : null}
        </Inline>
        <Box aria-live="polite">
          {line === null ? null : (
            <Text as="p" color="color.text.subtle">
              {line}
            </Text>
          )}
        </Box>
        {rows === null || rows.length === 0 ? null : (
          <div style={{ overflowX: 'auto' }}>
            <table
              aria-busy={preview.status === 'pending'}
              style={{
                width: '100%',
                borderCollapse: 'collapse',
                opacity: preview.status === 'pending' ? 0.6 : 1
              }}
            >
              <caption
                style={{
                  textAlign: 'start',
                  font: token('font.body.small'),
                  color: token('color.text.subtle'),
                  paddingBlockEnd: token('space.100')
                }}
              >
                Scores of the site’s highest-scored issues under the edited settings, before saving.
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={cell}>
                    Issue
                  </th>
                  <th scope="col" style={cell}>
                    Summary
                  </th>
                  <th scope="col" style={numeric}>
                    Current score
                  </th>
                  <th scope="col" style={numeric}>
                    New score
                  </th>
                  <th scope="col" style={numeric}>
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.issueId}>
                    {/* The issue key heads its row: a screen reader names each score by it. */}
                    <th
                      scope="row"
                      style={{
                        ...cell,
                        whiteSpace: 'nowrap',
                        textAlign: 'start',
                        fontWeight: token('font.weight.regular')
                      }}
                    >
                      {row.key}
                    </th>
                    <td style={cell}>{row.summary}</td>
                    <td style={numeric}>{formatNumber(row.current)}</td>
                    <td style={numeric}>{formatNumber(row.preview)}</td>
                    <td style={numeric}>
                      <ScoreChange current={row.current} preview={row.preview} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Stack>
    </Box>
  );
}
