import type { Account } from '../domain/account';
import type { AccountConflict, AccountFieldChange } from '../domain/account-edit';
import type { EvidenceCard, ImpactFacets, IssueImpact } from '../domain/impact';
import type { ErrorCode, FieldIssue } from '../domain/errors';
import type { PrivacySettings } from '../domain/privacy';
import type { ScoringSettings } from '../domain/scoring/settings';
import type { Insight } from '../domain/insight';
import type { InsightStatus, Severity, SourceKind } from '../domain/vocabulary';
import type { IntakeMapping } from '../domain/intake/presets';

/** The issue panel's whole first paint: one storage read, no Jira call. */
export interface PanelView {
  issueId: string;
  projectId: string;
  /** Null when no evidence is linked to the issue or its descendants. */
  impact: IssueImpact | null;
  /** Account names, ARR and per-account points are masked for this user (privacy settings). */
  identityHidden?: boolean;
}

/** What the acting user may do on the issue in context (one Jira call, asked separately). */
/** One project's named roles, as the admin page edits them. */
export interface ProjectRolesView {
  projectId: string;
  projectKey: string;
  contributors: string[];
  curators: string[];
}

/** What the acting user may do here; the UI shows only these actions (the backend checks again). */
export interface AccessView {
  /** Change this issue's evidence (panel): capture, link, unlink, edit notes. */
  canEdit: boolean;
  /** Capture, import, and link insights to issues they can browse. */
  canContribute: boolean;
  /** Also merge, delete, dismiss, and edit insights and accounts. */
  canCurate: boolean;
}

export interface InsightView extends Insight {
  account?: Account;
  /** How the account this capture named differs from the stored one (which stands). */
  accountConflicts?: AccountConflict[];
  /** The account's name and ARR are masked for this user. */
  identityHidden?: boolean;
  /**
   * Links a queued job still has to delete, move or rescore for this answer's change
   * (see `pending`): the change is committed and will be complete when they are done.
   */
  pendingLinks?: number;
}

/** What a delete did: the insight is gone, or (`pendingLinks`) is being removed with its links. */
export interface DeleteOutcome {
  deleted: string;
  pendingLinks?: number;
  /**
   * Until when `project/restoreInsight` can bring it back (ISO time); absent when it
   * cannot (a delete a job finishes, or one whose undo could not be kept).
   */
  restorableUntil?: string;
}

/** A deleted insight brought back: as it is now, and the links it could not get back. */
export interface RestoreOutcome {
  insight: InsightView;
  /** Links to issues that are gone, moved out of the project, or that the user may no longer change. */
  linksNotRestored: number;
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
  /** The issue's ancestors, top first (absent on rows stored before paths): a chart counts each piece of evidence once. */
  ancestorIds?: string[];
  assignee?: string;
  score: number;
  accounts: number;
  arr: number;
  insightCount: number;
  lastEvidenceAt?: string;
  facets?: ImpactFacets;
  /** ARR at stake is masked for this user. */
  identityHidden?: boolean;
}

/** An issue found by key or text, to link evidence to. */
export interface IssueHit {
  issueId: string;
  key: string;
  summary: string;
  issueType: string;
}

/**
 * What an upload call did with each row of its chunk: nothing is dropped without a line
 * saying why. Queued rows are written by the import's run (see ImportProgressView).
 */
export interface ImportReport {
  /** Accepted rows not in the library yet, with the insight each will be. */
  queued: { line: number; insightId: string }[];
  /** Rows already in the library, or repeated in the chunk. */
  duplicates: { line: number; insightId: string }[];
  invalid: { line: number; message: string; fieldIssues: FieldIssue[] }[];
}

/** How far an import's run has come: rows written, and what became of them. */
export interface ImportProgressView {
  importId: string;
  status: 'running' | 'done';
  /** Chunks uploaded, and how many of them the run has written. */
  chunks: number;
  chunksDone: number;
  /** Rows queued at upload, and how many of them the run has dealt with. */
  total: number;
  done: number;
  created: number;
  /** Rows a previous import (or an earlier chunk of this one) had already created. */
  duplicates: number;
  /** Rows the run could not write, with the reason (at most MAX_IMPORT_FAILURES listed). */
  failed: { line: number; message: string }[];
  failedCount: number;
  /** Rows whose account differs from the stored one: the stored values stand (the first 100). */
  accountConflicts?: (AccountConflict & { line: number })[];
}

/** How far the rescore of an edited account's issues has come. */
export interface AccountRescoreProgress {
  runId: string;
  insightsTotal: number;
  insightsLeft: number;
  issuesRescored: number;
  finished: boolean;
}

