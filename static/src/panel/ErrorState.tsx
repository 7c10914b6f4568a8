import type { ApiError } from '../api';
import { LoadFailure } from '../shared/LoadFailure';
import type { LoadScope } from '../shared/load-failure';

const EVIDENCE: LoadScope = {
  subject: 'Customer evidence',
  verb: 'is',
  forbidden: {
    title: 'You can’t see customer evidence on this issue',
    body: 'Ask a Jira admin for Browse projects permission in this issue’s project.'
  },
  notFound: {
    title: 'This issue’s evidence was not found',
    body: 'The issue may have been moved or deleted. Reload the issue and try again.'
  },
  otherwise: 'Something went wrong on our side — try again. If it keeps failing, contact your Jira admin.'
};

/** The panel could not load. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }): JSX.Element {
  return (
    <LoadFailure
      error={error}
      scope={EVIDENCE}
      onRetry={onRetry}
      testId="panel-error"
      retryTestId="panel-retry"
      headingLevel={3}
    />
  );
}
