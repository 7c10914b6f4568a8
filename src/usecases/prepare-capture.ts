import { normaliseAccountKey, type Account } from '../domain/account';
import { fillAccount, type AccountConflict } from '../domain/account-edit';
import type { Insight } from '../domain/insight';
import type { z } from 'zod';
import type { InsightInputSchema } from '../domain/insight';
import { validateObservedAt } from '../domain/insight';
import type { Actor, Env } from './actor';
import { startAccountRescore } from './account-rescore';
import type { Expect } from '../storage/write-set';

export type InsightInput = z.output<typeof InsightInputSchema>;

/** What a capture does to the account it names (see fillAccount). */
export interface AccountMerge {
  /** The account as it will be. */
  account: Account;
  /** The write, when the account is new or a missing field is filled. */
  put?: { account: Account; expect: Expect };
  /** A stored account that gained a segment or revenue: other issues need rescoring. */
  filledExisting: boolean;
  conflicts: AccountConflict[];
}

/**
 * The account named by a capture, against what is stored: evidence creates an account
 * or fills its missing segment and revenue, but never renames or overwrites a stored
 * one (accounts are shared by every project); differences come back as conflicts.
 */
export function mergeAccount(
  input: NonNullable<InsightInput['account']>,
  existing: Account | undefined,
  now: Date,
  // The survivor's key when the named account was merged into another (account-survivor).
  key: string = normaliseAccountKey(input.key ?? input.name)
): AccountMerge {
  const { account, filled, conflicts } = fillAccount(key, existing, input, now);
  if (!filled) return { account, filledExisting: false, conflicts };
  const expect: Expect = existing ? { version: existing.version } : 'absent';
  return { account, put: { account: filled, expect }, filledExisting: existing !== undefined, conflicts };
}

export function accountKeyOf(input: InsightInput): string | undefined {
  return input.account ? normaliseAccountKey(input.account.key ?? input.account.name) : undefined;
}

/** A new insight from validated input; `linkCount` is set by whoever links it. */
export function newInsight(
  input: InsightInput,
  projectId: string,
  actor: Actor,
  env: Env,
  importKey?: string
): Insight {
  const now = env.now();
  validateObservedAt(input.observedAt, now);
  const insight: Insight = {
    id: env.newId(),
    projectId,
    summary: input.summary,
    quote: input.quote,
    sourceKind: input.sourceKind,
    severity: input.severity,
    sentiment: input.sentiment,
    observedAt: new Date(input.observedAt).toISOString(),
    tags: input.tags,
    status: 'new',
    linkCount: 0,
    createdAt: now.toISOString(),
    createdBy: actor.accountId,
    updatedAt: now.toISOString(),
    version: 1
  };
  const accountKey = accountKeyOf(input);
  if (accountKey !== undefined) insight.accountKey = accountKey;
  if (input.sourceUrl !== undefined) insight.sourceUrl = input.sourceUrl;
  if (input.journeyStage !== undefined) insight.journeyStage = input.journeyStage;
  if (importKey !== undefined) insight.importKey = importKey;
  return insight;
}

/**
 * A stored account that a capture completed (its segment or revenue was missing) now
 * scores differently on every issue its evidence feeds: they are rescored by a job.
 */
export async function rescoreIfFilled(
  merge: AccountMerge | undefined,
  projectId: string,
  env: Env
): Promise<void> {
  if (merge?.filledExisting) await startAccountRescore(merge.account.key, projectId, env);
}

/** The conflicts to report with an answer, omitted when there are none. */
export function conflictsOf(merge: AccountMerge | undefined): { accountConflicts?: AccountConflict[] } {
  return merge && merge.conflicts.length > 0 ? { accountConflicts: merge.conflicts } : {};
}
