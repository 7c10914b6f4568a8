import { normaliseAccountKey, type Account } from '../domain/account';
import type { Insight } from '../domain/insight';
import type { z } from 'zod';
import type { InsightInputSchema } from '../domain/insight';
import { validateObservedAt } from '../domain/insight';
import type { Actor, Env } from './actor';
import type { Expect } from '../storage/write-set';

export type InsightInput = z.output<typeof InsightInputSchema>;

/** The account named by a capture, merged into what is stored: evidence enriches, never erases. */
export function mergeAccount(
  input: NonNullable<InsightInput['account']>,
  existing: Account | undefined,
  now: Date
): { account: Account; expect: Expect } {
  const key = normaliseAccountKey(input.key ?? input.name);
  if (!existing) {
    return {
      account: {
        key,
        name: input.name,
        segment: input.segment,
        arr: input.arr,
        updatedAt: now.toISOString(),
        version: 1
      },
      expect: 'absent'
    };
  }
  const account: Account = {
    ...existing,
    name: input.name || existing.name,
    segment: input.segment !== 'unknown' ? input.segment : existing.segment,
    arr: input.arr > 0 ? input.arr : existing.arr,
    updatedAt: now.toISOString(),
    version: existing.version + 1
  };
  return { account, expect: { version: existing.version } };
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
