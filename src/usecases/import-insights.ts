import { AppError } from '../domain/errors';
import { keyedId } from './keyed-id';
import { installationSecret } from '../storage/installation-secret';
import { InsightInputSchema, type Insight } from '../domain/insight';
import { normaliseAccountKey, type Account } from '../domain/account';
import { parseWith } from '../domain/parse';
import { getAccounts } from '../storage/account-store';
import { ENTITY, KVS_LIMITS } from '../storage/entities';
import { getInsights } from '../storage/insight-store';
import { accountToRecord, insightToRecord } from '../storage/records';
import { WriteSet, type Expect } from '../storage/write-set';
import type { ImportReport } from '../contract/views';
import type { Actor, Env } from './actor';
import { mergeAccount, newInsight, type InsightInput } from './prepare-capture';
import { indexForSearch } from './index-for-search';
import { retryOnConflict } from './retry-on-conflict';
import { startAccountRescore } from './account-rescore';

export interface ImportRow {
  line: number;
  key?: string;
  insight: unknown;
}

interface ValidRow {
  line: number;
  id: string;
  input: InsightInput;
}

/**
 * An imported row's id derives from the project and the row's source key (or, without
 * one, its content), keyed with the installation's secret: importing the same file twice
 * finds the first import's insights and creates nothing (the write of a new row is
 * conditioned on its id being absent), yet nobody can compute an insight's id from a
 * ticket key to reach it through another endpoint.
 */
export function importedInsightId(
  secret: string,
  projectId: string,
  row: { key?: string },
  input: InsightInput
): string {
  return `imp-${keyedId(secret, { projectId, ...(row.key !== undefined ? { key: row.key } : { content: input }) })}`;
}

/**
 * Imports one chunk of rows (the UI sends a file in chunks under Forge's payload limit).
 * Every row is validated on its own: invalid rows are reported with their line and
 * reason and nothing of them is written; rows seen before are reported as duplicates;
 * the rest are written with their accounts, in transactions of at most 25 records.
 */
export async function importInsights(
  actor: Actor,
  env: Env,
  projectId: string,
  rows: readonly ImportRow[]
): Promise<ImportReport> {
  const secret = await installationSecret();
  const report: ImportReport = { created: [], duplicates: [], invalid: [] };
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  const now = env.now();
  for (const row of rows) {
    try {
      const input = parseWith(InsightInputSchema, row.insight, `row ${row.line}`);
      const id = importedInsightId(secret, projectId, row, input);
      if (seen.has(id)) {
        report.duplicates.push({ line: row.line, insightId: id });
        continue;
      }
      // Also rejects observation dates in the future.
      newInsight(input, projectId, actor, { now: () => now, newId: () => id });
      seen.set(id, row.line);
      valid.push({ line: row.line, id, input });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.invalid.push({ line: row.line, message: error.message, fieldIssues: error.fieldIssues });
    }
  }
  if (valid.length === 0) return report;

  const written = await retryOnConflict(() => writeRows(actor, env, projectId, valid));
  report.created.push(...written.created);
  report.duplicates.push(...written.duplicates);
  report.created.sort((a, b) => a.line - b.line);
  report.duplicates.sort((a, b) => a.line - b.line);
  if (written.accountConflicts.length > 0) report.accountConflicts = written.accountConflicts;
  // Stored accounts that gained a segment or revenue now score differently elsewhere.
  for (const key of written.filledExisting) await startAccountRescore(key, projectId, env);
  return report;
}

async function writeRows(
  actor: Actor,
  env: Env,
  projectId: string,
  rows: readonly ValidRow[]
): Promise<
  Pick<ImportReport, 'created' | 'duplicates'> & {
    accountConflicts: NonNullable<ImportReport['accountConflicts']>;
    filledExisting: string[];
  }
> {
  const now = env.now();
  const accountKeys = [
    ...new Set(
      rows.flatMap((r) =>
        r.input.account ? [normaliseAccountKey(r.input.account.key ?? r.input.account.name)] : []
      )
    )
  ];
  const [existing, accounts] = await Promise.all([
    getInsights(rows.map((r) => r.id)),
    getAccounts(accountKeys)
  ]);
  const fresh = rows.filter((r) => !existing.has(r.id));

  // Every row naming an account may create it or fill its missing fields, in file order;
  // each account is written once. A row that names it differently is reported, never applied.
  const accountPuts = new Map<string, { account: Account; expect: Expect }>();
  const accountConflicts: NonNullable<ImportReport['accountConflicts']> = [];
  const filledExisting = new Set<string>();
  for (const row of fresh) {
    if (!row.input.account) continue;
    const key = normaliseAccountKey(row.input.account.key ?? row.input.account.name);
    const previous = accountPuts.get(key);
    const merged = mergeAccount(row.input.account, previous?.account ?? accounts.get(key), now);
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
  const insights: Insight[] = fresh.map((row) =>
    newInsight(row.input, projectId, actor, { now: () => now, newId: () => row.id })
  );

  // Accounts first, then insights, each in transactions within Forge's 25-operation
  // limit; transactions of one kind touch distinct rows, so they run in parallel.
  // A row's insight is only written once its account exists.
  // The rows' search terms are written alongside the accounts, before the insights.
  const [indexed] = await Promise.all([
    indexForSearch(insights, (key) => accountPuts.get(key)?.account.name ?? accounts.get(key)?.name),
    ...chunks([...accountPuts.values()], KVS_LIMITS.transactionOps).map((chunk) => {
      const writes = new WriteSet();
      for (const { account, expect } of chunk)
        writes.put(ENTITY.account, account.key, accountToRecord(account), expect);
      return writes.commit();
    })
  ]);
  await Promise.all(
    chunks(indexed, KVS_LIMITS.transactionOps).map((chunk) => {
      const writes = new WriteSet();
      for (const insight of chunk) writes.put(ENTITY.insight, insight.id, insightToRecord(insight), 'absent');
      return writes.commit();
    })
  );
  return {
    created: fresh.map((r) => ({ line: r.line, insightId: r.id })),
    duplicates: rows.filter((r) => existing.has(r.id)).map((r) => ({ line: r.line, insightId: r.id })),
    accountConflicts,
    filledExisting: [...filledExisting]
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
