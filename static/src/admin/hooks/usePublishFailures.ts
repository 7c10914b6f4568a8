import { useEffect, useState } from 'react';
import type { PublishFailureView } from '../../../../src/contract/views';
import { invokeApi } from '../../api';

/**
 * Issues Jira keeps refusing the customer-impact property for, asked once when the page
 * opens. A failed call shows nothing: this is a notice, not the page's content.
 */
export function usePublishFailures(): PublishFailureView[] {
  const [failures, setFailures] = useState<PublishFailureView[]>([]);
  useEffect(() => {
    let live = true;
    invokeApi('admin/publishFailures', {}).then(
      (next) => {
        if (live) setFailures(next);
      },
      () => undefined
    );
    return () => {
      live = false;
    };
  }, []);
  return failures;
}
