import { z } from 'zod';
import { fingerprint } from '../domain/fingerprint';
import { maySeeIdentity, parsePrivacySettings, type PrivacySettings } from '../domain/privacy';
import type { Account } from '../domain/account';
import type { AccountConflict } from '../domain/account-edit';
import { redactAccount, redactCards, redactFacets, redactImpact, type AliasOf } from '../domain/redact';
import type { EvidenceCard } from '../domain/impact';
import { userGroupNames } from '../jira/user-groups';
import { cacheAccess, getCachedAccess, getPrivacySettings } from '../storage/privacy-store';
import type { InsightView, PanelView, RankedIssueView, ShippedIssueView } from '../contract/views';
import { installationAliases } from './account-aliases';

const ACCESS_CACHE_MINUTES = 10;
/** What a masked user sees in place of a stored account value. */
const HIDDEN = 'hidden';
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

/** What one answer needs masked, for a user who may not see identity (see domain/redact.ts). */
export interface Redaction {
  allowed: boolean;
  panel(view: PanelView): PanelView;
  cards(cards: EvidenceCard[]): EvidenceCard[];
  insights(items: InsightView[]): InsightView[];
  ranked(rows: RankedIssueView[]): RankedIssueView[];
  shipped(rows: ShippedIssueView[]): ShippedIssueView[];
  account(account: Account): Account;
  /** Conflicts between typed and stored account fields: the stored side is identity too. */
  conflicts<C extends AccountConflict>(conflicts: C[]): C[];
}

const OPEN: Redaction = Object.freeze({
  allowed: true,
  panel: (v: PanelView) => v,
  cards: (c: EvidenceCard[]) => c,
  insights: (i: InsightView[]) => i,
  ranked: (r: RankedIssueView[]) => r,
  shipped: (r: ShippedIssueView[]) => r,
  account: (a: Account) => a,
  conflicts: <C extends AccountConflict>(c: C[]) => c
});

/** The masking model applied with these aliases, for every kind of answer. */
export function maskedRedaction(aliasOf: AliasOf): Redaction {
  return {
    allowed: false,
    panel: (view) => ({
      ...view,
      impact: view.impact ? redactImpact(view.impact, aliasOf) : null,
      identityHidden: true
    }),
    cards: (cards) => redactCards(cards, aliasOf),
    insights: (items) =>
      items.map((item) => {
        const masked: InsightView = { ...item, identityHidden: true };
        if (item.accountKey !== undefined) masked.accountKey = aliasOf(item.accountKey).key;
        if (item.account) masked.account = redactAccount(item.account, aliasOf);
        return masked;
      }),
    ranked: (rows) =>
      rows.map((row) => {
        const masked: RankedIssueView = { ...row, arr: 0, identityHidden: true };
        if (row.facets) masked.facets = redactFacets(row.facets);
        return masked;
      }),
    shipped: (rows) =>
      rows.map((row) => ({
        ...row,
        // Which requests were told stays: a request key names no account.
        accounts: row.accounts.map((account) => ({
          ...aliasOf(account.key),
          arr: 0,
          ...(account.told ? { told: account.told } : {})
        })),
        identityHidden: true
      })),
    account: (account) => redactAccount(account, aliasOf),
    // The user typed `given`; what is stored (a curated name or revenue) stays hidden.
    conflicts: (conflicts) =>
      conflicts.map((c) => ({ ...c, accountKey: aliasOf(c.accountKey).key, stored: HIDDEN }))
  };
}

/**
 * How to mask one answer: not at all for a user who may see identity; else with the
 * installation's aliases, which costs one more storage read, for masked users only.
 */
export async function redactionFor(allowed: boolean): Promise<Redaction> {
  return allowed ? OPEN : maskedRedaction(await installationAliases());
}
