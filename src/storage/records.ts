import { accountKeyOrNull, type Account } from '../domain/account';
import type { LevelBand } from '../domain/ancestry';
import type { ImpactFacets, IssueImpact } from '../domain/impact';
import { readModelOf, type ImpactLedger } from '../domain/scoring/impact-ledger';
import type { EvidenceGroup } from '../domain/scoring/evidence-group';
import type { AdditionalQuote, Insight, InsightPending, ServiceRequestRef } from '../domain/insight';
import type {
  InsightStatus,
  JourneyStage,
  Segment,
  Sentiment,
  Severity,
  SourceKind
} from '../domain/vocabulary';

/**
 * The shapes stored in each custom entity. Optional attributes are omitted rather than
 * stored empty so that sparse indexes (by-parent, by-grandparent, by-account) hold only
 * the rows they are about.
 */
export interface InsightRecord {
  projectId: string;
  status: InsightStatus;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  observedAt: string;
  accountKey?: string;
  summary: string;
  /** Omitted when empty: the entity store rejects empty string attributes. */
  quote?: string;
  sourceKind: SourceKind;
  sourceUrl?: string;
  severity: Severity;
  sentiment: Sentiment;
  journeyStage?: JourneyStage;
  tags: string[];
  linkCount: number;
  importKey?: string;
  pending?: InsightPending;
  mergeInto?: string;
  restrictedIssueId?: string;
  /** Lower-cased summary, quote and tags: the entity store's CONTAINS is case-sensitive. */
  searchText: string;
  /** Digest of the terms in the search index; absent until first indexed. */
  searchDigest?: string;
  /** Quotes of merged duplicates; omitted when none. */
  additionalQuotes?: AdditionalQuote[];
  /** The originating service request; omitted when the insight came from elsewhere. */
  request?: ServiceRequestRef;
  version: number;
}

export interface AccountRecord {
  name: string;
  /**
   * The name in comparable form (`normaliseAccountKey`), for autocomplete by prefix; absent
   * on accounts stored before it, until their next write.
   */
  nameKey?: string;
  segment: Segment;
  arr: number;
  updatedAt: string;
  version: number;
}

export interface LinkRecord {
  issueId: string;
  insightId: string;
  projectId: string;
  /** The issue's parent and grandparent: read only for links stored before `ancestorPath`. */
  parentId?: string;
  grandparentId?: string;
  /** The top of the issue's hierarchy and the issue's ancestors (domain/ancestry); omitted at the top. */
  rootId?: string;
  ancestorPath?: string;
  accountKey?: string;
  linkedBy: string;
  linkedAt: string;
  /** "Why this is evidence"; omitted when empty (the entity store rejects empty strings). */
  note?: string;
  /**
   * The `updatedAt` of the insight this link's issues were last scored from: a job that
   * rescores a widely linked insight's issues knows which are still to do.
   */
  insightUpdatedAt?: string;
  /**
   * Bumped by every rewrite, so a write can be conditioned on the row it read. Absent on
   * links written before links were versioned (read as version 0).
   */
  version?: number;
  /** The issue was under issue-level security when linked: its evidence is shown only to those who can see it. */
  restricted?: true;
}

/**
 * What the `impact` entity stores per issue: the numbers ranking, filters and Jira need,
 * kept small so that a ranked page reads little. The panel's lists (contributions,
 * cards) live beside it in a plain value (`impactViewKey`), written with it.
 */
export interface RankRow {
  issueId: string;
  projectId: string;
  parentId?: string;
  /** The issue's ancestors (domain/ancestry), `/` at the top; absent on rows stored before it. */
  ancestorPath?: string;
  score: number;
  accounts: number;
  arr: number;
  insightCount: number;
  lastEvidenceAt?: string;
  formulaVersion: number;
  settingsHash: string;
  facets?: ImpactFacets;
  /**
   * The issue's level band, as Jira named it when evidence was linked: ranked pages
   * filtered by level read the band's index. Absent on rows written without it.
   */
  band?: LevelBand;
  /** The ledger's running sums (domain/scoring/impact-ledger); its lists are in the view. */
  totals?: LedgerTotals;
  /** Rows stored before the split carry their whole read model here. */
  readModel?: IssueImpact;
  version: number;
  updatedAt: string;
}

/** An issue's impact with the panel's read model: a rank row and its view, read together. */
export interface ImpactRecord extends Omit<RankRow, 'readModel' | 'totals'> {
  readModel: IssueImpact;
  /** Absent on rows stored before the ledger: such an issue is recomputed from its links. */
  ledger?: ImpactLedger;
}

export type LedgerTotals = Omit<ImpactLedger, 'contributions' | 'cards' | 'recent' | 'restricted'>;
export type ImpactView = Pick<ImpactLedger, 'contributions' | 'cards' | 'recent' | 'restricted'>;

/** An issue's evidence group as stored (domain/scoring/evidence-group). */
export interface GroupRecord extends EvidenceGroup {
  issueId: string;
  projectId: string;
  version: number;
}

