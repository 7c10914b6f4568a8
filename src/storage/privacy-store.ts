import { kvs } from '@forge/kvs';
import { DEFAULT_PRIVACY, parsePrivacySettings, type PrivacySettings } from '../domain/privacy';
import { batchGetItems } from './batch-get';
import {
  ALIAS_SECRET_KEY,
  ENTITY,
  PRIVACY_KEY,
  entityKey,
  identityAccessKey,
  impactViewKey,
  issueAccessKey
} from './entities';
import { guarded } from './kvs-failure';
import { impactFromStored, type ImpactRecord, type ImpactView, type RankRow } from './records';

/** A cached identity-access answer, valid only for the privacy settings it was made under. */
export interface CachedAccess {
  allowed: boolean;
  settings: string;
}

export async function getPrivacySettings(): Promise<PrivacySettings> {
  const stored = await guarded(() => kvs.get<unknown>(PRIVACY_KEY));
  return stored === undefined ? DEFAULT_PRIVACY : parsePrivacySettings(stored);
}

export async function savePrivacySettings(settings: PrivacySettings): Promise<void> {
  await guarded(() => kvs.set(PRIVACY_KEY, settings));
}

export async function getCachedAccess(accountId: string): Promise<unknown> {
  return guarded(() => kvs.get<unknown>(identityAccessKey(accountId)));
}

/** Cached for a few minutes: group membership changes rarely, and Jira is a round trip. */
export async function cacheAccess(accountId: string, access: CachedAccess, minutes: number): Promise<void> {
  await guarded(() =>
    kvs.set(identityAccessKey(accountId), access, { ttl: { value: minutes, unit: 'MINUTES' } })
  );
}

/**
 * The panel's first paint in ONE storage call: the issue's read model, the privacy
 * settings, the user's cached identity access and their cached access to the issue, in
 * one batch (entity and plain keys mix).
 */
/** What the panel's first paint reads in its one storage call. */
export interface PanelState {
  impact?: ImpactRecord;
  privacy?: unknown;
  access?: unknown;
  issueAccess?: unknown;
  /** The key masked answers' aliases are derived from (see alias-secret-store). */
  aliasSecret?: unknown;
}

export async function readPanelState(issueId: string, accountId: string): Promise<PanelState> {
  const issueKey = issueAccessKey(accountId, issueId);
  const items = await batchGetItems<unknown>([
    { key: entityKey(issueId, 'issue id'), entityName: ENTITY.impact },
    { key: PRIVACY_KEY },
    { key: identityAccessKey(accountId) },
    { key: issueKey },
    { key: ALIAS_SECRET_KEY },
    { key: impactViewKey(issueId) }
  ]);
  const state: PanelState = {};
  const view = items.find((item) => item.key === impactViewKey(issueId))?.value as ImpactView | undefined;
  for (const item of items) {
    if (item.entityName === ENTITY.impact) state.impact = impactFromStored(item.value as RankRow, view);
    else if (item.key === impactViewKey(issueId)) continue;
    else if (item.key === PRIVACY_KEY) state.privacy = item.value;
    else if (item.key === issueKey) state.issueAccess = item.value;
    else if (item.key === ALIAS_SECRET_KEY) state.aliasSecret = item.value;
    else state.access = item.value;
  }
  return state;
}
