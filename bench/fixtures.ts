import { SEVERITIES } from '../src/domain/vocabulary';
import type { EvidenceCard } from '../src/domain/impact';
import type { JiraSeed, SeedIssue } from '../local/jira/seed';
import { createDemoSeed, DEMO_USERS } from '../local/jira/seed';
import type { LocalForge } from '../local/host/local-forge';
import { panelResolver } from '../src/handlers/panel-resolver';
import { projectResolver } from '../src/handlers/project-resolver';
import type { ResolverFunction } from '../local/host/forge-host';
import { InvocationRefusedError } from '../local/host/invocation-limits';
import { InsightInputSchema } from '../src/domain/insight';
import { normaliseAccountKey, type Account } from '../src/domain/account';
import { ENTITY } from '../src/storage/entities';
import { accountToRecord, insightToRecord } from '../src/storage/records';
import { newInsight } from '../src/usecases/prepare-capture';
import { termsDigest } from '../src/domain/search-terms';

export const EDITOR = DEMO_USERS.bob;

/**
 * Adds issues to a seed's project, numbered from `firstId` + 1, all in the first status
 * and reported by the benchmark's editor.
 */
export function issueMaker(
  seed: JiraSeed,
  projectId: string,
  projectKey: string,
  firstId: number
): (summary: string, issueTypeId: string, parentId?: string) => SeedIssue {
  let nextId = firstId;
  return (summary, issueTypeId, parentId) => {
    nextId += 1;
    const issue: SeedIssue = {
      id: String(nextId),
      key: `${projectKey}-${nextId}`,
      projectId,
      issueTypeId,
      summary,
      statusId: seed.statuses[0]!.id,
      reporterAccountId: EDITOR,
      created: '2026-06-01T00:00:00.000Z',
      updated: '2026-06-01T00:00:00.000Z'
    };
    if (parentId) issue.parentId = parentId;
    seed.issues.push(issue);
    return issue;
  };
}

/** The demo site plus an epic with `children` stories and `extra` plain issues in project 0. */
export function benchSeed(
  children: number,
  extra = 0
): { seed: JiraSeed; epicId: string; childIds: string[]; projectId: string } {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 40 });
  const project = seed.projects[0]!;
  const epicType = seed.issueTypes.find((t) => t.hierarchyLevel === 1)!;
  const storyType = seed.issueTypes.find((t) => t.hierarchyLevel === 0)!;
  const make = issueMaker(seed, project.id, project.key, 900000);
  const epic = make('Benchmark epic', epicType.id);
  const childIds = Array.from(
    { length: children },
    (_, i) => make(`Benchmark story ${i}`, storyType.id, epic.id).id
  );
  for (let i = 0; i < extra; i += 1) make(`Backlog item ${i}`, storyType.id);
  return { seed, epicId: epic.id, childIds, projectId: project.id };
}

export function panelSite(projectId: string, issueId: string) {
  return { module: 'issuePanel' as const, issueId, projectId };
}

export async function call(
  forge: LocalForge,
  handler: ResolverFunction,
  site: Parameters<LocalForge['invoke']>[2],
  key: string,
  payload: unknown
): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    let result: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    try {
      result = (await forge.invoke(handler, EDITOR, site, key, payload)) as typeof result;
    } catch (error) {
      // Forge's per-minute invocation limit: setup sends thousands of calls, as a script would
      // over many minutes; the platform clock moves on to the next minute.
      if (error instanceof InvocationRefusedError && error.code === 'RATE_LIMITED' && attempt < 10) {
        forge.host.clock.advance(60_000);
        continue;
      }
      throw error;
    }
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

/** Accounts spread over three segments, so a segment filter has something to sift. */
export const BENCH_SEGMENTS = ['mid_market', 'enterprise', 'smb'] as const;

const ACCOUNTS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Wonka',
  'Soylent',
  'Tyrell'
];

const TOPICS = [
  'Month-end close export times out for ledgers over 50k lines',
  'SSO login loops back to the sign-in page after the session expires',
  'Bulk editing invoices loses the custom tax field',
  'Approval reminders arrive after the approval deadline',
  'Dashboard widgets load slowly for regional managers',
  'CSV import rejects dates in the customer locale',
  'Audit log cannot be filtered by approver',
  'Mobile app drops offline drafts on reconnect'
];

const SENTENCES = [
  'We keep hitting this during month-end close and it costs our finance team hours every single time.',
  'Our controller escalated it twice last quarter; the workaround of splitting the export into smaller batches is error-prone.',
  'Three of our regional offices reported the same behaviour after the last release, so it is not a one-off.',
  'If this is not fixed before our renewal in March we will have to evaluate alternatives, honestly.',
  'Support suggested clearing the cache, which helped for a day and then the problem came back.',
  'The auditors asked us to prove who approved each payment and we could not do it from the product.',
  'Our new hires get confused because the screen says the job succeeded while nothing was saved.',
  'We would happily pay for the enterprise tier if this worked reliably across all our subsidiaries.',
  'It is the number one complaint in our internal survey of power users this year.',
  'Right now two people spend half a day each week reconciling the differences by hand in spreadsheets.'
];

