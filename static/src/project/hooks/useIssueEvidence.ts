import { useEffect, useState } from 'react';
import type { PanelView } from '../../../../src/contract/views';
import { ApiError, invokeApi, toApiError } from '../../api';

export type EvidenceLoad =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; view: PanelView };

/** One issue's evidence and score (the panel's read model), for an expanded ranked row. */
export function useIssueEvidence(issueId: string, attempt: number): EvidenceLoad {
  const [load, setLoad] = useState<EvidenceLoad>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    invokeApi('project/getEvidence', { issueId }).then(
      (view) => current && setLoad({ status: 'ready', view }),
      (error: unknown) => current && setLoad({ status: 'error', error: toApiError(error) })
    );
    return () => {
      current = false;
    };
  }, [issueId, attempt]);
  return load;
}
