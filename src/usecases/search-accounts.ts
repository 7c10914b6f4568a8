import { accountKeyOrNull, type Account } from '../domain/account';
import type { AccountMatchesView } from '../contract/views';
import { accountsByNamePrefix, getAccount } from '../storage/account-store';

/**
 * Accounts for an account field's autocomplete: those whose name, in comparable form
 * (case, spacing, punctuation and Latin accents aside), begins with what was typed,
 * sorted by name. The account the text names exactly, by its key, is always among
 * them, even one stored before names were indexed, and is reported as `exact`: a
 * capture naming it joins that account and leaves its name as stored.
 */
export async function searchAccounts(query: string, limit: number): Promise<AccountMatchesView> {
  const prefix = accountKeyOrNull(query);
  if (prefix === null) return { items: [] };
  const [byName, exact] = await Promise.all([accountsByNamePrefix(prefix, limit), getAccount(prefix)]);
  const found = new Map<string, Account>();
  if (exact) found.set(exact.key, exact);
  for (const account of byName) if (found.size < limit) found.set(account.key, account);
  const items = [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  return exact ? { items, exact: exact.key } : { items };
}
