import { useCallback, useState } from 'react';
import type { IssueHit } from '../../../../src/contract/views';
import { invokeApi, useContractMutation, useContractQuery } from '../../api';
import { useLatestSearch } from '../../shared/search/useLatestSearch';

/**
 * The action's server state: what the form starts from (for the project the user picks;
 * the severity depends on that project's mapping), the issue search in that project,
 * and the send. Sending changes no list this screen shows: its answer is shown as is.
 */
export function useRequestAction() {
  const [projectId, setProjectId] = useState<string | undefined>(undefined);
  const prefill = useContractQuery('request/prefill', projectId === undefined ? {} : { projectId });
  const target = projectId ?? prefill.data?.projectId ?? undefined;
  const find = useCallback(
    (query: string): Promise<IssueHit[]> =>
      target === undefined
        ? Promise.resolve([])
        : invokeApi('request/findIssues', { projectId: target, query }),
    [target]
  );
  const issueSearch = useLatestSearch(find);
  const send = useContractMutation('request/send');
  return { prefill, target, setProjectId, issueSearch, send };
}
