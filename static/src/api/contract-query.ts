import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult
} from '@tanstack/react-query';
import type { Page } from '../../../src/contract/result';
import type { ContractKey, PayloadOf, ResultOf } from '../../../src/contract/surfaces';
import { toApiError, type ApiError } from './api-error';
import { invokeApi } from './invoke-api';

/**
 * Server state over the typed contract. A query's key is `[contract key, payload]`, so
 * a mutation invalidates every cached answer of a contract key by naming the key alone,
 * and two components asking the same thing share one call.
 */
export type ContractQueryKey<K extends ContractKey> = readonly [K, PayloadOf<K>];

/** Calls the resolver; whatever is thrown arrives as an ApiError. */
function call<K extends ContractKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  return invokeApi(key, payload).catch((error: unknown) => {
    throw toApiError(error);
  });
}

/** A call sent before its query existed (a boot script sends it before React loads). */
export interface StartedCall<T> {
  promise: Promise<T>;
  /** Its answer, when it came before the first render: shown at once, without a spinner. */
  settled?: T;
}

export type ContractQueryOptions<K extends ContractKey> = Omit<
  UseQueryOptions<ResultOf<K>, ApiError, ResultOf<K>, ContractQueryKey<K>>,
  'queryKey' | 'queryFn'
> & {
  /**
   * The query's first answer is this call's instead of a new one, so a read started early
   * costs no second round trip; a retry or a refetch calls again.
   */
  started?: StartedCall<ResultOf<K>>;
};

/** One contract call's answer, cached under `[key, payload]`. */
export function useContractQuery<K extends ContractKey>(
  key: K,
  payload: PayloadOf<K>,
  { started, ...options }: ContractQueryOptions<K> = {}
): UseQueryResult<ResultOf<K>, ApiError> {
  const queryKey = [key, payload] as const;
  return useQuery({
    ...(started?.settled === undefined ? {} : { initialData: started.settled }),
    ...options,
    queryKey,
    queryFn: ({ client }) => {
      // Never answered, never failed, not a retry: this is the fetch the early call stands for.
      const state = client.getQueryState(queryKey);
      const untried =
        state === undefined ||
        (state.data === undefined && state.errorUpdateCount === 0 && state.fetchFailureCount === 0);
      if (started && untried)
        return started.promise.catch((error: unknown) => {
          throw toApiError(error);
        });
      return call(key, payload);
    }
  });
}

/** The contract keys that answer a `Page` and take a `cursor` for the next one. */
export type PagedKey = {
  [K in ContractKey]: ResultOf<K> extends Page<unknown>
    ? 'cursor' extends keyof PayloadOf<K>
      ? K
      : never
    : never;
}[ContractKey];

/** What a page of `K` holds. */
export type ItemOf<K extends PagedKey> = ResultOf<K> extends Page<infer T> ? T : never;

/** A paged call's payload without the cursor: the infinite query supplies it. */
export type FirstPagePayload<K extends PagedKey> = Omit<PayloadOf<K>, 'cursor'>;

export type PagedData<K extends PagedKey> = InfiniteData<Page<ItemOf<K>>, string | undefined>;

export type ContractInfiniteQueryOptions<K extends PagedKey> = Omit<
  UseInfiniteQueryOptions<
    Page<ItemOf<K>>,
    ApiError,
    PagedData<K>,
    readonly [K, FirstPagePayload<K>],
    string | undefined
  >,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

/** A cursor-paged list: page after page under one key, the next page's cursor from the last. */
export function useContractInfiniteQuery<K extends PagedKey>(
  key: K,
  payload: FirstPagePayload<K>,
  options: ContractInfiniteQueryOptions<K> = {}
): UseInfiniteQueryResult<PagedData<K>, ApiError> {
  return useInfiniteQuery({
    ...options,
    queryKey: [key, payload] as const,
    queryFn: async ({ pageParam }) => {
      // The paged payloads are the first page's plus an optional cursor; the compiler
      // cannot see that through the mapped key type.
      const page = { ...payload, ...(pageParam === undefined ? {} : { cursor: pageParam }) } as PayloadOf<K>;
      return (await call(key, page)) as Page<ItemOf<K>>;
    },
    initialPageParam: undefined,
    getNextPageParam: (last) => last.cursor
  });
}

export interface ContractMutationOptions {
  /**
   * The contract keys whose cached answers this mutation can change: after a success
   * they are marked stale, and those on screen are fetched again.
   */
  invalidates?: readonly ContractKey[];
}

/** Marks every cached answer of `keys` stale; the ones in use refetch. */
export function invalidateContractKeys(client: QueryClient, keys: readonly ContractKey[]): void {
  for (const key of keys) void client.invalidateQueries({ queryKey: [key] });
}

/** A contract call that changes something, with the reads it makes stale declared up front. */
export function useContractMutation<K extends ContractKey>(
  key: K,
  { invalidates = [] }: ContractMutationOptions = {}
): UseMutationResult<ResultOf<K>, ApiError, PayloadOf<K>> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (payload: PayloadOf<K>) => call(key, payload),
    // Not awaited: the mutation's own answer is shown at once; stale lists catch up.
    onSuccess: () => invalidateContractKeys(client, invalidates)
  });
}

/** Replaces (or updates) the cached answer to one call, as a mutation's answer tells it. */
export function setContractQueryData<K extends ContractKey>(
  client: QueryClient,
  key: K,
  payload: PayloadOf<K>,
  next: ResultOf<K> | ((current: ResultOf<K> | undefined) => ResultOf<K> | undefined)
): void {
  client.setQueryData<ResultOf<K>>([key, payload], next);
}

/** A query as the page shows it: a spinner, an error with "Try again", or the answer. */
export type Load<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/**
 * Keeps showing an answer while it is refetched, and shows a retry after an error as
 * loading again (the person asked for another try and should see it happen).
 */
export function loadOf<T>(
  query: Pick<UseQueryResult<T, ApiError>, 'data' | 'error' | 'isError' | 'isFetching'>
): Load<T> {
  if (query.data !== undefined) return { status: 'ready', data: query.data };
  if (query.isError && !query.isFetching && query.error) return { status: 'error', error: query.error };
  return { status: 'loading' };
}
