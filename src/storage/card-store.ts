import { kvs, WhereConditions } from '@forge/kvs';
import { severityRank, type Severity } from '../domain/vocabulary';
import { ENTITY, INDEX, KVS_LIMITS, linkKey } from './entities';
import { guarded } from './kvs-failure';
import { readAllPages } from './read-all-pages';
import type { WriteSet } from './write-set';

/** One insight's place in an issue's card order, and what its card is read from. */
export interface CardRow {
  issueId: string;
  insightId: string;
  /** Sorts as the panel lists cards: most severe, then newest, then by insight id. */
  order: string;
  accountKey?: string;
  /** The issue of the nearest link that brings the insight under this one. */
  from: string;
}

const LATEST_MS = 9_999_999_999_999;

/** The sort key of a card (compareCards, as a string). */
export function cardOrder(card: { insightId: string; severity: Severity; observedAt: string }): string {
  const inverted = LATEST_MS - (Date.parse(card.observedAt) || 0);
  return `${3 - severityRank(card.severity)}|${String(inverted).padStart(13, '0')}|${card.insightId}`;
}

/** Stages an issue's card row (or its removal) beside its impact. */
export function stageCard(set: WriteSet, issueId: string, insightId: string, row: CardRow | undefined): void {
  set.setBeside(ENTITY.evidenceCard, linkKey(issueId, insightId), row);
}

/** Up to `limit` card rows of an issue in card order, after the row whose order is `after`. */
export async function cardsAfter(
  issueId: string,
  after: string | undefined,
  limit: number
): Promise<CardRow[]> {
  let builder = kvs
    .entity<CardRow>(ENTITY.evidenceCard)
    .query()
    .index(INDEX.cardByIssueOrder, { partition: [issueId] })
    .limit(limit);
  if (after !== undefined) builder = builder.where(WhereConditions.greaterThan(after));
  const page = await guarded(() => builder.getMany());
  return page.results.map((row) => row.value);
}

/** Every card row of an issue: only a recomputation from links reads them all. */
export function cardsOfIssue(issueId: string): Promise<CardRow[]> {
  return guarded(async () => {
    const rows = await readAllPages((cursor) => {
      let builder = kvs
        .entity<CardRow>(ENTITY.evidenceCard)
        .query()
        .index(INDEX.cardByIssueOrder, { partition: [issueId] })
        .limit(KVS_LIMITS.pageSize);
      if (cursor) builder = builder.cursor(cursor);
      return builder.getMany();
    });
    return rows.map((row) => row.value);
  });
}
