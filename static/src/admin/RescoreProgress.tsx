import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { ProgressBar } from '../shared/ProgressBar';
import type { RescoreProgressView } from '../../../src/contract/views';
import { useRescoreProgress } from './hooks/useRescoreProgress';

interface Props {
  rescore: RescoreProgressView | null;
}

const REASON: Record<RescoreProgressView['reason'], string> = {
  settings: 'after settings were saved',
  daily: 'by the daily refresh'
};

/**
 * Saving settings recomputes every stored score and republishes it to Jira in the
 * background; this shows how far that has come (projects done, issues rescored), and
 * when a run has stopped (a project kept failing, or nothing moved for a long while)
 * says so and offers to retry it, never leaving a run that silently stops.
 */
export function RescoreProgress({ rescore }: Props): JSX.Element | null {
  const { progress, retry, retrying, retryError } = useRescoreProgress(rescore);
  if (!progress) return null;
  const started = new Date(progress.startedAt).toLocaleString();
  const stopped = !progress.done && (progress.projectsFailed > 0 || progress.stalled);
  const title = progress.done
    ? 'Scores are up to date'
    : stopped
      ? 'Recomputing scores has stopped'
      : 'Recomputing scores…';
  return (
    <SectionMessage appearance={progress.done ? 'success' : stopped ? 'error' : 'information'} title={title}>
      <Stack space="space.100">
        <Text as="p">
          {progress.done ? 'Recomputed' : 'Recomputing'} {REASON[progress.reason]} ({started}):{' '}
          {progress.projectsDone} of {progress.projects} projects, {progress.issuesRescored} issues rescored
          and published to Jira.
        </Text>
        {stopped ? (
          <Text as="p">
            {progress.projectsFailed > 0
              ? `${progress.projectsFailed} ${progress.projectsFailed === 1 ? 'project' : 'projects'} could not be rescored.`
              : 'Nothing has moved for a while.'}{' '}
            Retry continues where it stopped; finished projects are not redone.
          </Text>
        ) : null}
        {retryError ? (
          <Text as="p" color="color.text.danger">
            {retryError.message}
          </Text>
        ) : null}
        <ProgressBar
          label="Rescore progress"
          value={progress.projectsDone}
          max={progress.projects}
          valueText={`${progress.projectsDone} of ${progress.projects} projects`}
        />
        {stopped ? (
          <div>
            <Button appearance="primary" onClick={retry} isDisabled={retrying}>
              Retry
            </Button>
          </div>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
