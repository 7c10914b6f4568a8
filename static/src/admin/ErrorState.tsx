import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import type { ApiError } from '../api';

interface Props {
  error: ApiError;
  onRetry: () => void;
}

/** What went wrong and what the admin can do about it, by error code. */
function advice(error: ApiError): { title: string; body: string; retry: boolean } {
  switch (error.code) {
    case 'FORBIDDEN':
      return {
        title: 'Only Jira administrators can change customer-evidence settings',
        body: 'Ask a Jira administrator if the customer-impact score or who sees account names and ARR should change.',
        retry: false
      };
    case 'UPSTREAM_FAILED':
      return {
        title: 'The settings didn’t load',
        body: 'Jira or storage didn’t answer — try again. If it keeps failing, Atlassian may be having an outage.',
        retry: true
      };
    case 'BUSY':
      return {
        title: 'The settings are busy',
        body: 'Storage is handling a lot of work for this site right now. Wait a few seconds, then try again.',
        retry: true
      };
    case 'LIMIT_EXCEEDED':
      return { title: 'Too many requests', body: 'Wait a few seconds, then try again.', retry: true };
    default:
      return {
        title: 'The settings didn’t load',
        body: 'Something went wrong on our side — try again.',
        retry: true
      };
  }
}

/** The settings could not be loaded, or this user may not see them at all. */
export function ErrorState({ error, onRetry }: Props): JSX.Element {
  const { title, body, retry } = advice(error);
  return (
    <div role={retry ? 'alert' : 'status'}>
      <EmptyState
        testId={error.code === 'FORBIDDEN' ? 'admin-forbidden' : 'admin-error'}
        header={title}
        headingLevel={2}
        headingSize="xsmall"
        description={body}
        primaryAction={
          retry ? (
            <Button appearance="primary" onClick={onRetry} testId="admin-retry">
              Try again
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
