import type { z } from 'zod';
import * as P from './payloads';
import type { Page } from './result';
import type { SavedImportMappings } from '../domain/import-value-mappings';
import type {
  AccessView,
  AccountEditView,
  AccountMatchesView,
  AccountMergeView,
  AccountView,
  AdminSettingsView,
  ScorePreviewRow,
  EvidenceCardView,
  GroupMatchView,
  DeleteOutcome,
  RestoreOutcome,
  ImportProgressView,
  ImportReport,
  InboxCountsView,
  IntakeSecretView,
  IntakeSourceLogView,
  IntakeSourceView,
  InsightView,
  IssueHit,
  LinkOutcome,
  PanelView,
  PublishFailureView,
  ProjectRolesView,
  RankedIssueView,
  RequestPrefillView,
  RequestSendView,
  RescoreProgressView,
  ShippedIssueView,
  LoopClosingView,
  TriageOutcome
} from './views';

/**
 * The typed resolver contract: one map per UI surface, key → payload schema and result
 * type. `resolver.define` and the UI's `invoke` wrapper are both typed from these, so a
 * wrong key or shape fails to compile on either side.
 */
interface Endpoint<S extends z.ZodType, R> {
  payload: S;
  result: R;
}

export const panelPayloads = {
  'panel/getEvidence': P.EmptyPayload,
  'panel/getAccess': P.EmptyPayload,
  'panel/listCards': P.CursorPayload,
  'panel/searchInsights': P.SearchInsightsPayload,
  'panel/captureAndLink': P.CaptureAndLinkPayload,
  'panel/link': P.LinkPayload,
  'panel/unlink': P.UnlinkPayload,
  'panel/editNote': P.EditNotePayload,
  'panel/searchAccounts': P.SearchAccountsPayload
} as const;

export type PanelContract = {
  'panel/getEvidence': Endpoint<typeof P.EmptyPayload, PanelView>;
  'panel/getAccess': Endpoint<typeof P.EmptyPayload, AccessView>;
  'panel/listCards': Endpoint<typeof P.CursorPayload, Page<EvidenceCardView>>;
  'panel/searchInsights': Endpoint<typeof P.SearchInsightsPayload, Page<InsightView>>;
  'panel/captureAndLink': Endpoint<typeof P.CaptureAndLinkPayload, LinkOutcome>;
  'panel/link': Endpoint<typeof P.LinkPayload, LinkOutcome>;
  'panel/unlink': Endpoint<typeof P.UnlinkPayload, PanelView>;
  'panel/editNote': Endpoint<typeof P.EditNotePayload, PanelView>;
  'panel/searchAccounts': Endpoint<typeof P.SearchAccountsPayload, AccountMatchesView>;
};

export const projectPayloads = {
  'project/getAccess': P.EmptyPayload,
  'project/rankedIssues': P.RankedIssuesPayload,
  'project/getEvidence': P.IssueIdPayload,
  'project/listInsights': P.SearchInsightsPayload,
  'project/captureInsight': P.CaptureInsightPayload,
  'project/editInsight': P.EditInsightPayload,
  'project/deleteInsight': P.DeleteInsightPayload,
  'project/upsertAccount': P.UpsertAccountPayload,
  'project/searchAccounts': P.SearchAccountsPayload,
  'project/link': P.LinkToIssuePayload,
  'project/unlink': P.UnlinkFromIssuePayload,
  'project/searchIssues': P.SearchIssuesPayload,
  'project/setInsightStatus': P.SetInsightStatusPayload,
  'project/mergeInsights': P.MergeInsightsPayload,
  'project/importInsights': P.ImportInsightsPayload,
  'project/startImport': P.StartImportPayload,
  'project/importProgress': P.ImportProgressPayload,
  'project/getImportMappings': P.EmptyPayload,
  'project/saveImportMappings': P.SaveImportMappingsPayload,
  'project/shipped': P.ShippedPayload,
  'project/loopClosing': P.EmptyPayload,
  'project/setLoopClosing': P.SetLoopClosingPayload,
  'project/accountView': P.AccountViewPayload,
  'project/mergeAccounts': P.MergeAccountsPayload,
  'project/triageInsights': P.TriageInsightsPayload,
  'project/inboxCounts': P.EmptyPayload,
  'project/restoreInsight': P.RestoreInsightPayload,
  'project/triageInbox': P.TriageInboxPayload
} as const;

