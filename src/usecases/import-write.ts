import { normaliseAccountKey, type Account } from '../domain/account';
import type { AccountConflict } from '../domain/account-edit';
import type { Insight, ServiceRequestRef } from '../domain/insight';
import { getAccounts } from '../storage/account-store';
import { KVS_LIMITS } from '../storage/entities';
import { accountToRecord, insightToRecord } from '../storage/records';
import { WriteSet, type Expect } from '../storage/write-set';
import type { Actor } from './actor';
import { indexForSearch } from './index-for-search';
import { writeUnitsOf } from './import-pacing';
import { survivorKeys } from './account-survivor';
import { mergeAccount, newInsight, type InsightInput } from './prepare-capture';

export interface RowToWrite {
  line: number;
  id: string;
  input: InsightInput;
  /** The insight's idempotency key (an intake item's content digest), if any. */
  importKey?: string;
  /** The service request it came from (JSM intake), kept on the insight. */
  request?: ServiceRequestRef;
}

export interface WrittenRows {
  accountConflicts: (AccountConflict & { line: number })[];
  /** Stored accounts that gained a segment or revenue: they score differently elsewhere. */
  filledExisting: string[];
  /** Write units the writes cost, estimated from what was sent. */
  units: number;
}

/**
 * Writes imported rows as new insights, created at `createdAt`, with their accounts:
 * accounts first, then the rows' search terms (a row per term for all of them), then
 * the insights, each in transactions within Forge's 25-operation limit. A row's insight
 * is only written once its account and its terms are. The caller passes rows whose
 * insight is absent; each write is conditioned on it, so nothing is written twice.
 */
export async function writeImportedRows(
  actor: Actor,
  projectId: string,
  createdAt: Date,
  rows: readonly RowToWrite[]
): Promise<WrittenRows> {
  const accountKeys = [
    ...new Set(
      rows.flatMap((r) =>
        r.input.account ? [normaliseAccountKey(r.input.account.key ?? r.input.account.name)] : []
      )
    )
  ];
  // Names merged into another account join the survivor.
  const survivors = await survivorKeys(accountKeys);
  const survivorOf = (key: string): string => survivors.get(key) ?? key;
  const accounts = await getAccounts([...new Set(accountKeys.map(survivorOf))]);

  // Every row naming an account may create it or fill its missing fields, in file order;
  // each account is written once. A row that names it differently is reported, never applied.
  const accountPuts = new Map<string, { account: Account; expect: Expect }>();
  const accountConflicts: WrittenRows['accountConflicts'] = [];
  const filledExisting = new Set<string>();
  for (const row of rows) {
    if (!row.input.account) continue;
    const key = survivorOf(normaliseAccountKey(row.input.account.key ?? row.input.account.name));
    const previous = accountPuts.get(key);
    const merged = mergeAccount(row.input.account, previous?.account ?? accounts.get(key), createdAt, key);
    accountConflicts.push(...merged.conflicts.map((c) => ({ line: row.line, ...c })));
    if (!merged.put) continue;
    if (accounts.has(key)) filledExisting.add(key);
    accountPuts.set(
      key,
      previous
        ? { account: { ...merged.put.account, version: previous.account.version }, expect: previous.expect }
        : merged.put
    );
  }
  const insights: Insight[] = rows.map((row) => {
    const insight = newInsight(
      row.input,
      projectId,
      actor,
      { now: () => createdAt, newId: () => row.id },
      row.importKey
    );
    if (insight.accountKey !== undefined) insight.accountKey = survivorOf(insight.accountKey);
    if (row.request) insight.request = row.request;
    return insight;
  });

  let units = 0;
  await Promise.all(
    chunks([...accountPuts.values()], KVS_LIMITS.transactionOps).map((chunk) => {
      const writes = new WriteSet();
      for (const { account, expect } of chunk) writes.putAccount(account, expect);
      units += writeUnitsOf(chunk.map(({ account }) => accountToRecord(account)));
      return writes.commit();
    })
  );
  const indexed = await indexForSearch(
    insights,
    (key) => accountPuts.get(key)?.account.name ?? accounts.get(key)?.name,
    (termUnits) => {
      units += termUnits;
    }
  );
  await Promise.all(
    chunks(indexed, KVS_LIMITS.transactionOps).map((chunk) => {
      const writes = new WriteSet();
      for (const insight of chunk) writes.putInsight(insight, 'absent');
      units += writeUnitsOf(chunk.map(insightToRecord));
      return writes.commit();
    })
  );
  return { accountConflicts, filledExisting: [...filledExisting], units };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
