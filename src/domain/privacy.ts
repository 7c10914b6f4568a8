import { z } from 'zod';
import { parseWith } from './parse';

/**
 * Who may see customer identity (account names) and revenue (ARR). When restricted,
 * only members of the listed Jira groups see them; everyone else sees the evidence with
 * accounts and revenue masked — enforced by the backend on every answer.
 */
export const PrivacySettingsSchema = z.strictObject({
  restrictIdentity: z.boolean().default(false),
  allowedGroups: z
    .array(z.string().trim().min(1).max(255))
    .max(20)
    .default([])
    .transform((groups) => [...new Set(groups)])
});

export type PrivacySettings = z.output<typeof PrivacySettingsSchema>;

export const DEFAULT_PRIVACY: PrivacySettings = Object.freeze({ restrictIdentity: false, allowedGroups: [] });

export function parsePrivacySettings(input: unknown): PrivacySettings {
  return parseWith(PrivacySettingsSchema, input ?? {}, 'privacy settings');
}

/** Whether a user in `groups` may see identity and revenue under these settings. */
export function maySeeIdentity(settings: PrivacySettings, groups: readonly string[]): boolean {
  if (!settings.restrictIdentity) return true;
  return groups.some((group) => settings.allowedGroups.includes(group));
}
