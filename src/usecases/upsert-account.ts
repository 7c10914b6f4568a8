import { normaliseAccountKey, type Account } from '../domain/account';
import type { z } from 'zod';
import type { AccountInputSchema } from '../domain/account';
import { getAccount } from '../storage/account-store';
import { insightIdsOfAccount } from '../storage/insight-store';
import { linksOfInsight } from '../storage/link-store';
import type { Actor, Env } from './actor';
import { applyChange } from './apply-change';
import { emptyChange } from './evidence-change';
import { affectedChain } from './link-insights';
import { retryOnConflict } from './retry-on-conflict';

/** Insights of one account whose issues are rescored when its ARR or segment changes. */
const MAX_RESCORED_INSIGHTS = 200;

/**
 * Creates or replaces an account's name, segment and ARR. Every issue with evidence
 * from the account is rescored, since ARR and segment feed its contribution.
 */
export async function upsertAccount(
  _actor: Actor,
  env: Env,
  projectId: string,
  input: z.output<typeof AccountInputSchema>
): Promise<Account> {
  const key = normaliseAccountKey(input.key ?? input.name);
  return retryOnConflict(async () => {
    const now = env.now();
    const [existing, insightIds] = await Promise.all([
      getAccount(key),
      insightIdsOfAccount(key, MAX_RESCORED_INSIGHTS)
    ]);
    const account: Account = {
      key,
      name: input.name,
      segment: input.segment,
      arr: input.arr,
      updatedAt: now.toISOString(),
      version: (existing?.version ?? 0) + 1
    };
    const links = (await Promise.all(insightIds.map((id) => linksOfInsight(id)))).flat();
    const change = emptyChange();
    change.accountPuts.push({ account, expect: existing ? { version: existing.version } : 'absent' });
    await applyChange(
      change,
      links.flatMap((link) => affectedChain(link)),
      now
    );
    return account;
  });
}
