import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { ProgressBar } from '../shared/ProgressBar';
import type { ImportRun } from './hooks/useCsvImport';
import { describeError } from './model/describe-error';

interface Props {
  run: ImportRun;
  onRetry: () => void;
}

/** Rows done out of the file's rows, and the running counts, as each chunk is answered. */
export function ImportProgress({ run, onRetry }: Props): JSX.Element {
  return (
    <Stack space="space.150">
      <Stack space="space.075">
        <Text testId="import-progress-text">
          {run.status === 'done' ? 'Import finished' : run.status === 'failed' ? 'Import stopped' : 'Importing…'}{' '}
          — {run.done} of {run.total} rows
        </Text>
        <ProgressBar
          label="Import progress"
          value={run.done}
          max={run.total}
          valueText={`${run.done} of ${run.total} rows`}
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
              {describeError(run.error)} Rows already imported stay imported; retrying continues where it stopped
              and reports anything that landed as a duplicate.
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
