import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { CsvRow } from './model/csv-file';
import type { ImportRowPayload, PreparedImport } from './model/import-rows';
import { CELL, HEAD } from '../table-styles';

const PREVIEW_ROWS = 10;

interface Props {
  rows: readonly CsvRow[];
  prepared: PreparedImport;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

function accountOf(insight: Record<string, unknown>): string {
  const account = insight.account;
  return typeof account === 'object' && account !== null && 'name' in account ? text(account.name) : '';
}

/** Step 2b: the first rows as they will be imported, each checked with the shared schema. */
export function ImportPreview({ rows, prepared }: Props): JSX.Element {
  const shown = rows.slice(0, PREVIEW_ROWS).map((r) => r.line);
  const byLine = new Map<number, ImportRowPayload>(prepared.valid.map((r) => [r.line, r]));
  const invalid = new Map([...prepared.invalid, ...prepared.skipped].map((r) => [r.line, r]));
  const skipped = new Set(prepared.skipped.map((r) => r.line));
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h4">
        Preview
      </Heading>
      <Text color="color.text.subtle" testId="preview-summary">
        {prepared.valid.length} of {rows.length} rows ready to import
        {prepared.invalid.length > 0 ? ` · ${prepared.invalid.length} invalid` : ''}
        {prepared.skipped.length > 0 ? ` · ${prepared.skipped.length} skipped` : ''}. First {shown.length}{' '}
        shown.
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <table
          data-testid="import-preview"
          aria-label="Preview"
          style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
        >
          <thead>
            <tr>
              <th style={{ ...HEAD, textAlign: 'end' }}>Line</th>
              <th style={HEAD}>Summary</th>
              <th style={HEAD}>Source</th>
              <th style={HEAD}>Account</th>
              <th style={HEAD}>Severity</th>
              <th style={HEAD}>Observed</th>
              <th style={HEAD}>Check</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => {
              const problem = invalid.get(line);
              const row = byLine.get(line);
              const insight = (row?.insight ?? {}) as Record<string, unknown>;
              return (
                <tr
                  key={line}
                  data-testid="preview-row"
                  data-line={line}
                  data-valid={problem ? 'false' : 'true'}
                >
                  <td style={{ ...CELL, textAlign: 'end' }}>{line}</td>
                  <td style={CELL}>{problem ? '' : text(insight.summary)}</td>
                  <td style={CELL}>{problem ? '' : text(insight.sourceKind)}</td>
                  <td style={CELL}>{problem ? '' : accountOf(insight) || 'Anonymous'}</td>
                  <td style={CELL}>{problem ? '' : text(insight.severity)}</td>
                  <td style={CELL}>{problem ? '' : text(insight.observedAt)}</td>
                  <td style={CELL} data-testid="preview-check">
                    {problem ? (
                      <Stack space="space.050">
                        <Lozenge appearance={skipped.has(line) ? 'default' : 'removed'}>
                          {skipped.has(line) ? 'Skipped' : 'Invalid'}
                        </Lozenge>
                        <Text size="small" color="color.text.danger">
                          {problem.message}
                        </Text>
                      </Stack>
                    ) : (
                      <Lozenge appearance="success">Ready</Lozenge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Stack>
  );
}
