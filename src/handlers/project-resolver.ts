import { projectPayloads, type ProjectContract } from '../contract/surfaces';
import { deleteInsight, captureInsight, editInsight } from '../usecases/insight-edits';
import { linkInsights } from '../usecases/link-insights';
import { identityAllowed } from '../usecases/identity-access';
import { listInsights } from '../usecases/list-insights';
import { projectAccessView } from '../usecases/read-access';
import { rankIssues } from '../usecases/rank-issues';
import { readIssueEvidence } from '../usecases/read-evidence';
import { unlinkInsight } from '../usecases/unlink-insight';
import { searchAccounts } from '../usecases/search-accounts';
import { upsertAccount } from '../usecases/upsert-account';
import { findIssues } from '../usecases/find-issues';
import { importInsights, importProgress, startImport } from '../usecases/import-insights';
import { getImportMappings, saveImportMappings } from '../usecases/import-mappings';
import { mergeInsights } from '../usecases/merge-insights';
import { setInsightStatus } from '../usecases/triage-insight';
import { triageInsights } from '../usecases/triage-bulk';
import { inboxCounts } from '../usecases/triage-inbox-counts';
import { restoreInsight } from '../usecases/restore-insight';
import { listInboxBy } from '../usecases/triage-inbox-list';
import { shippedForCustomers } from '../usecases/shipped-for-customers';
import { loopClosingView, setLoopClosing } from '../usecases/loop-closing-setting';
import { accountView } from '../usecases/account-view';
import { mergeAccounts } from '../usecases/account-merge';
import { visibleImpact, visibleInsights } from '../usecases/visible-evidence';
import { defineSurface } from './define-surface';
import type { SurfaceGates } from './endpoint-gates';
import { requireProject } from './trusted-context';

/**
 * Who may call each project page endpoint (see endpoint-gates): the one place it is
 * declared. Issue ids in payloads (getEvidence, link, unlink) are also checked to
 * belong to the context project.
 */
export const PROJECT_GATES: SurfaceGates<keyof ProjectContract> = {
  'project/getAccess': 'browse-project',
  'project/rankedIssues': 'browse-project',
  'project/getEvidence': 'browse-project',
  'project/listInsights': 'browse-project',
  'project/searchIssues': 'browse-project',
  'project/shipped': 'browse-project',
  'project/loopClosing': 'browse-project',
  // Telling the project's customers' requests is the project's decision: its curators'.
  'project/setLoopClosing': 'curate',
  'project/captureInsight': 'contribute',
  'project/importInsights': 'contribute',
  'project/startImport': 'contribute',
  'project/importProgress': 'contribute',
  'project/getImportMappings': 'contribute',
  'project/saveImportMappings': 'contribute',
  'project/link': 'change-issue-evidence',
  'project/unlink': 'change-issue-evidence',
  'project/editInsight': 'curate-beside-read',
  'project/deleteInsight': 'curate',
  'project/setInsightStatus': 'curate',
  'project/mergeInsights': 'curate',
  'project/upsertAccount': 'curate',
  'project/searchAccounts': 'contribute',
  // Read like the library; the use case also refuses a user who may not see identity.
  'project/accountView': 'browse-project',
  'project/mergeAccounts': 'curate',
  // Linking needs contribute (and the issue checked by the use case); dismissing and
  // restoring are checked as curate by the use case.
  'project/triageInsights': 'contribute',
  'project/inboxCounts': 'browse-project',
  // The undo of a delete: whoever may delete may bring it back.
  'project/restoreInsight': 'curate',
  'project/triageInbox': 'browse-project'
};

