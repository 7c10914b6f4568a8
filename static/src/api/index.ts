/**
 * The UI's only door to the backend and the host. Components import from here and
 * nowhere else for I/O (lint: static/eslint.boundaries.mjs forbids `@forge/bridge`
 * outside this folder).
 */
export { invokeApi } from './invoke-api';
export { ApiError, toApiError } from './api-error';
export { createQueryClient } from './query-client';
export {
  invalidateContractKeys,
  loadOf,
  setContractQueryData,
  useContractInfiniteQuery,
  useContractMutation,
  useContractQuery,
  type ContractQueryKey,
  type ItemOf,
  type Load,
  type PagedData,
  type PagedKey,
  type StartedCall
} from './contract-query';
export { enableTheming, notify, openExternal, openIssue, siteUrl, type FlagKind } from './host';
export { fetchDisplayNames, fetchIssueRefs, type IssueRef } from './jira';
