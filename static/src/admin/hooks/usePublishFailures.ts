import type { PublishFailureView } from '../../../../src/contract/views';
import { useContractQuery } from '../../api';

const NONE: PublishFailureView[] = [];

/**
 * Issues Jira keeps refusing the customer-impact property for, asked once when the page
 * opens. A failed call shows nothing: this is a notice, not the page's content.
 */
export function usePublishFailures(): PublishFailureView[] {
  return useContractQuery('admin/publishFailures', {}).data ?? NONE;
}
