import type { ApiError } from '../api';
import { LoadFailure } from '../shared/LoadFailure';
import type { LoadScope } from '../shared/load-failure';

const SETTINGS: LoadScope = {
  subject: 'The settings',
  verb: 'are',
  forbidden: {
    title: 'Only Jira administrators can change customer-evidence settings',
    body: 'They need the Administer Jira global permission. Ask a Jira admin if the customer-impact score or who sees account names and ARR should change.'
  },
  otherwise: 'Something went wrong on our side — try again.'
};

/** The settings could not be loaded, or this user may not see them at all. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }): JSX.Element {
  return (
    <LoadFailure
      error={error}
      scope={SETTINGS}
      onRetry={onRetry}
      testId="admin-error"
      retryTestId="admin-retry"
      headingLevel={2}
    />
  );
}
