import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import type { ApiError } from '../api';

interface Props {
  error: ApiError;
  onRetry: () => void;
}

/** What went wrong and what the user can do about it, by error code. */
function advice(error: ApiError): { title: string; body: string; retry: boolean } {
  switch (error.code) {
    case 'FORBIDDEN':
      return {
        title: 'You don’t have permission to see customer evidence',
        body: 'You don’t have permission to see the evidence on this issue. Ask a Jira admin for access to customer evidence.',
        retry: false
      };
    case 'NOT_FOUND':
      return {
        title: 'This issue’s evidence was not found',
        body: 'The issue may have been moved or deleted. Reload the issue and try again.',
        retry: true
      };
    case 'UPSTREAM_FAILED':
      return {
        title: 'Customer evidence didn’t load',
        body: 'Jira or storage didn’t answer — try again. If it keeps failing, Atlassian may be having an outage.',
        retry: true
      };
    case 'BUSY':
      return {
        title: 'Customer evidence is busy',
        body: 'Storage is handling a lot of work for this site right now. Wait a few seconds, then try again.',
        retry: true
      };
    case 'LIMIT_EXCEEDED':
      return { title: 'Too many requests', body: 'Wait a few seconds, then try again.', retry: true };
    default:
      return {
        title: 'Customer evidence didn’t load',
        body: 'Something went wrong on our side — try again. If it keeps failing, contact your Jira admin.',
        retry: true
      };
  }
}

/**
 * The panel could not load. Built on EmptyState rather than SectionMessage: the latter
 * pulls Tooltip and Popper (~35 KB gzip) into every panel load for its dismiss button.
 */
export function ErrorState({ error, onRetry }: Props): JSX.Element {
  const { title, body, retry } = advice(error);
  return (
    <div role="alert">
      <EmptyState
        testId="panel-error"
        header={title}
        headingLevel={3}
        headingSize="xsmall"
        description={body}
        primaryAction={
          retry ? (
            <Button appearance="primary" onClick={onRetry} testId="panel-retry">
              Try again
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
