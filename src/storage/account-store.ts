import { kvs, WhereConditions } from '@forge/kvs';
import type { Account } from '../domain/account';
import type { AccountFieldChange } from '../domain/account-edit';
import { batchGetEntities, batchGetItems } from './batch-get';
import { ENTITY, INDEX, KVS_LIMITS, entityKey } from './entities';
import { guarded } from './kvs-failure';
import { readAllPages } from './read-all-pages';
import { accountFromRecord, type AccountRecord } from './records';

export async function getAccount(key: string): Promise<Account | undefined> {
  const record = await guarded(() =>
    kvs.entity<AccountRecord>(ENTITY.account).get(entityKey(key, 'account key'))
  );
  return record ? accountFromRecord(key, record) : undefined;
}

export async function getAccounts(keys: readonly string[]): Promise<Map<string, Account>> {
  const records = await batchGetEntities<AccountRecord>(
    ENTITY.account,
    keys.map((key) => entityKey(key, 'account key'))
  );
  const accounts = new Map<string, Account>();
  for (const [key, record] of records) accounts.set(key, accountFromRecord(key, record));
  return accounts;
}

/**
 * Accounts whose comparable name (`normaliseAccountKey` of the name) begins with
 * `namePrefix`, in that order, at most `limit`: one page of the name index, a `where`
 * range on it rather than a filter (Forge filters after the page is cut).
 */
export async function accountsByNamePrefix(namePrefix: string, limit: number): Promise<Account[]> {
  const page = await guarded(() =>
    kvs
      .entity<AccountRecord>(ENTITY.account)
      .query()
      .index(INDEX.accountByName)
      .where(WhereConditions.beginsWith(namePrefix))
      .limit(limit)
      .getMany()
  );
  return page.results.map((row) => accountFromRecord(row.key, row.value));
}

/** One explicit edit of a shared account: who made it, when, and each field before and after. */
export interface AccountChangeRecord {
  accountKey: string;
  at: string;
  by: string;
  changes: AccountFieldChange[];
  /** A duplicate account merged into this one (on the survivor's history). */
  mergedFrom?: { key: string; name: string; insights: number };
  /** This account was merged into another (on the duplicate's history). */
  mergedInto?: { key: string; name: string };
}

/**
 * A merged duplicate's key, kept after the merge so that a capture or an import naming
 * the duplicate joins the survivor instead of creating the duplicate again.
 */
export interface AccountAliasRecord {
  /** The survivor's key. */
  target: string;
  /** The duplicate's name when it was merged. */
  name: string;
  mergedAt: string;
  mergedBy: string;
}

/** The plain key of a merged duplicate's alias row. */
export const accountAliasKey = (accountKey: string): string =>
  `account-alias:${entityKey(accountKey, 'account key')}`;

/** The alias rows of these keys (merged duplicates only), by key: one batch read. */
export async function getAccountAliases(keys: readonly string[]): Promise<Map<string, AccountAliasRecord>> {
  const byRow = new Map(keys.map((key) => [accountAliasKey(key), key]));
  const found = new Map<string, AccountAliasRecord>();
  for (const item of await batchGetItems<AccountAliasRecord>([...byRow.keys()].map((key) => ({ key })))) {
    const key = byRow.get(item.key);
    if (key !== undefined) found.set(key, item.value);
  }
  return found;
}

const historyPrefix = (accountKey: string): string =>
  `account-change:${entityKey(accountKey, 'account key')}:`;

/** The key of one history entry: ordered by time, unique by the change's id. */
export function accountChangeKey(accountKey: string, at: Date, changeId: string): string {
  return `${historyPrefix(accountKey)}${at.toISOString()}:${entityKey(changeId, 'change id')}`;
}

/** Every recorded edit of an account, oldest first. */
export async function accountHistory(accountKey: string): Promise<AccountChangeRecord[]> {
  const rows = await guarded(() =>
    readAllPages((cursor) => {
      let builder = kvs
        .query()
        .where('key', WhereConditions.beginsWith(historyPrefix(accountKey)))
        .limit(KVS_LIMITS.pageSize);
      if (cursor) builder = builder.cursor(cursor);
      return builder.getMany<AccountChangeRecord>();
    })
  );
  return rows.map((row) => row.value).sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The latest rescore of the issues an account's evidence feeds, and how far it has come.
 * `insightIds` are the account's insights still to do (the first one from `offset` in
 * its links); a newer run replaces an older one.
 */
export interface AccountRescoreRun {
  runId: string;
  accountKey: string;
  projectId: string;
  startedAt: string;
  insightIds: string[];
  offset: number;
  insightsTotal: number;
  issuesRescored: number;
  finished: boolean;
}

const rescoreKey = (accountKey: string): string => `account-rescore:${entityKey(accountKey, 'account key')}`;

export async function saveAccountRescore(run: AccountRescoreRun): Promise<void> {
  // Bookkeeping for the edit's progress; a week is far longer than any run.
  await guarded(() => kvs.set(rescoreKey(run.accountKey), run, { ttl: { value: 7, unit: 'DAYS' } }));
}

export async function getAccountRescore(accountKey: string): Promise<AccountRescoreRun | undefined> {
  return guarded(() => kvs.get<AccountRescoreRun>(rescoreKey(accountKey)));
}
