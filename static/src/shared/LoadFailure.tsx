import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import type { ApiError } from '../api';
import { describeLoadFailure, type LoadScope } from './load-failure';

interface Props {
  error: ApiError;
  scope: LoadScope;
  onRetry: () => void;
  /** The failure's test id; a refusal's is `forbiddenTestId` when given. */
  testId: string;
  forbiddenTestId?: string;
  retryTestId: string;
  headingLevel: 2 | 3;
}

/**
 * A page or panel that could not load: why, and a retry where one can help. Built on
 * EmptyState rather than SectionMessage: the latter pulls Tooltip and Popper (~35 KB
 * gzip) into every load for its dismiss button.
 */
export function LoadFailure({
  error,
  scope,
  onRetry,
  testId,
  forbiddenTestId,
  retryTestId,
  headingLevel
}: Props): JSX.Element {
  const { title, body, retry } = describeLoadFailure(error, scope);
  return (
    <div role={retry ? 'alert' : 'status'}>
      <EmptyState
        testId={error.code === 'FORBIDDEN' && forbiddenTestId ? forbiddenTestId : testId}
        header={title}
        headingLevel={headingLevel}
        headingSize="xsmall"
        description={body}
        primaryAction={
          retry ? (
            <Button appearance="primary" onClick={onRetry} testId={retryTestId}>
              Try again
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