/**
 * Accounts whose name begins with what was typed, by name; `exact` is the one that the
 * typed text names already (case, spacing and accents aside), which a capture would use.
 */
export interface AccountMatchesView {
  items: Account[];
  exact?: string;
}

/** An explicit account edit: the account now, what changed, and the rescore it started. */
export interface AccountEditView extends Account {
  changes: AccountFieldChange[];
  rescore?: AccountRescoreProgress;
}

/** An issue an account's evidence backs, as the account view lists it. */
export interface AccountIssueView {
  issueId: string;
  key: string;
  summary: string;
  status: string;
  done: boolean;
  /** The issue's customer-impact score. */
  score: number;
  /** This account's points in that score; null when it is beyond the stored head of contributions. */
  contribution: number | null;
}

/** One entry of an account's history: an edit of its fields, or a merge. */
export interface AccountHistoryEntry {
  at: string;
  by: string;
  changes: AccountFieldChange[];
  mergedFrom?: { key: string; name: string; insights: number };
  mergedInto?: { key: string; name: string };
}

/**
 * One account as a project sees it: its insights here, the issues they back with the
 * account's share of each score, the done ones to tell it about, and its history.
 * Only what the acting user may see is listed and counted.
 */
export interface AccountView {
  account: Account;
  insights: InsightView[];
  issues: AccountIssueView[];
  /** Issues among `issues` that are done: shipped work to tell the customer about. */
  shipped: AccountIssueView[];
  totals: { insights: number; issues: number; contribution: number };
  /** Insights a merge of this account into another would move (all of them, seen or not). */
  mergeableInsights: number;
  /** Some of its insights belong to other projects: a curator here cannot merge it. */
  inOtherProjects: boolean;
  /** More insights than one view reads: the lists show the newest. */
  truncated: boolean;
  history: AccountHistoryEntry[];
}

/** What a merge of two accounts did: the survivor, the insights moved, the rescore it started. */
export interface AccountMergeView {
  survivor: Account;
  insightsMoved: number;
  rescore?: AccountRescoreProgress;
}

export interface LinkOutcome {
  view: PanelView;
  /** Insights that were already linked to the issue (left unchanged). */
  alreadyLinked: string[];
  /** Insights this call linked. */
  linked?: string[];
  /**
   * Insights not linked because a later group failed after earlier groups had landed:
   * the call answers with what it did rather than an error.
   */
  notLinked?: { insightIds: string[]; code: ErrorCode; message: string };
  /** How the account a capture named differs from the stored one (which stands). */
  accountConflicts?: AccountConflict[];
  /** The status each insight this call linked has now: addressed when all its issues are done. */
  statuses?: Record<string, InsightStatus>;
}

/** The admin page's settings: how scores are computed and who sees customer identity. */
export interface AdminSettingsView {
  scoring: ScoringSettings;
  privacy: PrivacySettings;
  formulaVersion: number;
  settingsHash: string;
  /** The latest site-wide rescore (started by a save or the daily refresh), if any. */
  rescore: RescoreProgressView | null;
  /**
   * Saved allowed groups Jira no longer knows (renamed or deleted, or saved before names
   * were checked): nobody is let through by them.
   */
  unknownGroups: string[];
}

/** A Jira group offered by the admin's group picker. */
export interface GroupMatchView {
  name: string;
  groupId?: string;
}

/** How far a site-wide rescore has come: every project is rescored page by page. */
export interface RescoreProgressView {
  runId: string;
  reason: 'settings' | 'daily';
  startedAt: string;
  projects: number;
  projectsDone: number;
  /** Projects whose page kept failing; a sweep (hourly, or Retry) starts them again. */
  projectsFailed: number;
  issuesRescored: number;
  done: boolean;
  /** Not done and nothing has moved for a long while: it needs a Retry. */
  stalled: boolean;
}

/** An issue whose customer impact Jira keeps refusing to store (the property task failed). */
export interface PublishFailureView {
  issueId: string;
  projectId: string;
  attempts: number;
  lastError: string;
  firstFailedAt: string;
  lastFailedAt: string;
}

/** One of the site's top issues, scored now and under the settings being edited. */
export interface ScorePreviewRow {
  issueId: string;
  key: string;
  summary: string;
  current: number;
  preview: number;
}

/** A service request the app told, with an internal comment, that the issue shipped. */
export interface ToldRequestView {
  /** The Jira Service Management request's key. */
  requestKey: string;
  toldAt: string;
}

