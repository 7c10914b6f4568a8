import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { ColumnMapping } from './ColumnMapping';
import { POLL_MS, useCsvImport } from './hooks/useCsvImport';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportReportView } from './ImportReportView';
import { ImportSource } from './ImportSource';
import { MapValues } from './MapValues';

/**
 * Import insights from a CSV export of a support, survey or CRM tool: choose or paste
 * the file, map its columns and the values of its enumerated columns, check the preview, import with a running report (the
 * server's progress is polled every `pollMs`).
 */
export function ImportCsv({ pollMs = POLL_MS }: { pollMs?: number } = {}): JSX.Element {
  const csvImport = useCsvImport(undefined, pollMs);
  const { file, prepared, run, reset, start } = csvImport;

  if (!file || !prepared) return <ImportSource onLoad={csvImport.load} />;

  if (run) {
    return (
      <Stack space="space.200">
        <Heading size="small" as="h3">
          Importing {file.name}
        </Heading>
        <ImportProgress run={run} onRetry={csvImport.retry} />
        {run.status === 'done' ? <ImportReportView run={run} /> : null}
        {csvImport.saveFailed ? (
          <Text size="small" color="color.text.subtle">
            The value mappings could not be saved for the next import; this import is not affected.
          </Text>
        ) : null}
        {run.status === 'done' || run.status === 'failed' ? (
          <Inline space="space.100">
            <Button onClick={reset} testId="import-another">
              Import another file
            </Button>
          </Inline>
        ) : null}
      </Stack>
    );
  }

  const rows = file.csv.rows.length;
  return (
    <Stack space="space.250">
      <Stack space="space.050">
        <Heading size="small" as="h3">
          Map the columns of {file.name}
        </Heading>
        <Text color="color.text.subtle" testId="import-file-summary">
          {rows} row{rows === 1 ? '' : 's'} · columns: {file.csv.headers.join(', ') || 'none found'}
        </Text>
      </Stack>
      {file.csv.problems.length > 0 ? (
        <SectionMessage
          appearance="warning"
          title="The file has formatting problems"
          testId="import-problems"
        >
          {file.csv.problems.slice(0, 5).map((p) => (
            <Text as="p" key={p}>
              {p}
            </Text>
          ))}
          {file.csv.problems.length > 5 ? <Text as="p">and {file.csv.problems.length - 5} more</Text> : null}
        </SectionMessage>
      ) : null}
      <ColumnMapping
        headers={file.csv.headers}
        mapping={csvImport.mapping}
        fixed={csvImport.fixed}
        onColumn={csvImport.setColumn}
        onFixed={csvImport.setFixed}
      />
      <MapValues
        rows={file.csv.rows}
        mapping={csvImport.mapping}
        values={csvImport.values}
        preset={csvImport.preset}
        onPreset={csvImport.setPreset}
        onValue={csvImport.setValue}
      />
      <ImportPreview rows={file.csv.rows} prepared={prepared} />
      <Box>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Button appearance="primary" isDisabled={rows === 0} onClick={start} testId="import-start">
            {prepared.invalid.length + prepared.skipped.length > 0
              ? `Import ${prepared.valid.length} valid row${prepared.valid.length === 1 ? '' : 's'}`
              : `Import ${rows} row${rows === 1 ? '' : 's'}`}
          </Button>
          <Button appearance="subtle" onClick={reset} testId="import-reset">
            Choose another file
          </Button>
          {prepared.invalid.length > 0 ? (
            <Text size="small" color="color.text.subtle">
              {prepared.invalid.length} invalid row{prepared.invalid.length === 1 ? '' : 's'} will be listed
              in the report, not imported.
            </Text>
          ) : null}
        </Inline>
      </Box>
    </Stack>
  );
}
