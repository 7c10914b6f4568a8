import { kvs } from '@forge/kvs';
import type { Account } from '../domain/account';
import { batchGetEntities } from './batch-get';
import { ENTITY, entityKey } from './entities';
import { guarded } from './kvs-failure';
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
