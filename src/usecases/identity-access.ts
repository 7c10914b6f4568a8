import { z } from 'zod';
import { fingerprint } from '../domain/fingerprint';
import { maySeeIdentity, parsePrivacySettings, type PrivacySettings } from '../domain/privacy';
import { HIDDEN_ACCOUNT, accountRedactor, redactCards, redactImpact } from '../domain/redact';
import type { EvidenceCard } from '../domain/impact';
import { userGroupNames } from '../jira/user-groups';
import { cacheAccess, getCachedAccess, getPrivacySettings } from '../storage/privacy-store';
import type { InsightView, PanelView, RankedIssueView, ShippedIssueView } from '../contract/views';

const ACCESS_CACHE_MINUTES = 10;
const CachedAccessSchema = z.object({ allowed: z.boolean(), settings: z.string() });

/**
 * Whether the acting user may see customer identity and revenue. Unrestricted sites
 * answer at once; otherwise the user's Jira groups decide, cached briefly per user and
 * per settings (a change of the allowed groups invalidates every cached answer).
 */
export async function identityAllowed(
  accountId: string,
  preloaded?: { privacy: unknown; access: unknown }
): Promise<boolean> {
  const privacy: PrivacySettings = preloaded
    ? parsePrivacySettings(preloaded.privacy ?? {})
    : await getPrivacySettings();
  if (!privacy.restrictIdentity) return true;
  const stamp = fingerprint(privacy);
  const cached = CachedAccessSchema.safeParse(
    preloaded ? preloaded.access : await getCachedAccess(accountId)
  );
  if (cached.success && cached.data.settings === stamp) return cached.data.allowed;
  const allowed = maySeeIdentity(privacy, await userGroupNames(accountId));
  await cacheAccess(accountId, { allowed, settings: stamp }, ACCESS_CACHE_MINUTES);
  return allowed;
}

/** What one answer needs masked, for a user who may not see identity. */
export interface Redaction {
  allowed: boolean;
  panel(view: PanelView): PanelView;
  cards(cards: EvidenceCard[]): EvidenceCard[];
  insights(items: InsightView[]): InsightView[];
  ranked(rows: RankedIssueView[]): RankedIssueView[];
  shipped(rows: ShippedIssueView[]): ShippedIssueView[];
}

export function redactionFor(allowed: boolean): Redaction {
  if (allowed) {
    return {
      allowed,
      panel: (v) => v,
      cards: (c) => c,
      insights: (i) => i,
      ranked: (r) => r,
      shipped: (r) => r
    };
  }
  return {
    allowed,
    panel: (view) => ({
      ...view,
      impact: view.impact ? redactImpact(view.impact) : null,
      identityHidden: true
    }),
    cards: (cards) => redactCards(cards),
    insights: (items) => {
      const mask = accountRedactor();
      return items.map((item) => ({
        ...item,
        ...(item.account ? { account: mask(item.account) } : {}),
        identityHidden: true
      }));
    },
    ranked: (rows) => rows.map((row) => ({ ...row, arr: 0, identityHidden: true })),
    shipped: (rows) =>
      rows.map((row) => ({
        ...row,
        accounts: row.accounts.map((_account, i) => ({
          key: `account-${i + 1}`,
          name: HIDDEN_ACCOUNT,
          arr: 0
        })),
        identityHidden: true
      }))
  };
}
