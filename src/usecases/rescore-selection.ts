import { decayBound, DECAY_SKIP_BELOW } from '../domain/scoring/decay-bound';
import type { IssueImpact } from '../domain/impact';
import { FORMULA_VERSION, type ScoringSettings } from '../domain/scoring/settings';
import type { RankRow } from '../storage/records';
import type { RescorePageIssue } from '../storage/rescore-store';
import { jsonBytes, unitsFor, type Units } from './storage-budget';

/**
 * Whether a stored impact must be recomputed from its evidence: other settings or formula
 * made it, or decay since it was computed may move it by a hundredth. Evidence changes
 * recompute their issues when they happen, so time is all that can have moved the rest.
 */
export function mustRecompute(
  row: RankRow,
  settings: { hash: string; recency: ScoringSettings['recency'] },
  now: Date
): boolean {
  if (row.formulaVersion !== FORMULA_VERSION || row.settingsHash !== settings.hash) return true;
  // The ledger says when the score was measured and over how many groups; rows stored
  // before it carry their read model instead.
  const legacy = row.readModel?.score;
  const computedAt = row.totals?.at ?? legacy?.computedAt;
  const contributions =
    row.totals?.groups ?? (Array.isArray(legacy?.contributions) ? legacy.contributions.length : undefined);
  if (!computedAt || contributions === undefined) return true;
  const lastEvidenceAt = row.lastEvidenceAt ?? legacy?.lastEvidenceAt;
  const bound = decayBound(
    {
      score: row.score,
      computedAt,
      contributions,
      ...(lastEvidenceAt === undefined ? {} : { lastEvidenceAt })
    },
    settings.recency,
    now
  );
  return bound >= DECAY_SKIP_BELOW;
}

const hundredths = (score: number): number => Math.round(score * 100);

/**
 * The recomputed issues whose score Jira must learn: moved by at least a hundredth (an
 * issue left without evidence scores zero), or with no score pinned before (a page
 * pinned by an older version of the run: publish rather than guess).
 */
export function changedIssues(
  page: readonly RescorePageIssue[],
  results: ReadonlyMap<string, IssueImpact | null>
): string[] {
  return page
    .filter((issue) => {
      if (issue.score === undefined) return true;
      const now = results.get(issue.issueId)?.score.score ?? 0;
      return hundredths(now) !== hundredths(issue.score);
    })
    .map((issue) => issue.issueId);
}

/**
 * An estimate, on the generous side, of the storage units a page used: the page query
 * (one request of the rows it returned) and the bookkeeping around it; for each
 * recomputed issue its impact read twice (recompute and publish), its groups (or, for an
 * impact stored before groups, its links), insights and accounts, and its new impact written; for each republished issue its impact read.
 */
export function pageUnits(args: {
  /** The rows the page query returned; undefined when the page was pinned before. */
  scanned: readonly RankRow[] | undefined;
  recomputed: readonly RescorePageIssue[];
  results: ReadonlyMap<string, IssueImpact | null>;
  republished: number;
}): Units {
  // Run, progress, settings, failure records, privacy settings, a lane's next projects;
  // three progress saves and a failure record.
  let read = 9 + (args.scanned ? unitsFor(jsonBytes(args.scanned)) : 0);
  let write = 4;
  for (const issue of args.recomputed) {
    const impact = args.results.get(issue.issueId);
    if (!impact) {
      read += 4;
      write += 1;
      continue;
    }
    const rowUnits = unitsFor(jsonBytes(impact) + 1024);
    // Besides the rows: a query of its groups, and, for a row stored before groups, of its
    // links (four indexes) and card rows — each a request of at least one unit.
    read += 2 * rowUnits + 6 + impact.score.insightCount + impact.score.uniqueAccounts;
    write += rowUnits;
  }
  read += 2 * args.republished;
  return { read, write };
}
