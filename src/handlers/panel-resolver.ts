import { panelPayloads, type PanelContract } from '../contract/surfaces';
import { captureAndLink, linkInsights } from '../usecases/link-insights';
import { editNote } from '../usecases/edit-note';
import { listCards, readContextEvidence } from '../usecases/read-evidence';
import { identityAllowed } from '../usecases/identity-access';
import { listInsights } from '../usecases/list-insights';
import { issueAccessView } from '../usecases/read-access';
import { searchAccounts } from '../usecases/search-accounts';
import { unlinkInsight } from '../usecases/unlink-insight';
import { visibleImpact, visibleInsights } from '../usecases/visible-evidence';
import { defineSurface } from './define-surface';
import type { SurfaceGates } from './endpoint-gates';
import { requireIssue, requireProject } from './trusted-context';

/** Who may call each panel endpoint (see endpoint-gates): the one place it is declared. */
export const PANEL_GATES: SurfaceGates<keyof PanelContract> = {
  'panel/getEvidence': 'browse-issue-in-read',
  'panel/getAccess': 'browse-issue',
  'panel/listCards': 'browse-issue',
  'panel/searchInsights': 'browse-project',
  'panel/captureAndLink': 'change-issue-evidence',
  'panel/link': 'change-issue-evidence',
  'panel/unlink': 'change-issue-evidence',
  'panel/editNote': 'change-issue-evidence',
  // Offered to those who may capture; an editor who is no contributor types names in full.
  'panel/searchAccounts': 'contribute'
};

/** The issue panel: everything acts on the issue in Forge's context. */
export const panelResolver = defineSurface<PanelContract>(
  panelPayloads,
  {
    'panel/getEvidence': (_p, ctx) =>
      readContextEvidence(requireIssue(ctx), requireProject(ctx), ctx.accountId),
    'panel/getAccess': (_p, ctx) => issueAccessView(ctx.accountId, requireIssue(ctx), requireProject(ctx)),
    'panel/listCards': (p, ctx) => listCards(requireIssue(ctx), p.cursor),
    'panel/searchInsights': async (p, ctx) => {
      const page = await listInsights(requireProject(ctx), p, () =>
        identityAllowed(ctx.accountId).catch(() => false)
      );
      return { ...page, items: await visibleInsights(page.items) };
    },
    'panel/captureAndLink': async (p, ctx, env) => {
      const issueId = requireIssue(ctx);
      const result = await captureAndLink(ctx, env, issueId, p.insight, p.note);
      const impact = await visibleImpact(result.impact, issueId);
      return {
        view: { issueId, projectId: requireProject(ctx), impact },
        alreadyLinked: [],
        linked: result.linked,
        ...(result.accountConflicts ? { accountConflicts: result.accountConflicts } : {})
      };
    },
    'panel/link': async (p, ctx, env) => {
      const issueId = requireIssue(ctx);
      const result = await linkInsights(ctx, env, issueId, p.insightIds, p.note);
      return {
        view: {
          issueId,
          projectId: requireProject(ctx),
          impact: await visibleImpact(result.impact, issueId)
        },
        alreadyLinked: result.alreadyLinked,
        linked: result.linked,
        ...(result.notLinked ? { notLinked: result.notLinked } : {})
      };
    },
    'panel/unlink': async (p, ctx, env) => {
      const issueId = requireIssue(ctx);
      const impact = await unlinkInsight(ctx, env, issueId, p.insightId);
      return { issueId, projectId: requireProject(ctx), impact: await visibleImpact(impact, issueId) };
    },
    'panel/searchAccounts': (p) => searchAccounts(p.query, p.limit),
    'panel/editNote': async (p, ctx, env) => {
      const issueId = requireIssue(ctx);
      const impact = await editNote(ctx, env, issueId, p.insightId, p.note);
      return { issueId, projectId: requireProject(ctx), impact: await visibleImpact(impact, issueId) };
    }
  },
  PANEL_GATES,
  {
    'panel/getEvidence': 'masked-by-use-case',
    'panel/getAccess': 'no-identity',
    'panel/listCards': (page, r) => ({ ...page, items: r.cards(page.items) }),
    'panel/searchInsights': (page, r) => ({ ...page, items: r.insights(page.items) }),
    'panel/captureAndLink': (outcome, r) => ({
      ...outcome,
      view: r.panel(outcome.view),
      ...(outcome.accountConflicts ? { accountConflicts: r.conflicts(outcome.accountConflicts) } : {})
    }),
    'panel/link': (outcome, r) => ({ ...outcome, view: r.panel(outcome.view) }),
    'panel/unlink': (view, r) => r.panel(view),
    'panel/editNote': (view, r) => r.panel(view),
    // Names by prefix would spell out the masked accounts letter by letter: none are offered.
    'panel/searchAccounts': (matches, r) => (r.allowed ? matches : { items: [] })
  }
);
