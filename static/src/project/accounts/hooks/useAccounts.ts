import type { AccountView } from '../../../../../src/contract/views';
import { loadOf, useContractMutation, useContractQuery, type Load } from '../../../api';
import { useTabShown } from '../../tab-shown';

/** Stored accounts whose name begins with what was typed (nothing until something is). */
export function useAccountMatches(query: string): Load<{ key: string; name: string }[]> {
  const shown = useTabShown();
  const typed = query.trim();
  const result = useContractQuery(
    'project/searchAccounts',
    { query: typed },
    { enabled: shown && typed !== '' }
  );
  const load = loadOf(result);
  return load.status === 'ready' ? { status: 'ready', data: load.data.items } : load;
}

/** One account's page; refetched after edits and merges (declared by those mutations). */
export function useAccountView(accountKey: string): { load: Load<AccountView>; reload: () => void } {
  const shown = useTabShown();
  const query = useContractQuery('project/accountView', { accountKey }, { enabled: shown });
  return { load: loadOf(query), reload: () => void query.refetch() };
}

/** What an account edit or merge makes stale: every list that shows accounts or scores. */
const ACCOUNT_CHANGES = [
  'project/accountView',
  'project/searchAccounts',
  'project/listInsights',
  'project/rankedIssues',
  'project/getEvidence',
  'project/shipped'
] as const;

export function useEditAccount() {
  return useContractMutation('project/upsertAccount', { invalidates: ACCOUNT_CHANGES });
}

export function useMergeAccounts() {
  return useContractMutation('project/mergeAccounts', { invalidates: ACCOUNT_CHANGES });
}
