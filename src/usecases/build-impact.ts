import type { Account } from '../domain/account';
import { levelsBelow, type AncestorPath } from '../domain/ancestry';
import {
  computeFacets,
  orderCards,
  type EvidenceCard,
  type IssueImpact,
  type RestrictedEvidence
} from '../domain/impact';
import type { Insight } from '../domain/insight';
import { scoreEvidence, type ImpactScore, type ScoringItem } from '../domain/scoring/score';
import type { ScoringSettings } from '../domain/scoring/settings';
import type { ImpactRecord, LinkRecord } from '../storage/records';

/** Cards stored with the read model: the panel's first page, full quotes included. */
export const FIRST_PAGE_CARDS = 20;
/** Contributions stored with the read model; the rest are summarised by count. */
export const STORED_CONTRIBUTIONS = 50;
const STORED_INSIGHT_IDS = 10;

export interface ImpactInputs {
  issueId: string;
  projectId: string;
  parentId?: string;
  ancestorPath?: AncestorPath;
  links: readonly LinkRecord[];
  insights: ReadonlyMap<string, Insight>;
  accounts: ReadonlyMap<string, Account>;
  settings: ScoringSettings;
  now: Date;
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
  return card;
}

/**
 * Every card for an issue's evidence, each insight once, unordered. When an insight is
 * linked at several levels, the link nearest the issue wins (own, then child, then
 * grandchild and below), so a card says where the evidence was attached closest to it.
 */
export function collectCards(
  inputs: Pick<ImpactInputs, 'issueId' | 'links' | 'insights' | 'accounts'>
): EvidenceCard[] {
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

/** Which cards came from issues that were under issue-level security when linked. */
function restrictedEvidenceOf(
  links: readonly LinkRecord[],
  cards: readonly EvidenceCard[]
): RestrictedEvidence[] {
  const restrictedIssues = new Set(links.filter((l) => l.restricted).map((l) => l.issueId));
  if (restrictedIssues.size === 0) return [];
  const byIssue = new Map<string, string[]>();
  for (const card of cards) {
    if (!restrictedIssues.has(card.fromIssueId)) continue;
    byIssue.set(card.fromIssueId, [...(byIssue.get(card.fromIssueId) ?? []), card.insightId]);
  }
  return [...byIssue].map(([issueId, insightIds]) => ({ issueId, insightIds }));
}

/**
 * Computes an issue's read model from its rolled-up evidence. Undefined when no
 * evidence is left, so the caller deletes the row and the issue drops out of ranking.
 */
export function buildImpact(inputs: ImpactInputs): Omit<ImpactRecord, 'version'> | undefined {
  const unordered = collectCards(inputs);
  if (unordered.length === 0) return undefined;
  const score = scoreEvidence(scoringItems(unordered), inputs.settings, inputs.now);
  const cards = orderCards(unordered, score);
  const stored: ImpactScore = {
    ...score,
    contributions: score.contributions
      .slice(0, STORED_CONTRIBUTIONS)
      .map((c) => ({ ...c, insightIds: c.insightIds.slice(0, STORED_INSIGHT_IDS) }))
  };
  const readModel: IssueImpact = {
    issueId: inputs.issueId,
    projectId: inputs.projectId,
    score: stored,
    cards: cards.slice(0, FIRST_PAGE_CARDS),
    totalCards: cards.length,
    // From the full score, before its contributions are trimmed for storage.
    facets: computeFacets(cards, score),
    updatedAt: inputs.now.toISOString()
  };
  if (inputs.parentId !== undefined) readModel.parentId = inputs.parentId;
  const restricted = restrictedEvidenceOf(inputs.links, cards);
  if (restricted.length > 0) readModel.restrictedEvidence = restricted;
  const record: Omit<ImpactRecord, 'version'> = {
    issueId: inputs.issueId,
    projectId: inputs.projectId,
    score: score.score,
    accounts: score.uniqueAccounts,
    arr: score.arrAtStake,
    insightCount: score.insightCount,
    formulaVersion: score.formulaVersion,
    settingsHash: score.settingsHash,
    readModel,
    updatedAt: inputs.now.toISOString()
  };
  if (inputs.parentId !== undefined) record.parentId = inputs.parentId;
  if (inputs.ancestorPath !== undefined) record.ancestorPath = inputs.ancestorPath;
  if (score.lastEvidenceAt !== undefined) record.lastEvidenceAt = score.lastEvidenceAt;
  return record;
}
