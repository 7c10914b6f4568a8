import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
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
 * background; this shows how far that has come (projects done, issues rescored).
 */
export function RescoreProgress({ rescore }: Props): JSX.Element | null {
  const progress = useRescoreProgress(rescore);
  if (!progress) return null;
  const started = new Date(progress.startedAt).toLocaleString();
  return (
    <SectionMessage
      appearance={progress.done ? 'success' : 'information'}
      title={progress.done ? 'Scores are up to date' : 'Recomputing scores…'}
      testId="rescore-progress"
    >
      <Stack space="space.100">
        <Text as="p" testId="rescore-progress-text">
          {progress.done ? 'Recomputed' : 'Recomputing'} {REASON[progress.reason]} ({started}):{' '}
          {progress.projectsDone} of {progress.projects} projects, {progress.issuesRescored} issues rescored
          and published to Jira.
        </Text>
        <ProgressBar
          label="Rescore progress"
          value={progress.projectsDone}
          max={progress.projects}
          valueText={`${progress.projectsDone} of ${progress.projects} projects`}
        />
      </Stack>
    </SectionMessage>
  );
}
