import { allProjectIds } from '../../jira/all-projects';
import { projectGoneForApp } from '../../jira/project-gone';
import { getMissingProjects, saveMissingProjects } from '../../storage/missing-project-store';
import { getRescoreRun } from '../../storage/rescore-store';
import type { Env } from '../actor';
import { forgetDeletedProject } from './forget-deleted-project';

/** How long a project must stay gone before its evidence is removed. */
export const MISSING_PROJECT_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * The daily run's sweep for projects deleted without their event reaching the app: a
 * project the last site-wide rescore covered that Jira no longer lists, and that a direct
 * read answers 404 for, is noted; once it has stayed gone for the grace period its
 * insights, links and impacts are removed. Run it before the next rescore is started
 * (that rescore replaces the list of projects it compares with).
 */
export async function findDeletedProjects(env: Env): Promise<string[]> {
  const [run, listed, missing] = await Promise.all([getRescoreRun(), allProjectIds(), getMissingProjects()]);
  const visible = new Set(listed);
  const candidates = new Set([...(run?.projectIds ?? []), ...Object.keys(missing)]);
  const now = env.now();
  const next: Record<string, string> = {};
  const forgotten: string[] = [];
  for (const projectId of candidates) {
    if (visible.has(projectId) || !(await projectGoneForApp(projectId))) continue;
    const since = missing[projectId] ?? now.toISOString();
    if (now.getTime() - Date.parse(since) < MISSING_PROJECT_GRACE_DAYS * DAY_MS) {
      next[projectId] = since;
      continue;
    }
    await forgetDeletedProject(projectId, env);
    forgotten.push(projectId);
  }
  await saveMissingProjects(next);
  return forgotten;
}