const TAGS = [
  'billing',
  'performance',
  'export',
  'sso',
  'mobile',
  'audit',
  'renewal-risk',
  'finance',
  'onboarding',
  'reporting'
];

/** A customer quote of a few hundred characters, as support tickets and interviews carry. */
export function realisticQuote(i: number): string {
  const count = 3 + (i % 3);
  return Array.from({ length: count }, (_, k) => SENTENCES[(i * 7 + k * 3) % SENTENCES.length]!).join(' ');
}

/** A "why this is evidence" note on a link, as CX leads write them. */
export const LINK_NOTE =
  'Customer describes exactly the failure this story fixes; the renewal conversation depends on it, so treat as blocking.';

export function insightInput(i: number) {
  return {
    summary: `${TOPICS[i % TOPICS.length]} (ticket ${10000 + i})`,
    quote: realisticQuote(i),
    sourceKind: 'ticket' as const,
    severity: SEVERITIES[i % 4]!,
    observedAt: new Date(Date.UTC(2026, 9, 1) + (i % 50) * 86_400_000).toISOString(),
    tags: Array.from({ length: 2 + (i % 3) }, (_, k) => TAGS[(i + k * 4) % TAGS.length]!),
    account: {
      name: `${ACCOUNTS[i % ACCOUNTS.length]} ${Math.floor(i / ACCOUNTS.length)}`,
      segment: BENCH_SEGMENTS[i % BENCH_SEGMENTS.length]!,
      arr: 5000 + (i % 97) * 1000
    }
  };
}

/** Evidence cards as an impact's read model stores them (realistic sizes), for seeded impacts. */
export function realisticCards(issueId: string, count: number): EvidenceCard[] {
  return Array.from({ length: count }, (_, k) => {
    const input = insightInput(Number(issueId) + k);
    return {
      insightId: `bench-${issueId}-${k}`,
      summary: input.summary,
      quote: input.quote,
      sourceKind: input.sourceKind,
      severity: input.severity,
      sentiment: 'negative',
      observedAt: input.observedAt,
      tags: input.tags,
      account: {
        key: `acct-${k}`,
        name: input.account.name,
        segment: input.account.segment,
        arr: input.account.arr
      },
      linkedBy: EDITOR,
      linkedAt: '2026-11-01T00:00:00.000Z',
      note: LINK_NOTE,
      fromIssueId: issueId
    };
  });
}

/** Captures `count` insights into the project's library and returns their ids. */
export async function captureMany(
  forge: LocalForge,
  projectId: string,
  count: number,
  from = 0
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const view = (await call(
      forge,
      projectHandler,
      { module: 'projectPage', projectId },
      'project/captureInsight',
      {
        insight: insightInput(i)
      }
    )) as { id: string };
    ids.push(view.id);
  }
  return ids;
}

/** Links the insights to an issue, 25 per call (the contract's maximum). */
export async function linkAll(
  forge: LocalForge,
  projectId: string,
  issueId: string,
  insightIds: readonly string[]
): Promise<void> {
  for (let i = 0; i < insightIds.length; i += 25) {
    await call(forge, panelHandler, panelSite(projectId, issueId), 'panel/link', {
      insightIds: insightIds.slice(i, i + 25),
      note: LINK_NOTE
    });
  }
}

/**
 * Writes `count` insights (and their accounts) as a capture would store them, straight
 * into the local engine: setup, not measured. Capturing ten thousand through the
 * resolvers takes minutes of wall time on a loaded machine; what a measured write reads
 * of an insight is the stored row, which is the same either way. Their words are not
 * indexed for search (no measured row here searches), though each carries the digest of
 * what would have been.
 */
export function seedInsights(forge: LocalForge, projectId: string, count: number, from = 0): string[] {
  const ids: string[] = [];
  const accounts = new Map<string, Account>();
  let items: { entityName: string; key: string; value: object }[] = [];
  const flush = (): void => {
    const answer = forge.kvs.handle('/api/v1/batch/set', items);
    if (answer.status >= 300) throw new Error(`seeding insights failed: ${JSON.stringify(answer.body)}`);
    items = [];
  };
  const now = new Date();
  for (let i = from; i < from + count; i += 1) {
    const input = InsightInputSchema.parse(insightInput(i));
    const insight = newInsight(
      input,
      projectId,
      { accountId: EDITOR },
      {
        now: () => now,
        newId: () => `seeded-${i}`
      }
    );
    const named = insightInput(i).account;
    // The digest of what a capture would have indexed, so that a measured edit finds the
    // index up to date, as it would after a capture (the term rows themselves are left out).
    insight.searchDigest = termsDigest({
      summary: insight.summary,
      quote: insight.quote,
      tags: insight.tags,
      accountName: named.name
    });
    items.push({ entityName: ENTITY.insight, key: insight.id, value: insightToRecord(insight) });
    const key = normaliseAccountKey(named.name);
    if (!accounts.has(key)) {
      const account: Account = { key, ...named, updatedAt: now.toISOString(), version: 1 };
      accounts.set(key, account);
      items.push({ entityName: ENTITY.account, key, value: accountToRecord(account) });
    }
    ids.push(insight.id);
    if (items.length >= 20) flush();
  }
  if (items.length > 0) flush();
  return ids;
}
