import EmptyState from '@atlaskit/empty-state';
import { Box } from '@atlaskit/primitives/compiled';
import { LoadFailure } from '../shared/LoadFailure';
import { Loading } from '../shared/Loading';
import type { LoadScope } from '../shared/load-failure';
import { lazy, Suspense } from 'react';
import { useRequestAction } from './hooks/useRequestAction';

// The form (Atlaskit's select, the search) loads while the request is read: the first
// call leaves as soon as React has mounted, not after the whole form has downloaded.
const loadForm = () => import('./SendForm');
const SendForm = lazy(() => loadForm().then((m) => ({ default: m.SendForm })));

const CANNOT_SEND = {
  title: 'You can’t send evidence from here',
  body:
    'Sending a request to customer evidence takes access to the request and the contributor role ' +
    'in a product project. A Jira admin names each project’s contributors in the Customer evidence settings.'
};

const SCOPE: LoadScope = {
  subject: 'This request',
  verb: 'is',
  forbidden: CANNOT_SEND,
  notFound: CANNOT_SEND,
  otherwise: 'The request could not be read.'
};

/**
 * "Send to customer evidence" on a Jira Service Management request: the request's text,
 * its customer's account and a severity from its priority, prefilled; the user picks the
 * product project and issue it is evidence for. Someone who may not send sees why.
 */
export function RequestAction(): JSX.Element {
  const action = useRequestAction();
  void loadForm();
  const { prefill } = action;
  if (prefill.isPending) return <Loading what="the request" testId="request-action-loading" />;
  // JSM answers "not found" to whoever may not see the request: nothing to retry there.
  const refused = prefill.isError && ['FORBIDDEN', 'NOT_FOUND'].includes(prefill.error.code);
  // A failed refetch keeps the form that already loaded (and what the user typed there).
  if (prefill.isError && !refused && prefill.data === undefined) {
    return (
      <LoadFailure
        error={prefill.error}
        scope={SCOPE}
        onRetry={() => void prefill.refetch()}
        testId="request-action-error"
        forbiddenTestId="request-action-cannot-send"
        retryTestId="request-action-retry"
        headingLevel={2}
      />
    );
  }
  const view = prefill.data;
  if (refused || !view || view.projects.length === 0 || action.target === undefined) {
    return (
      <div role="status">
        <EmptyState
          testId="request-action-cannot-send"
          header={CANNOT_SEND.title}
          headingLevel={2}
          headingSize="xsmall"
          description={CANNOT_SEND.body}
        />
      </div>
    );
  }
  return (
    <Box padding="space.200">
      <Suspense fallback={<Loading what="the form" testId="request-action-form-loading" />}>
        <SendForm
          view={view}
          projectId={action.target}
          onProject={action.setProjectId}
          issueSearch={action.issueSearch}
          send={action.send}
        />
      </Suspense>
    </Box>
  );
}