/** An account to tell about shipped work, and the requests of it the app already told. */
export interface ShippedAccountView {
  key: string;
  name: string;
  arr: number;
  /** Its requests told that this issue shipped; absent when none (tell it as before). */
  told?: ToldRequestView[];
}

/** A recently done issue and the customers it answered (the first page of its evidence). */
export interface ShippedIssueView {
  issueId: string;
  key: string;
  summary: string;
  doneAt?: string;
  score: number;
  insightCount: number;
  accounts: ShippedAccountView[];
  insights: { insightId: string; summary: string; sourceKind: string; sourceUrl: string | null }[];
  /**
   * Requests told that no listed account holds: from anonymous insights, or from accounts
   * beyond the evidence this view lists.
   */
  otherTold?: ToldRequestView[];
  /** Account names and ARR are masked for this user. */
  identityHidden?: boolean;
}

/**
 * A project's "tell service requests when work ships" setting: when on, finishing an
 * issue posts an internal comment on each service request its evidence came from.
 */
export interface LoopClosingView {
  enabled: boolean;
  /** Whether the acting user may change it (the project's curators). */
  canEdit: boolean;
}

/** What a bulk triage call did to one insight: each is done or refused on its own. */
export type TriageItemOutcome =
  | { insightId: string; outcome: 'done'; status: InsightStatus }
  | { insightId: string; outcome: 'refused'; code: ErrorCode; reason: string };

export interface TriageOutcome {
  /** One entry per insight named, in the order named. */
  items: TriageItemOutcome[];
}

/** How old an inbox insight is, by when the customer said it (`observedAt`). */
export type { InboxAgeBand } from '../domain/inbox-age';
import type { InboxAgeBand } from '../domain/inbox-age';

/** The inbox the acting user may see, counted by source kind and by age. */
export interface InboxCountsView {
  total: number;
  bySource: Record<SourceKind, number>;
  byAge: Record<InboxAgeBand, number>;
  /** The inbox holds more than was counted: the counts are of its newest insights. */
  partial?: boolean;
}

/** An intake source as the admin page lists it: never its secret, only when it was set. */
export interface IntakeSourceView {
  sourceId: string;
  name: string;
  projectId: string;
  /** Absent when the admin can no longer see the project. */
  projectKey?: string;
  mapping: IntakeMapping;
  status: 'active' | 'disabled';
  createdAt: string;
  secretSetAt: string;
  /** Where the sender posts: the intake web trigger's URL and `/<sourceId>`. */
  url: string;
}

/** One item of a delivery that was refused, and why (in the sender's own terms). */
export interface IntakeRejectionView {
  index: number;
  externalId?: string;
  reason: string;
}

/** One delivery in a source's log: what came, what was written, what was refused. */
export interface IntakeDeliveryView {
  deliveryId: string;
  receivedAt: string;
  /** `queued` while its accepted items are still being written. */
  status: 'queued' | 'done';
  items: number;
  /** Items neither a duplicate nor refused: written, or waiting to be. */
  accepted: number;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  rejections: IntakeRejectionView[];
}

export interface IntakeSourceLogView extends IntakeSourceView {
  /** The latest deliveries, newest first (kept a week). */
  deliveries: IntakeDeliveryView[];
}

/** The answer to creating a source or rotating its secret: the only time the secret is shown. */
export interface IntakeSecretView {
  source: IntakeSourceView;
  secret: string;
}

/** A project evidence from a service request may be captured into. */
export interface RequestTargetProjectView {
  id: string;
  key: string;
  name: string;
}

/**
 * What the "Send to customer evidence" action starts from: the request as the user may
 * read it, the account its customer's organization names (as the app already knows it:
 * never renamed), the severity its priority maps to and where that mapping came from,
 * and the projects the user may capture into.
 */
export interface RequestPrefillView {
  request: { issueKey: string; summary: string; quote: string; priority: string | null; url: string | null };
  /** The account to capture under; `known` when the app already has it (its stored name). */
  account: { name: string; known: boolean } | null;
  /** Every organization of the request's customer, for picking another. */
  organizations: string[];
  severity: Severity;
  /** `project`: the target project's saved import mapping; `preset`: JSM's default; `none`: no priority. */
  severityFrom: 'project' | 'preset' | 'none';
  projects: RequestTargetProjectView[];
  /** The project the answer's severity was mapped for; null when the user contributes nowhere. */
  projectId: string | null;
}

/** What sending did: the insight, where it went, and any account difference reported. */
export interface RequestSendView {
  insightId: string;
  issueId: string;
  issueKey: string;
  projectId: string;
  requestKey: string;
  accountConflicts?: AccountConflict[];
}
