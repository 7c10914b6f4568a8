import { createHmac } from 'node:crypto';
import type { AccountAlias, AliasOf } from '../domain/redact';
import { aliasSecret } from '../storage/alias-secret-store';

/**
 * Opaque account aliases for masked answers: an HMAC-SHA-256 of the account key under
 * the installation's secret. Without the secret no one can tell which account an alias
 * stands for, not even by hashing candidate names; with it, one account has the same
 * alias in every answer, for every user. The label shows 24 bits ("Customer 3F9A1C");
 * the key keeps 64, so two accounts in one answer never share a key.
 */
export function aliasesWith(secret: string): AliasOf {
  const cache = new Map<string, AccountAlias>();
  return (accountKey) => {
    let alias = cache.get(accountKey);
    if (!alias) {
      const mac = createHmac('sha256', secret).update(accountKey, 'utf8').digest('hex');
      alias = { key: `customer-${mac.slice(0, 16)}`, name: `Customer ${mac.slice(0, 6).toUpperCase()}` };
      cache.set(accountKey, alias);
    }
    return alias;
  };
}

/** The installation's aliases (one storage read unless preloaded; the key is created on first use). */
export async function installationAliases(preloaded?: unknown): Promise<AliasOf> {
  return aliasesWith(await aliasSecret(preloaded));
}
