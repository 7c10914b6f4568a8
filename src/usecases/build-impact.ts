import type { Account } from '../domain/account';
import { levelsBelow } from '../domain/ancestry';
import type { EvidenceCard } from '../domain/impact';
import type { AdditionalQuote, Insight } from '../domain/insight';
import type { ScoringItem } from '../domain/scoring/score';
import type { LinkRecord } from '../storage/records';

/** Merged duplicates' quotes a card carries, and how long each may be there. */
const CARD_QUOTES = 3;
const CARD_QUOTE_CHARS = 300;

function cardQuotes(quotes: readonly AdditionalQuote[]): NonNullable<EvidenceCard['additionalQuotes']> {
  return quotes.slice(0, CARD_QUOTES).map((q) => {
    const quote = q.quote.length > CARD_QUOTE_CHARS ? `${q.quote.slice(0, CARD_QUOTE_CHARS - 1)}…` : q.quote;
    return q.sourceUrl ? { quote, sourceUrl: q.sourceUrl } : { quote };
  });
}

/** Turns a link and its insight into the card the panel shows. */
export function toCard(link: LinkRecord, insight: Insight, account: Account | undefined): EvidenceCard {
  const card: EvidenceCard = {
    insightId: insight.id,
    summary: insight.summary,
    quote: insight.quote,
    sourceKind: insight.sourceKind,
    severity: insight.severity,
    sentiment: insight.sentiment,
    observedAt: insight.observedAt,
    tags: insight.tags,
    linkedBy: link.linkedBy,
    linkedAt: link.linkedAt,
    note: link.note ?? '',
    fromIssueId: link.issueId
  };
  if (insight.sourceUrl !== undefined) card.sourceUrl = insight.sourceUrl;
  if (insight.journeyStage !== undefined) card.journeyStage = insight.journeyStage;
  if (account)
    card.account = { key: account.key, name: account.name, segment: account.segment, arr: account.arr };
  if (insight.additionalQuotes?.length) card.additionalQuotes = cardQuotes(insight.additionalQuotes);
  return card;
}

/**
 * Every card for an issue's evidence, each insight once, unordered. When an insight is
 * linked at several levels, the link nearest the issue wins (own, then child, then
 * grandchild and below), so a card says where the evidence was attached closest to it.
 */
export function collectCards(inputs: {
  issueId: string;
  links: readonly LinkRecord[];
  insights: ReadonlyMap<string, Insight>;
  accounts: ReadonlyMap<string, Account>;
}): EvidenceCard[] {
  const seen = new Set<string>();
  const cards: EvidenceCard[] = [];
  const depth = (link: LinkRecord): number => {
    if (link.issueId === inputs.issueId) return 0;
    if (link.ancestorPath !== undefined) return levelsBelow(link.ancestorPath, inputs.issueId) ?? Infinity;
    return link.parentId === inputs.issueId ? 1 : 2;
  };
  const ordered = [...inputs.links].sort((a, b) => depth(a) - depth(b));
  for (const link of ordered) {
    const insight = inputs.insights.get(link.insightId);
    if (!insight || seen.has(insight.id)) continue;
    seen.add(insight.id);
    cards.push(
      toCard(link, insight, insight.accountKey ? inputs.accounts.get(insight.accountKey) : undefined)
    );
  }
  return cards;
}

export function scoringItems(cards: readonly EvidenceCard[]): ScoringItem[] {
  return cards.map((card) => {
    const item: ScoringItem = {
      insightId: card.insightId,
      severity: card.severity,
      observedAt: card.observedAt,
      sourceIssueId: card.fromIssueId
    };
    if (card.account) {
      item.accountKey = card.account.key;
      item.accountName = card.account.name;
      item.segment = card.account.segment;
      item.arr = card.account.arr;
    }
    return item;
  });
}
