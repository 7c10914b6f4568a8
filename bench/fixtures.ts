import { SEVERITIES } from '../src/domain/vocabulary';
import type { JiraSeed, SeedIssue } from '../local/jira/seed';
import { createDemoSeed, DEMO_USERS } from '../local/jira/seed';
import type { LocalForge } from '../local/host/local-forge';
import { panelResolver } from '../src/handlers/panel-resolver';
import { projectResolver } from '../src/handlers/project-resolver';
import type { ResolverFunction } from '../local/host/forge-host';

export const EDITOR = DEMO_USERS.bob;

/** The demo site plus an epic with `children` stories and `extra` plain issues in project 0. */
export function benchSeed(children: number, extra = 0): { seed: JiraSeed; epicId: string; childIds: string[]; projectId: string } {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 40 });
  const project = seed.projects[0]!;
  const epicType = seed.issueTypes.find((t) => t.hierarchyLevel === 1)!;
  const storyType = seed.issueTypes.find((t) => t.hierarchyLevel === 0)!;
  const status = seed.statuses[0]!;
  let nextId = 900000;
  const make = (summary: string, issueTypeId: string, parentId?: string): SeedIssue => {
    nextId += 1;
    const issue: SeedIssue = {
      id: String(nextId),
      key: `${project.key}-${nextId}`,
      projectId: project.id,
      issueTypeId,
      summary,
      statusId: status.id,
      reporterAccountId: EDITOR,
      created: '2026-06-01T00:00:00.000Z',
      updated: '2026-06-01T00:00:00.000Z'
    };
    if (parentId) issue.parentId = parentId;
    seed.issues.push(issue);
    return issue;
  };
  const epic = make('Benchmark epic', epicType.id);
  const childIds = Array.from({ length: children }, (_, i) => make(`Benchmark story ${i}`, storyType.id, epic.id).id);
  for (let i = 0; i < extra; i += 1) make(`Backlog item ${i}`, storyType.id);
  return { seed, epicId: epic.id, childIds, projectId: project.id };
}

export function panelSite(projectId: string, issueId: string) {
  return { module: 'issuePanel' as const, issueId, projectId };
}

export async function call(forge: LocalForge, handler: ResolverFunction, site: Parameters<LocalForge['invoke']>[2], key: string, payload: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    const result = (await forge.invoke(handler, EDITOR, site, key, payload)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (result.ok) return result.value;
    // Storage quotas apply to setup too: like a person told BUSY, wait a minute and try again.
    if (result.error?.code === 'BUSY' && attempt < 10) {
      forge.host.clock.advance(60_000);
      continue;
    }
    throw new Error(`${key} failed: ${result.error?.code} ${result.error?.message}`);
  }
}

export const panelHandler = panelResolver as ResolverFunction;
export const projectHandler = projectResolver as ResolverFunction;

const ACCOUNTS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Soylent', 'Tyrell'];

export function insightInput(i: number) {
  return {
    summary: `Customer reported problem #${i}`,
    quote: 'We keep hitting this during month-end close; it costs us hours every time.',
    sourceKind: 'ticket' as const,
    severity: SEVERITIES[i % 4]!,
    observedAt: new Date(Date.UTC(2026, 9, 1) + (i % 50) * 86_400_000).toISOString(),
    account: { name: `${ACCOUNTS[i % ACCOUNTS.length]} ${Math.floor(i / ACCOUNTS.length)}`, segment: 'mid_market' as const, arr: 5000 + (i % 97) * 1000 }
  };
}

/** Captures `count` insights into the project's library and returns their ids. */
export async function captureMany(forge: LocalForge, projectId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const view = (await call(forge, projectHandler, { module: 'projectPage', projectId }, 'project/captureInsight', {
      insight: insightInput(i)
    })) as { id: string };
    ids.push(view.id);
  }
  return ids;
}

/** Links the insights to an issue, 25 per call (the contract's maximum). */
export async function linkAll(forge: LocalForge, projectId: string, issueId: string, insightIds: readonly string[]): Promise<void> {
  for (let i = 0; i < insightIds.length; i += 25) {
    await call(forge, panelHandler, panelSite(projectId, issueId), 'panel/link', { insightIds: insightIds.slice(i, i + 25), note: '' });
  }
}