/** The project page: the ranked backlog, the insight library and the inbox. */
export const projectResolver = defineSurface<ProjectContract>(
  projectPayloads,
  {
    'project/getAccess': (_p, ctx) => projectAccessView(ctx.accountId, requireProject(ctx)),
    'project/rankedIssues': (p, ctx) =>
      rankIssues(requireProject(ctx), p, () => identityAllowed(ctx.accountId).catch(() => false)),
    'project/getEvidence': (p, ctx) => readIssueEvidence(p.issueId, requireProject(ctx)),
    'project/listInsights': async (p, ctx) => {
      const page = await listInsights(requireProject(ctx), p, () =>
        identityAllowed(ctx.accountId).catch(() => false)
      );
      return { ...page, items: await visibleInsights(page.items) };
    },
    'project/captureInsight': (p, ctx, env) => captureInsight(ctx, env, requireProject(ctx), p.insight),
    'project/editInsight': (p, ctx, env) => editInsight(ctx, env, requireProject(ctx), p.insightId, p.patch),
    'project/deleteInsight': (p, ctx, env) => deleteInsight(ctx, env, requireProject(ctx), p.insightId),
    'project/upsertAccount': (p, ctx, env) => upsertAccount(ctx, env, requireProject(ctx), p.account),
    'project/searchAccounts': (p) => searchAccounts(p.query, p.limit),
    'project/link': async (p, ctx, env) => {
      const projectId = requireProject(ctx);
      const result = await linkInsights(ctx, env, p.issueId, p.insightIds, p.note, projectId);
      return {
        view: { issueId: p.issueId, projectId, impact: await visibleImpact(result.impact, p.issueId) },
        alreadyLinked: result.alreadyLinked,
        linked: result.linked,
        ...(result.statuses ? { statuses: result.statuses } : {}),
        ...(result.notLinked ? { notLinked: result.notLinked } : {})
      };
    },
    'project/unlink': async (p, ctx, env) => {
      const projectId = requireProject(ctx);
      const impact = await unlinkInsight(ctx, env, p.issueId, p.insightId, projectId);
      return { issueId: p.issueId, projectId, impact: await visibleImpact(impact, p.issueId) };
    },
    'project/searchIssues': (p, ctx) => findIssues(requireProject(ctx), p.query),
    'project/setInsightStatus': (p, ctx, env) =>
      setInsightStatus(ctx, env, requireProject(ctx), p.insightId, p.status),
    'project/mergeInsights': (p, ctx, env) =>
      mergeInsights(ctx, env, requireProject(ctx), p.sourceId, p.targetId),
    'project/importInsights': (p, ctx, env) => importInsights(ctx, env, requireProject(ctx), p),
    'project/startImport': (p, ctx, env) => startImport(ctx, env, requireProject(ctx), p),
    'project/importProgress': (p, ctx) => importProgress(requireProject(ctx), p.importId),
    'project/getImportMappings': (_p, ctx) => getImportMappings(requireProject(ctx)),
    'project/saveImportMappings': (p, ctx) => saveImportMappings(requireProject(ctx), p.mappings),
    'project/shipped': (p, ctx) => shippedForCustomers(requireProject(ctx), p.days),
    'project/loopClosing': (_p, ctx) => loopClosingView(ctx.accountId, requireProject(ctx)),
    'project/setLoopClosing': (p, ctx) => setLoopClosing(requireProject(ctx), p.enabled),
    'project/accountView': (p, ctx) => accountView(ctx, requireProject(ctx), p.accountKey),
    'project/mergeAccounts': (p, ctx, env) =>
      mergeAccounts(ctx, env, requireProject(ctx), p.sourceKey, p.targetKey),
    'project/triageInsights': (p, ctx, env) =>
      triageInsights(ctx, env, requireProject(ctx), p.insightIds, p.action),
    'project/inboxCounts': (_p, ctx, env) => inboxCounts(requireProject(ctx), env),
    'project/restoreInsight': (p, ctx, env) => restoreInsight(ctx, env, requireProject(ctx), p.insightId),
    'project/triageInbox': async (p, ctx, env) => {
      const page = await listInboxBy(requireProject(ctx), p, env);
      return { ...page, items: await visibleInsights(page.items) };
    }
  },
  PROJECT_GATES,
  {
    'project/rankedIssues': (page, r) => ({ ...page, items: r.ranked(page.items) }),
    'project/getEvidence': (view, r) => r.panel(view),
    'project/listInsights': (page, r) => ({ ...page, items: r.insights(page.items) }),
    'project/captureInsight': (view, r) => {
      const masked = r.insights([view])[0] ?? view;
      return view.accountConflicts
        ? { ...masked, accountConflicts: r.conflicts(view.accountConflicts) }
        : masked;
    },
    'project/editInsight': (view, r) => r.insights([view])[0] ?? view,
    'project/setInsightStatus': (view, r) => r.insights([view])[0] ?? view,
    'project/mergeInsights': (view, r) => r.insights([view])[0] ?? view,
    'project/link': (outcome, r) => ({ ...outcome, view: r.panel(outcome.view) }),
    'project/unlink': (view, r) => r.panel(view),
    'project/shipped': (rows, r) => r.shipped(rows),
    // A masked curator still edits, but learns no stored name or revenue from the answer.
    'project/upsertAccount': (edit, r) => (r.allowed ? edit : { ...edit, ...r.account(edit), changes: [] }),
    // Names by prefix would spell out the masked accounts letter by letter: none are offered.
    'project/searchAccounts': (matches, r) => (r.allowed ? matches : { items: [] }),
    // Both refuse a user who may not see identity: nothing is left to mask.
    'project/accountView': 'masked-by-use-case',
    'project/mergeAccounts': 'masked-by-use-case',
    // Ids, issue keys and summaries, and per-line messages that never quote a row's account.
    'project/getAccess': 'no-identity',
    // A flag and whether the user may change it.
    'project/loopClosing': 'no-identity',
    'project/setLoopClosing': 'no-identity',
    'project/deleteInsight': 'no-identity',
    'project/searchIssues': 'no-identity',
    'project/importInsights': 'no-identity',
    // Ids, statuses and refusal messages that name no account; counts per source and age.
    'project/triageInsights': 'no-identity',
    'project/inboxCounts': 'no-identity',
    // Values of enumerated columns (priorities, channels, plan names) and their choices.
    'project/getImportMappings': 'no-identity',
    'project/saveImportMappings': 'no-identity',
    'project/startImport': (view, r) =>
      view.accountConflicts ? { ...view, accountConflicts: r.conflicts(view.accountConflicts) } : view,
    'project/importProgress': (view, r) =>
      view?.accountConflicts ? { ...view, accountConflicts: r.conflicts(view.accountConflicts) } : view,
    'project/triageInbox': (page, r) => ({ ...page, items: r.insights(page.items) }),
    'project/restoreInsight': (outcome, r) => ({
      ...outcome,
      insight: r.insights([outcome.insight])[0] ?? outcome.insight
    })
  }
);
