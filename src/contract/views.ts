import type { Account } from '../domain/account';
import type { EvidenceCard, ImpactFacets, IssueImpact } from '../domain/impact';
import type { FieldIssue } from '../domain/errors';
import type { Insight } from '../domain/insight';

/** The issue panel's whole first paint: one storage read, no Jira call. */
export interface PanelView {
  issueId: string;
  projectId: string;
  /** Null when no evidence is linked to the issue or its descendants. */
  impact: IssueImpact | null;
}

/** What the acting user may do on the issue in context (one Jira call, asked separately). */
export interface AccessView {
  canEdit: boolean;
}

export interface InsightView extends Insight {
  account?: Account;
}

export type EvidenceCardView = EvidenceCard;

export interface RankedIssueView {
  issueId: string;
  key: string;
  summary: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined';
  issueType: string;
  hierarchyLevel: number;
  assignee?: string;
  score: number;
  accounts: number;
  arr: number;
  insightCount: number;
  lastEvidenceAt?: string;
  facets?: ImpactFacets;
}

/** An issue found by key or text, to link evidence to. */
export interface IssueHit {
  issueId: string;
  key: string;
  summary: string;
  issueType: string;
}

/** What an import call did with each row: nothing is dropped without a line saying why. */
export interface ImportReport {
  created: { line: number; insightId: string }[];
  duplicates: { line: number; insightId: string }[];
  invalid: { line: number; message: string; fieldIssues: FieldIssue[] }[];
}

export interface LinkOutcome {
  view: PanelView;
  /** Insights that were already linked to the issue (left unchanged). */
  alreadyLinked: string[];
}
