import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives/compiled';
import type { ApiError } from '../api';
import { describeLoadFailure } from '../shared/load-failure';

export interface LoadErrorProps {
  what: string;
  error: ApiError;
  onRetry: () => void;
  testId: string;
}

/** A list that did not load: why, by error code, and a retry where one can help. */
export function LoadErrorMessage({ what, error, onRetry, testId }: LoadErrorProps): JSX.Element {
  const { title, body, retry, appearance } = describeLoadFailure(error, {
    subject: what,
    verb: 'is',
    forbidden: {
      title: 'You can’t see customer evidence in this project',
      body: 'Ask a Jira admin for Browse projects permission in this project.'
    },
    otherwise: 'Something went wrong on our side — try again.'
  });
  return (
    <SectionMessage appearance={appearance} title={title} testId={testId}>
      <Text as="p">{body}</Text>
      {retry ? (
        <Button onClick={onRetry} testId={`${testId}-retry`}>
          Try again
        </Button>
      ) : null}
    </SectionMessage>
  );
}
