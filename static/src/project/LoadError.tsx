import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives';
import type { ApiError } from '../api';

interface Props {
  what: string;
  error: ApiError;
  onRetry: () => void;
  testId: string;
}

/** A list that did not load: why, by error code, and a retry where one can help. */
export function LoadError({ what, error, onRetry, testId }: Props): JSX.Element {
  const forbidden = error.code === 'FORBIDDEN';
  return (
    <SectionMessage
      appearance={forbidden ? 'warning' : 'error'}
      title={forbidden ? `You don’t have permission to see ${what}` : `${what} didn’t load`}
      testId={testId}
    >
      <Text as="p">
        {forbidden
          ? 'Ask a Jira admin for access to this project.'
          : error.code === 'BUSY'
            ? 'Storage is busy right now. Wait a few seconds, then try again.'
            : 'Jira or storage didn’t answer. Try again; if it keeps failing, Atlassian may be having an outage.'}
      </Text>
      {forbidden ? null : (
        <Button onClick={onRetry} testId={`${testId}-retry`}>
          Try again
        </Button>
      )}
    </SectionMessage>
  );
}
