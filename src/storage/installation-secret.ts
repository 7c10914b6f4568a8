import { kvs } from '@forge/kvs';
import { randomBytes } from 'node:crypto';
import { INSTALLATION_SECRET_KEY } from './entities';
import { guarded } from './kvs-failure';

/**
 * A random secret per installation, kept in Forge's secret storage (encrypted, never
 * returned by queries), created on first use. Ids keyed with it cannot be derived by
 * someone who knows only the input (a ticket key). Two first uses at the same moment
 * may each store one; the re-read makes both use whichever was stored last.
 */
export async function installationSecret(): Promise<string> {
  const stored = await guarded(() => kvs.getSecret<string>(INSTALLATION_SECRET_KEY));
  if (typeof stored === 'string' && stored.length >= 32) return stored;
  await guarded(() => kvs.setSecret(INSTALLATION_SECRET_KEY, randomBytes(32).toString('hex')));
  const created = await guarded(() => kvs.getSecret<string>(INSTALLATION_SECRET_KEY));
  if (typeof created !== 'string') throw new Error('The installation secret could not be stored.');
  return created;
}
