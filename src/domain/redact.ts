import type { Account } from './account';
import type { EvidenceCard, IssueImpact } from './impact';
import type { Contribution, ImpactScore } from './scoring/score';

/**
 * Masks customer identity and revenue for users who may not see them. Accounts keep
 * their segment (it is not identifying) under a neutral alias that is stable within one
 * answer, so "the same customer" is still visible; names, keys, ARR, and each account's
 * revenue factor and points (from which ARR could be worked out) are removed. The total
 * score stays: it is an aggregate.
 */
export const HIDDEN_ACCOUNT = 'Hidden account';

class Aliases {
  private readonly byKey = new Map<string, string>();

  of(key: string): string {
    let alias = this.byKey.get(key);
    if (!alias) {
      alias = `account-${this.byKey.size + 1}`;
      this.byKey.set(key, alias);
    }
    return alias;
  }
}

function redactContribution(c: Contribution, aliases: Aliases): Contribution {
  const masked: Contribution = { ...c, arr: 0, revenueFactor: 0, points: 0 };
  if (c.accountKey !== undefined) {
    masked.accountKey = aliases.of(c.accountKey);
    masked.group = masked.accountKey;
    masked.accountName = HIDDEN_ACCOUNT;
  }
  return masked;
}

function redactScore(score: ImpactScore, aliases: Aliases): ImpactScore {
  return {
    ...score,
    arrAtStake: 0,
    contributions: score.contributions.map((c) => redactContribution(c, aliases))
  };
}

function redactCard(card: EvidenceCard, aliases: Aliases): EvidenceCard {
  if (!card.account) return card;
  return {
    ...card,
    account: {
      key: aliases.of(card.account.key),
      name: HIDDEN_ACCOUNT,
      segment: card.account.segment,
      arr: 0
    }
  };
}

/** An issue's read model as a user without identity access may see it. */
export function redactImpact(impact: IssueImpact): IssueImpact {
  const aliases = new Aliases();
  return {
    ...impact,
    score: redactScore(impact.score, aliases),
    cards: impact.cards.map((c) => redactCard(c, aliases))
  };
}

/** Cards of later pages, masked the same way. */
export function redactCards(cards: readonly EvidenceCard[]): EvidenceCard[] {
  const aliases = new Aliases();
  return cards.map((c) => redactCard(c, aliases));
}

/** Accounts in a list of insights, masked with aliases stable across the list. */
export function accountRedactor(): (account: Account) => Account {
  const aliases = new Aliases();
  return (account) => ({ ...account, key: aliases.of(account.key), name: HIDDEN_ACCOUNT, arr: 0 });
}
