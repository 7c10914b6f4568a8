import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
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
  const percent =
    progress.projects === 0 ? 100 : Math.round((progress.projectsDone / progress.projects) * 100);
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
        <div
          role="progressbar"
          aria-label="Rescore progress"
          aria-valuemin={0}
          aria-valuemax={progress.projects}
          aria-valuenow={progress.projectsDone}
          aria-valuetext={`${progress.projectsDone} of ${progress.projects} projects`}
          style={{
            height: token('space.100'),
            borderRadius: token('radius.full'),
            background: token('color.background.neutral'),
            overflow: 'hidden'
          }}
        >
          <div
            style={{
              width: `${percent}%`,
              height: '100%',
              background: token('color.background.brand.bold'),
              transition: 'width 200ms ease-out'
            }}
          />
        </div>
      </Stack>
    </SectionMessage>
  );
}
