import { projectPayloads, type ProjectContract } from '../contract/surfaces';
import { deleteInsight, captureInsight, editInsight } from '../usecases/insight-edits';
import { linkInsights } from '../usecases/link-insights';
import { identityAllowed } from '../usecases/identity-access';
import { listInsights } from '../usecases/list-insights';
import { requireProjectBrowse } from '../usecases/project-access';
import { rankIssues } from '../usecases/rank-issues';
import { readIssueEvidence } from '../usecases/read-evidence';
import { unlinkInsight } from '../usecases/unlink-insight';
import { upsertAccount } from '../usecases/upsert-account';
import { findIssues } from '../usecases/find-issues';
import { importInsights } from '../usecases/import-insights';
import { mergeInsights } from '../usecases/merge-insights';
import { setInsightStatus } from '../usecases/triage-insight';
import { shippedForCustomers } from '../usecases/shipped-for-customers';
import { defineSurface } from './define-surface';
import { requireProject } from './trusted-context';

/** The project page: the ranked backlog, the insight library and the inbox. */
export const projectResolver = defineSurface<ProjectContract>(
  projectPayloads,
  {
    'project/rankedIssues': async (p, ctx) => {
      // A text search names the project in JQL, which Jira refuses for a user who cannot see it.
      if (p.query) await requireProjectBrowse(requireProject(ctx));
      return rankIssues(requireProject(ctx), p);
    },
    'project/getEvidence': (p) => readIssueEvidence(p.issueId),
    'project/listInsights': async (p, ctx) => {
      await requireProjectBrowse(requireProject(ctx));
      return listInsights(requireProject(ctx), p, () => identityAllowed(ctx.accountId).catch(() => false));
    },
    'project/captureInsight': (p, ctx, env) => captureInsight(ctx, env, requireProject(ctx), p.insight),
    'project/editInsight': (p, ctx, env) => editInsight(ctx, env, requireProject(ctx), p.insightId, p.patch),
    'project/deleteInsight': (p, ctx, env) => deleteInsight(ctx, env, requireProject(ctx), p.insightId),
    'project/upsertAccount': (p, ctx, env) => upsertAccount(ctx, env, requireProject(ctx), p.account),
    'project/link': async (p, ctx, env) => {
      const result = await linkInsights(ctx, env, p.issueId, p.insightIds, p.note);
      return {
        view: {
          issueId: p.issueId,
          projectId: result.impact?.projectId ?? requireProject(ctx),
          impact: result.impact
        },
        alreadyLinked: result.alreadyLinked,
        linked: result.linked,
        ...(result.notLinked ? { notLinked: result.notLinked } : {})
      };
    },
    'project/unlink': async (p, ctx, env) => {
      const impact = await unlinkInsight(ctx, env, p.issueId, p.insightId);
      return { issueId: p.issueId, projectId: impact?.projectId ?? requireProject(ctx), impact };
    },
    'project/searchIssues': async (p, ctx) => {
      await requireProjectBrowse(requireProject(ctx));
      return findIssues(requireProject(ctx), p.query);
    },
    'project/setInsightStatus': (p, ctx, env) =>
      setInsightStatus(ctx, env, requireProject(ctx), p.insightId, p.status),
    'project/mergeInsights': (p, ctx, env) =>
      mergeInsights(ctx, env, requireProject(ctx), p.sourceId, p.targetId),
    'project/importInsights': (p, ctx, env) => importInsights(ctx, env, requireProject(ctx), p.rows),
    'project/shipped': async (p, ctx) => {
      await requireProjectBrowse(requireProject(ctx));
      return shippedForCustomers(requireProject(ctx), p.days);
    }
  },
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
    // Ids, issue keys and summaries, and per-line messages that never quote a row's account.
    'project/deleteInsight': 'no-identity',
    'project/searchIssues': 'no-identity',
    'project/importInsights': (report, r) =>
      report.accountConflicts ? { ...report, accountConflicts: r.conflicts(report.accountConflicts) } : report
  }
);
