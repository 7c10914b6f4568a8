import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { ProgressBar } from '../../shared/ProgressBar';
import { rowsFinished, type ImportRun } from './hooks/useCsvImport';
import { describeError } from '../../shared/error-copy';

interface Props {
  run: ImportRun;
  onRetry: () => void;
}

const HEADLINE: Record<ImportRun['status'], string> = {
  uploading: 'Checking rows…',
  running: 'Importing…',
  failed: 'Import stopped',
  done: 'Import finished'
};

/**
 * Rows finished out of the file's rows, and the running counts: first as each uploaded
 * chunk is checked, then as the server writes the accepted rows in the background.
 */
export function ImportProgress({ run, onRetry }: Props): JSX.Element {
  const finished = rowsFinished(run);
  return (
    <Stack space="space.150">
      <Stack space="space.075">
        <Text testId="import-progress-text">
          {HEADLINE[run.status]} — {finished} of {run.total} rows
        </Text>
        {run.status === 'running' ? (
          <Text size="small" color="color.text.subtle" testId="import-background-note">
            {run.written} of {run.queued} accepted rows written. The import goes on if you leave this page.
          </Text>
        ) : null}
        <ProgressBar
          label="Import progress"
          value={finished}
          max={run.total}
          valueText={`${finished} of ${run.total} rows`}
          failed={run.status === 'failed'}
          testId="import-progress"
        />
      </Stack>
      <Inline space="space.300" shouldWrap>
        <Text>
          Created <strong data-testid="import-created">{run.created}</strong>
        </Text>
        <Text>
          Duplicates <strong data-testid="import-duplicates">{run.duplicates}</strong>
        </Text>
        <Text>
          Invalid <strong data-testid="import-invalid">{run.invalid.length}</strong>
        </Text>
      </Inline>
      {run.status === 'failed' && run.error ? (
        <SectionMessage appearance="error" title="The import stopped" testId="import-failed">
          <Stack space="space.100">
            <Text as="p">
              {describeError(run.error, 'project-evidence')} Rows already imported stay imported; retrying
              continues where it stopped and reports anything that landed as a duplicate.
            </Text>
            <div>
              <Button onClick={onRetry} testId="import-retry">
                Retry
              </Button>
            </div>
          </Stack>
        </SectionMessage>
      ) : null}
    </Stack>
  );
}
