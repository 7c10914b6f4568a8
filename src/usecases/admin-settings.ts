import { TOP_LEVEL } from '../domain/ancestry';
import { ValidationError } from '../domain/errors';
import { type PrivacySettings } from '../domain/privacy';
import { scoreEvidence } from '../domain/scoring/score';
import {
  FORMULA_VERSION,
  parseScoringSettings,
  settingsHash,
  type ScoringSettings
} from '../domain/scoring/settings';
import { browsableIssues } from '../jira/browsable-issues';
import { visibleProjects } from '../jira/visible-projects';
import { getAccounts } from '../storage/account-store';
import { rankByProject } from '../storage/impact-store';
import { getInsights } from '../storage/insight-store';
import { linksUnder } from '../storage/link-store';
import { getPrivacySettings, savePrivacySettings } from '../storage/privacy-store';
import { getScoringSettings, saveScoringSettings } from '../storage/settings-store';
import type {
  AdminSettingsView,
  PublishFailureView,
  RescoreProgressView,
  ScorePreviewRow
} from '../contract/views';
import { publishFailures } from './track-publish-failures';
import { rescoreProgress, resumeRescore, startRescore } from './rescore';
import type { Actor, Env } from './actor';
import { requireJiraAdmin } from './admin-access';
import { checkedPrivacy, requireSelfMaskConfirmed, unknownGroupNames } from './admin-groups';
import { collectCards, scoringItems } from './build-impact';

const PREVIEW_ISSUES = 10;

function view(
  scoring: ScoringSettings,
  privacy: PrivacySettings,
  rescore: RescoreProgressView | null,
  unknownGroups: string[]
): AdminSettingsView {
  return {
    scoring,
    privacy,
    formulaVersion: FORMULA_VERSION,
    settingsHash: settingsHash(scoring),
    rescore,
    unknownGroups
  };
}

/** Validates edited scoring settings, reporting problems under `scoring.` for the form. */
export function parseEditedScoring(input: unknown): ScoringSettings {
  try {
    return parseScoringSettings(input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.message,
      error.fieldIssues.map((issue) => ({ ...issue, path: issue.path ? `scoring.${issue.path}` : 'scoring' }))
    );
  }
}

export async function getAdminSettings(): Promise<AdminSettingsView> {
  await requireJiraAdmin();
  const [scoring, privacy, rescore] = await Promise.all([
    getScoringSettings(),
    getPrivacySettings(),
    rescoreProgress(new Date())
  ]);
  return view(scoring, privacy, rescore, await unknownGroupNames(privacy.allowedGroups));
}

/** Progress of the latest rescore, polled by the admin page while one runs. */
export async function getRescoreProgress(): Promise<RescoreProgressView | null> {
  await requireJiraAdmin();
  return rescoreProgress(new Date());
}

/**
 * Starts the latest rescore again where it stands: every project that failed, stalled
 * or never started gets its next page queued (finished pages are not redone).
 */
export async function retryRescore(env: Env): Promise<RescoreProgressView | null> {
  await requireJiraAdmin();
  await resumeRescore(env, { force: true });
  return rescoreProgress(env.now());
}

/**
 * Saves scoring and/or privacy settings. When either changes, every stored score is
 * recomputed and republished to Jira through the queue (scores depend on the scoring
 * settings; what Jira may hold, revenue or not, on the privacy settings); the returned
 * view carries the run's progress.
 *
 * Every allowed group must exist in Jira, and a privacy change that would hide identity
 * from the admin making it needs `confirmSelfMask`; both are checked before anything is
 * written.
 */
export async function saveAdminSettings(
  input: { scoring?: unknown; privacy?: PrivacySettings; confirmSelfMask?: boolean },
  actor: Actor,
  env: Env
): Promise<AdminSettingsView> {
  await requireJiraAdmin();
  const scoring = input.scoring === undefined ? undefined : parseEditedScoring(input.scoring);
  const [beforeScoring, beforePrivacy] = await Promise.all([getScoringSettings(), getPrivacySettings()]);
  const privacy = input.privacy ? await checkedPrivacy(input.privacy) : undefined;
  if (privacy && JSON.stringify(privacy) !== JSON.stringify(beforePrivacy))
    await requireSelfMaskConfirmed(actor, privacy, input.confirmSelfMask === true);
  await Promise.all([
    scoring ? saveScoringSettings(scoring) : Promise.resolve(),
    privacy ? savePrivacySettings(privacy) : Promise.resolve()
  ]);
  const [savedScoring, savedPrivacy] = await Promise.all([getScoringSettings(), getPrivacySettings()]);
  const changed =
    settingsHash(savedScoring) !== settingsHash(beforeScoring) ||
    JSON.stringify(savedPrivacy) !== JSON.stringify(beforePrivacy);
  const rescore = changed ? await startRescore('settings', env) : await rescoreProgress(env.now());
  return view(savedScoring, savedPrivacy, rescore, await unknownGroupNames(savedPrivacy.allowedGroups));
}

/**
 * How the site's top issues would score under edited settings, before saving: the ten
 * highest-scored issues across the projects the admin can see, rescored from their
 * evidence in memory. Nothing is written.
 */
export async function previewScoring(input: unknown): Promise<ScorePreviewRow[]> {
  await requireJiraAdmin();
  const candidate = parseEditedScoring(input);
  const now = new Date();
  const projects = await visibleProjects();
  const pages = await Promise.all(projects.map((p) => rankByProject(p.id, undefined, PREVIEW_ISSUES)));
  const top = pages
    .flatMap((p) => p.rows)
    .sort((a, b) => b.score - a.score)
    .slice(0, PREVIEW_ISSUES);
  const [issues, rescored] = await Promise.all([
    browsableIssues(top.map((row) => row.issueId)),
    Promise.all(
      top.map(async (row) => {
        const links = await linksUnder(row.issueId, row.ancestorPath ?? TOP_LEVEL);
        const keys = links.map((l) => l.accountKey).filter((k): k is string => k !== undefined);
        const [insights, accounts] = await Promise.all([
          getInsights(links.map((l) => l.insightId)),
          getAccounts(keys)
        ]);
        const cards = collectCards({ issueId: row.issueId, links, insights, accounts });
        return scoreEvidence(scoringItems(cards), candidate, now).score;
      })
    )
  ]);
  return top.flatMap((row, i) => {
    const issue = issues.get(row.issueId);
    return issue
      ? [
          {
            issueId: row.issueId,
            key: issue.key,
            summary: issue.summary,
            current: row.score,
            preview: rescored[i] ?? 0
          }
        ]
      : [];
  });
}

/** Issues Jira kept refusing the published impact of, for the admin page. */
export async function getPublishFailures(): Promise<PublishFailureView[]> {
  await requireJiraAdmin();
  return publishFailures();
}