export type ProjectContract = {
  'project/getAccess': Endpoint<typeof P.EmptyPayload, AccessView>;
  'project/rankedIssues': Endpoint<typeof P.RankedIssuesPayload, Page<RankedIssueView>>;
  'project/getEvidence': Endpoint<typeof P.IssueIdPayload, PanelView>;
  'project/listInsights': Endpoint<typeof P.SearchInsightsPayload, Page<InsightView>>;
  'project/captureInsight': Endpoint<typeof P.CaptureInsightPayload, InsightView>;
  'project/editInsight': Endpoint<typeof P.EditInsightPayload, InsightView>;
  'project/deleteInsight': Endpoint<typeof P.DeleteInsightPayload, DeleteOutcome>;
  'project/upsertAccount': Endpoint<typeof P.UpsertAccountPayload, AccountEditView>;
  'project/searchAccounts': Endpoint<typeof P.SearchAccountsPayload, AccountMatchesView>;
  'project/link': Endpoint<typeof P.LinkToIssuePayload, LinkOutcome>;
  'project/unlink': Endpoint<typeof P.UnlinkFromIssuePayload, PanelView>;
  'project/searchIssues': Endpoint<typeof P.SearchIssuesPayload, IssueHit[]>;
  'project/setInsightStatus': Endpoint<typeof P.SetInsightStatusPayload, InsightView>;
  'project/mergeInsights': Endpoint<typeof P.MergeInsightsPayload, InsightView>;
  'project/importInsights': Endpoint<typeof P.ImportInsightsPayload, ImportReport>;
  'project/startImport': Endpoint<typeof P.StartImportPayload, ImportProgressView>;
  'project/importProgress': Endpoint<typeof P.ImportProgressPayload, ImportProgressView | null>;
  'project/getImportMappings': Endpoint<typeof P.EmptyPayload, SavedImportMappings | null>;
  'project/saveImportMappings': Endpoint<typeof P.SaveImportMappingsPayload, SavedImportMappings>;
  'project/shipped': Endpoint<typeof P.ShippedPayload, ShippedIssueView[]>;
  'project/loopClosing': Endpoint<typeof P.EmptyPayload, LoopClosingView>;
  'project/setLoopClosing': Endpoint<typeof P.SetLoopClosingPayload, LoopClosingView>;
  'project/accountView': Endpoint<typeof P.AccountViewPayload, AccountView>;
  'project/mergeAccounts': Endpoint<typeof P.MergeAccountsPayload, AccountMergeView>;
  'project/triageInsights': Endpoint<typeof P.TriageInsightsPayload, TriageOutcome>;
  'project/inboxCounts': Endpoint<typeof P.EmptyPayload, InboxCountsView>;
  'project/restoreInsight': Endpoint<typeof P.RestoreInsightPayload, RestoreOutcome>;
  'project/triageInbox': Endpoint<typeof P.TriageInboxPayload, Page<InsightView>>;
};

export const adminPayloads = {
  'admin/getSettings': P.EmptyPayload,
  'admin/saveSettings': P.SaveSettingsPayload,
  'admin/previewScoring': P.PreviewScoringPayload,
  'admin/rescoreProgress': P.EmptyPayload,
  'admin/retryRescore': P.EmptyPayload,
  'admin/publishFailures': P.EmptyPayload,
  'admin/listRoles': P.EmptyPayload,
  'admin/saveRoles': P.SaveRolesPayload,
  'admin/findGroups': P.FindGroupsPayload,
  'admin/listIntakeSources': P.EmptyPayload,
  'admin/createIntakeSource': P.CreateIntakeSourcePayload,
  'admin/rotateIntakeSecret': P.IntakeSourcePayload,
  'admin/setIntakeSourceStatus': P.SetIntakeSourceStatusPayload
} as const;

export type AdminContract = {
  'admin/getSettings': Endpoint<typeof P.EmptyPayload, AdminSettingsView>;
  'admin/saveSettings': Endpoint<typeof P.SaveSettingsPayload, AdminSettingsView>;
  'admin/previewScoring': Endpoint<typeof P.PreviewScoringPayload, ScorePreviewRow[]>;
  'admin/rescoreProgress': Endpoint<typeof P.EmptyPayload, RescoreProgressView | null>;
  'admin/retryRescore': Endpoint<typeof P.EmptyPayload, RescoreProgressView | null>;
  'admin/publishFailures': Endpoint<typeof P.EmptyPayload, PublishFailureView[]>;
  'admin/listRoles': Endpoint<typeof P.EmptyPayload, ProjectRolesView[]>;
  'admin/saveRoles': Endpoint<typeof P.SaveRolesPayload, ProjectRolesView>;
  'admin/findGroups': Endpoint<typeof P.FindGroupsPayload, GroupMatchView[]>;
  'admin/listIntakeSources': Endpoint<typeof P.EmptyPayload, IntakeSourceLogView[]>;
  'admin/createIntakeSource': Endpoint<typeof P.CreateIntakeSourcePayload, IntakeSecretView>;
  'admin/rotateIntakeSecret': Endpoint<typeof P.IntakeSourcePayload, IntakeSecretView>;
  'admin/setIntakeSourceStatus': Endpoint<typeof P.SetIntakeSourceStatusPayload, IntakeSourceView>;
};

/** The "Send to customer evidence" issue action on a Jira Service Management request. */
export const requestPayloads = {
  'request/prefill': P.RequestPrefillPayload,
  'request/findIssues': P.RequestFindIssuesPayload,
  'request/send': P.RequestSendPayload
} as const;

export type RequestContract = {
  'request/prefill': Endpoint<typeof P.RequestPrefillPayload, RequestPrefillView>;
  'request/findIssues': Endpoint<typeof P.RequestFindIssuesPayload, IssueHit[]>;
  'request/send': Endpoint<typeof P.RequestSendPayload, RequestSendView>;
};

export type Contract = PanelContract & ProjectContract & AdminContract & RequestContract;
export type ContractKey = keyof Contract;
/** The payload a caller sends (schema input: defaults may be omitted). */
export type PayloadOf<K extends ContractKey> = z.input<Contract[K]['payload']>;
/** The payload a handler receives (schema output: defaults applied). */
export type ParsedPayloadOf<K extends ContractKey> = z.output<Contract[K]['payload']>;
export type ResultOf<K extends ContractKey> = Contract[K]['result'];
