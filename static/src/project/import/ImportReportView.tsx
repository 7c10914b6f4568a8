import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { ImportRun } from './hooks/useCsvImport';
import { describeConflict } from '../../shared/outcome-messages';
import { CELL, HEAD } from '../table-styles';

interface Props {
  run: ImportRun;
}

/** The end of an import: what was created, what was already there, and every refused line. */
export function ImportReportView({ run }: Props): JSX.Element {
  return (
    <Stack space="space.150" testId="import-report">
      <SectionMessage
        appearance={run.invalid.length > 0 ? 'warning' : 'success'}
        title={`${run.created} created · ${run.duplicates} already imported · ${run.invalid.length} invalid${
          run.skipped > 0 ? ` · ${run.skipped} skipped` : ''
        }`}
      >
        <Text as="p">
          {run.created > 0 ? 'New insights wait in the inbox of the insight library. ' : ''}
          {run.duplicates > 0 ? 'Rows imported before were left as they are. ' : ''}
          {run.invalid.length > 0
            ? 'Fix the lines below in the file and import it again: only they will be added.'
            : ''}
        </Text>
      </SectionMessage>
      {run.invalid.length > 0 ? (
        <Stack space="space.100">
          <Heading size="xsmall" as="h4">
            Invalid rows
          </Heading>
          <table
            data-testid="import-invalid-table"
            aria-label="Invalid rows"
            style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
          >
            <thead>
              <tr>
                <th style={{ ...HEAD, textAlign: 'end', width: '1%' }}>Row</th>
                <th style={HEAD}>Reason</th>
              </tr>
            </thead>
            <tbody>
              {run.invalid.map((row) => (
                <tr key={`${row.line}-${row.message}`} data-testid="import-invalid-row" data-line={row.line}>
                  <td style={{ ...CELL, textAlign: 'end' }}>{row.line}</td>
                  <td style={CELL}>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Stack>
      ) : null}
      {run.accountConflicts.length > 0 ? (
        <Stack space="space.100">
          <Heading size="xsmall" as="h4">
            Accounts kept as stored
          </Heading>
          <Text as="p">
            These lines name an account differently from the one stored. The stored values were kept; a
            curator can change the account.
          </Text>
          <table
            aria-label="Accounts kept as stored"
            style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}
          >
            <thead>
              <tr>
                <th style={{ ...HEAD, textAlign: 'end', width: '1%' }}>Line</th>
                <th style={HEAD}>Kept</th>
              </tr>
            </thead>
            <tbody>
              {run.accountConflicts.map((conflict) => (
                <tr key={`${conflict.line}-${conflict.field}`}>
                  <td style={{ ...CELL, textAlign: 'end' }}>{conflict.line}</td>
                  <td style={CELL}>{describeConflict(conflict)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Stack>
      ) : null}
    </Stack>
  );
}
