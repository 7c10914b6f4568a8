import type { Account } from '../domain/account';
import { getAccount, getAccountAliases } from '../storage/account-store';

/** Merges chained one into another (A into B, later B into C) followed at most this far. */
const MAX_HOPS = 8;

/**
 * For each key, the key evidence naming it joins: itself, or the account that a merge
 * made it an alias of (following later merges of that one). One storage read when no
 * key was merged; one more per link of a chain.
 */
export async function survivorKeys(keys: readonly string[]): Promise<Map<string, string>> {
  const resolved = new Map(keys.map((key) => [key, key]));
  let open = [...new Set(keys)];
  for (let hop = 0; hop < MAX_HOPS && open.length > 0; hop += 1) {
    const aliases = await getAccountAliases(open.map((key) => resolved.get(key) ?? key));
    const next: string[] = [];
    for (const key of open) {
      const alias = aliases.get(resolved.get(key) ?? key);
      if (!alias) continue;
      resolved.set(key, alias.target);
      next.push(key);
    }
    open = next;
  }
  return resolved;
}

/**
 * The account a capture naming `key` joins, and its key: the named account itself, read
 * beside its alias row so that a key never merged costs no extra round trip, or the
 * survivor of a merge.
 */
export async function accountForCapture(key: string): Promise<{ key: string; account: Account | undefined }> {
  const [account, aliases] = await Promise.all([getAccount(key), getAccountAliases([key])]);
  if (!aliases.has(key)) return { key, account };
  const survivor = (await survivorKeys([key])).get(key) ?? key;
  return { key: survivor, account: await getAccount(survivor) };
}