export function impactFromStored(row: RankRow, view: ImpactView | undefined): ImpactRecord {
  const { totals, readModel, ...rest } = row;
  if (totals && view) {
    const ledger: ImpactLedger = { ...totals, ...view };
    const issue = {
      issueId: row.issueId,
      projectId: row.projectId,
      ...(row.parentId ? { parentId: row.parentId } : {})
    };
    return { ...rest, ledger, readModel: readModelOf(ledger, issue, row.updatedAt) };
  }
  return { ...rest, readModel: readModel ?? emptyReadModel(row) };
}

/** The rank row and view to store for an impact with a ledger. */
export function impactToStored(record: ImpactRecord): { row: RankRow; view?: ImpactView } {
  const { readModel, ledger, ...rest } = record;
  if (!ledger) return { row: { ...rest, readModel } };
  const { contributions, cards, recent, restricted, ...totals } = ledger;
  const row: RankRow = { ...rest, totals };
  if (readModel.facets) row.facets = readModel.facets;
  return { row, view: { contributions, cards, recent, restricted } };
}

function emptyReadModel(row: RankRow): IssueImpact {
  return {
    issueId: row.issueId,
    projectId: row.projectId,
    score: {
      score: row.score,
      contributions: [],
      uniqueAccounts: row.accounts,
      anonymousVoices: 0,
      arrAtStake: row.arr,
      insightCount: row.insightCount,
      formulaVersion: row.formulaVersion,
      settingsHash: row.settingsHash,
      computedAt: row.updatedAt
    },
    cards: [],
    totalCards: row.insightCount,
    updatedAt: row.updatedAt
  };
}

export function insightToRecord(insight: Insight): InsightRecord {
  const record: InsightRecord = {
    projectId: insight.projectId,
    status: insight.status,
    createdAt: insight.createdAt,
    createdBy: insight.createdBy,
    updatedAt: insight.updatedAt,
    observedAt: insight.observedAt,
    summary: insight.summary,
    sourceKind: insight.sourceKind,
    severity: insight.severity,
    sentiment: insight.sentiment,
    tags: insight.tags,
    linkCount: insight.linkCount,
    searchText: [insight.summary, insight.quote, ...insight.tags, ...quotesOf(insight)]
      .join('\n')
      .toLowerCase()
      .slice(0, 5000),
    version: insight.version
  };
  if (insight.quote !== '') record.quote = insight.quote;
  if (insight.accountKey !== undefined) record.accountKey = insight.accountKey;
  if (insight.sourceUrl !== undefined) record.sourceUrl = insight.sourceUrl;
  if (insight.journeyStage !== undefined) record.journeyStage = insight.journeyStage;
  if (insight.importKey !== undefined) record.importKey = insight.importKey;
  if (insight.pending !== undefined) record.pending = insight.pending;
  if (insight.mergeInto !== undefined) record.mergeInto = insight.mergeInto;
  if (insight.searchDigest !== undefined) record.searchDigest = insight.searchDigest;
  if (insight.restrictedIssueId !== undefined) record.restrictedIssueId = insight.restrictedIssueId;
  if (insight.additionalQuotes?.length) record.additionalQuotes = insight.additionalQuotes;
  if (insight.request !== undefined) record.request = insight.request;
  return record;
}

function quotesOf(insight: Insight): string[] {
  return (insight.additionalQuotes ?? []).map((q) => q.quote);
}

export function insightFromRecord(id: string, r: InsightRecord): Insight {
  const insight: Insight = {
    id,
    projectId: r.projectId,
    summary: r.summary,
    quote: r.quote ?? '',
    sourceKind: r.sourceKind,
    severity: r.severity,
    sentiment: r.sentiment,
    observedAt: r.observedAt,
    tags: r.tags,
    status: r.status,
    linkCount: r.linkCount,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    version: r.version
  };
  if (r.accountKey !== undefined) insight.accountKey = r.accountKey;
  if (r.sourceUrl !== undefined) insight.sourceUrl = r.sourceUrl;
  if (r.journeyStage !== undefined) insight.journeyStage = r.journeyStage;
  if (r.importKey !== undefined) insight.importKey = r.importKey;
  if (r.pending !== undefined) insight.pending = r.pending;
  if (r.mergeInto !== undefined) insight.mergeInto = r.mergeInto;
  if (r.searchDigest !== undefined) insight.searchDigest = r.searchDigest;
  if (r.restrictedIssueId !== undefined) insight.restrictedIssueId = r.restrictedIssueId;
  if (r.additionalQuotes?.length) insight.additionalQuotes = r.additionalQuotes;
  if (r.request !== undefined) insight.request = r.request;
  return insight;
}

export function accountToRecord(account: Account): AccountRecord {
  const record: AccountRecord = {
    name: account.name,
    segment: account.segment,
    arr: account.arr,
    updatedAt: account.updatedAt,
    version: account.version
  };
  const nameKey = accountKeyOrNull(account.name);
  if (nameKey !== null) record.nameKey = nameKey;
  return record;
}

export function accountFromRecord(key: string, r: AccountRecord): Account {
  return { key, name: r.name, segment: r.segment, arr: r.arr, updatedAt: r.updatedAt, version: r.version };
}
