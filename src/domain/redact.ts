import type { Account } from './account';
import type { EvidenceCard, ImpactFacets, IssueImpact } from './impact';
import type { Contribution, ImpactScore } from './scoring/score';

/**
 * The masking model: what a user who may not see customer identity receives.
 *
 * Kept: totals (the score, its insight, account and voice counts), each account's
 * severity, segment, dates and the scoring weights (settings, not customer data), the
 * evidence text, and insight counts by source kind.
 * Removed: every account's name and key (an opaque per-installation alias stands in:
 * "Customer 3F9A1C", the same for one account in every answer, so "the same customer"
 * stays visible), ARR, ARR at stake, each account's revenue factor and points, and the
 * score split by segment or journey stage (with one account per segment, per-segment
 * points are per-account points, from which ARR could be worked out).
 * Masked numbers are 0 and the answer says `identityHidden`, so the UI shows "hidden",
 * never the 0. Contributions come in alias order, not by points, so their order says
 * nothing about their size.
 */
export interface AccountAlias {
  /** Stands in for the account key: unique per account within an installation. */
  key: string;
  /** What the UI shows instead of the name. */
  name: string;
}

/** The alias of an account key; the use case derives it with the installation's secret. */
export type AliasOf = (accountKey: string) => AccountAlias;

function redactContribution(c: Contribution, aliasOf: AliasOf): Contribution {
  const masked: Contribution = { ...c, arr: 0, revenueFactor: 0, points: 0 };
  delete masked.accountKey;
  delete masked.accountName;
  if (c.accountKey !== undefined) {
    const alias = aliasOf(c.accountKey);
    masked.accountKey = alias.key;
    masked.group = alias.key;
    masked.accountName = alias.name;
  } else if (!c.anonymous) {
    // A named group without a key cannot occur; never let its group name through.
    masked.group = 'hidden';
  }
  return masked;
}

function redactScore(score: ImpactScore, aliasOf: AliasOf): ImpactScore {
  const contributions = score.contributions
    .map((c) => redactContribution(c, aliasOf))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return { ...score, arrAtStake: 0, contributions };
}

/** Segment and stage points go; insight counts by source kind stay. */
export function redactFacets(facets: ImpactFacets): ImpactFacets {
  return { segments: {}, stages: {}, sourceKinds: facets.sourceKinds };
}

function redactCard(card: EvidenceCard, aliasOf: AliasOf): EvidenceCard {
  if (!card.account) return card;
  const alias = aliasOf(card.account.key);
  return { ...card, account: { key: alias.key, name: alias.name, segment: card.account.segment, arr: 0 } };
}

/** An issue's read model as a user without identity access may see it. */
export function redactImpact(impact: IssueImpact, aliasOf: AliasOf): IssueImpact {
  const masked: IssueImpact = {
    ...impact,
    score: redactScore(impact.score, aliasOf),
    cards: redactCards(impact.cards, aliasOf)
  };
  if (impact.facets) masked.facets = redactFacets(impact.facets);
  return masked;
}

/** Cards of later pages, masked the same way. */
export function redactCards(cards: readonly EvidenceCard[], aliasOf: AliasOf): EvidenceCard[] {
  return cards.map((c) => redactCard(c, aliasOf));
}

/** An account under its alias, with no ARR. */
export function redactAccount(account: Account, aliasOf: AliasOf): Account {
  const alias = aliasOf(account.key);
  return { ...account, key: alias.key, name: alias.name, arr: 0 };
}
