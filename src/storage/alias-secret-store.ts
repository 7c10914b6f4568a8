import { kvs } from '@forge/kvs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ALIAS_SECRET_KEY } from './entities';
import { guarded } from './kvs-failure';

const SecretSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The installation's secret that account aliases are derived from, kept with
 * `kvs.setSecret` (encrypted, never returned by queries). Created on first use; two
 * first uses at once may each write one, so both read back what was stored last and
 * every later answer agrees on it.
 */
export async function aliasSecret(): Promise<string> {
  const stored = SecretSchema.safeParse(await guarded(() => kvs.getSecret<unknown>(ALIAS_SECRET_KEY)));
  if (stored.success) return stored.data;
  await guarded(() => kvs.setSecret(ALIAS_SECRET_KEY, randomBytes(32).toString('hex')));
  const written = SecretSchema.safeParse(await guarded(() => kvs.getSecret<unknown>(ALIAS_SECRET_KEY)));
  if (!written.success) throw new Error('The alias secret could not be stored');
  return written.data;
}
