import { kvs } from '@forge/kvs';
import { issueAccessKey } from './entities';
import { guarded } from './kvs-failure';

/** A cached "this user may browse this issue" (only positive answers are cached). */
export interface CachedIssueAccess {
  browse: true;
}

export async function getCachedIssueAccess(accountId: string, issueId: string): Promise<unknown> {
  return guarded(() => kvs.get<unknown>(issueAccessKey(accountId, issueId)));
}

/** Expires on its own: a user who loses access may read cached evidence until then. */
export async function cacheIssueAccess(accountId: string, issueId: string, minutes: number): Promise<void> {
  const value: CachedIssueAccess = { browse: true };
  await guarded(() =>
    kvs.set(issueAccessKey(accountId, issueId), value, { ttl: { value: minutes, unit: 'MINUTES' } })
  );
}
