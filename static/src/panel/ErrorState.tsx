import type { ApiError } from '../api';
import { LoadFailure } from '../shared/LoadFailure';
import type { LoadScope } from '../shared/load-failure';

const EVIDENCE: LoadScope = {
  subject: 'Customer evidence',
  verb: 'is',
  forbidden: {
    title: 'You don’t have permission to see customer evidence',
    body: 'You don’t have permission to see the evidence on this issue. Ask a Jira admin for access to customer evidence.'
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
