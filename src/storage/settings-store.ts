import { kvs } from '@forge/kvs';
import {
  DEFAULT_SCORING_SETTINGS,
  parseScoringSettings,
  type ScoringSettings
} from '../domain/scoring/settings';
import { SETTINGS_KEY } from './entities';
import { guarded } from './kvs-failure';

/** The site's scoring settings; defaults until an admin saves some. */
export async function getScoringSettings(): Promise<ScoringSettings> {
  const stored = await guarded(() => kvs.get<unknown>(SETTINGS_KEY));
  return stored === undefined ? DEFAULT_SCORING_SETTINGS : parseScoringSettings(stored);
}

export async function saveScoringSettings(settings: ScoringSettings): Promise<void> {
  await guarded(() => kvs.set(SETTINGS_KEY, settings));
}
