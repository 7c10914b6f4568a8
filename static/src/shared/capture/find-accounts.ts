import { invokeApi } from '../../api';
import type { FindAccounts } from './account-choice';

/** Accounts for the capture form on an issue (module-level, so the lookup stays the same). */
export const findAccountsOnIssue: FindAccounts = (query) => invokeApi('panel/searchAccounts', { query });

/** Accounts for the capture form in the project's library. */
export const findAccountsInProject: FindAccounts = (query) => invokeApi('project/searchAccounts', { query });

/** Where the form is: each surface looks accounts up through its own resolver. */
export const FIND_ACCOUNTS: Readonly<Record<'issue' | 'project', FindAccounts>> = {
  issue: findAccountsOnIssue,
  project: findAccountsInProject
};
