import { normaliseAccountKey } from '../domain/account';
import { editAccount, type AccountEdit } from '../domain/account-edit';
import { ValidationError } from '../domain/errors';
import type { AccountEditView } from '../contract/views';
import { accountChangeKey, getAccount, type AccountChangeRecord } from '../storage/account-store';
import { WriteSet } from '../storage/write-set';
import type { Actor, Env } from './actor';
import { startAccountRescore } from './account-rescore';
import { retryOnConflict } from './retry-on-conflict';

/**
 * An explicit edit of a shared account's name, segment or revenue (or its creation).
 * Fields left out stay as they are. The change and its history entry (who, when, each
 * field before and after) commit together, conditioned on the account as read; then
 * every issue the account's evidence feeds is rescored by a paced queued job, whose
 * progress the answer carries.
 */
export async function upsertAccount(
  actor: Actor,
  env: Env,
  projectId: string,
  input: AccountEdit
): Promise<AccountEditView> {
  const named = input.key ?? input.name;
  if (named === undefined) {
    throw new ValidationError('Name the account to edit', [
      { path: 'account.key', message: 'Give a key or a name' }
    ]);
  }
  const key = normaliseAccountKey(named);
  const outcome = await retryOnConflict(async () => {
    const now = env.now();
    const existing = await getAccount(key);
    const edited = editAccount(key, existing, input, now);
    if (edited.changes.length === 0) return { ...edited, existed: existing !== undefined };
    const entry: AccountChangeRecord = {
      accountKey: key,
      at: now.toISOString(),
      by: actor.accountId,
      changes: edited.changes
    };
    await new WriteSet()
      .putAccount(edited.account, existing ? { version: existing.version } : 'absent')
      .putNew(accountChangeKey(key, now, env.newId()), entry)
      .commit();
    return { ...edited, existed: existing !== undefined };
  });
  // A new account has no evidence yet; a changed one may back thousands of issues.
  if (!outcome.existed || outcome.changes.length === 0)
    return { ...outcome.account, changes: outcome.changes };
  const rescore = await startAccountRescore(key, projectId, env);
  return { ...outcome.account, changes: outcome.changes, rescore };
}
