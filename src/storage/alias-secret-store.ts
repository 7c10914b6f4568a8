import { kvs } from '@forge/kvs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ALIAS_SECRET_KEY } from './entities';
import { guarded } from './kvs-failure';

const SecretSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The installation's key that account aliases are derived from. It is an ordinary
 * stored value, not one in secret storage, so that the panel can read it in the same
 * single batch as the evidence (`readPanelState`): secret storage has no batch read.
 * Forge stores every value encrypted, and no resolver ever returns this one. Created
 * on first use; two first uses at once may each write one, so both read back what was
 * stored last and every later answer agrees on it.
 *
 * @param preloaded the value a batch read already returned, if any.
 */
export async function aliasSecret(preloaded?: unknown): Promise<string> {
  const known = SecretSchema.safeParse(preloaded);
  if (known.success) return known.data;
  const stored = SecretSchema.safeParse(await guarded(() => kvs.get<unknown>(ALIAS_SECRET_KEY)));
  if (stored.success) return stored.data;
  await guarded(() => kvs.set(ALIAS_SECRET_KEY, randomBytes(32).toString('hex')));
  const written = SecretSchema.safeParse(await guarded(() => kvs.get<unknown>(ALIAS_SECRET_KEY)));
  if (!written.success) throw new Error('The alias key could not be stored');
  return written.data;
}
