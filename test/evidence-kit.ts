import { LocalForge, type LocalForgeOptions, type ModuleSite } from '../local/host/local-forge';
import { DEMO_USERS, type JiraSeed } from '../local/jira/seed';
import type { Result } from '../src/contract/result';
import type { Contract, ContractKey, PayloadOf, ResultOf } from '../src/contract/surfaces';
import { adminResolver } from '../src/handlers/admin-resolver';
import { panelResolver } from '../src/handlers/panel-resolver';
import { projectResolver } from '../src/handlers/project-resolver';
import type { ResolverFunction } from '../local/host/forge-host';
import type { RovoAnswer } from '../src/handlers/rovo-actions';
import type { RovoCaptureAnswer } from '../src/usecases/rovo-capture-insight';
import type { RovoEvidenceAnswer } from '../src/usecases/rovo-find-evidence';

export { DEMO_USERS };

/** Share of queue deliveries the integration suites' host repeats, as Forge may. */
export const TEST_DUPLICATE_RATE = 0.05;

/**
 * A local Forge for integration suites: Forge delivers queue events at least once, so
 * now and then (seeded: the same deliveries every run) an event arrives twice.
 */
/**
 * Runs setup work (seeding) under the storage quotas as a patient client would: when
 * storage is throttled, it waits a minute of platform time and tries again.
 */
export async function whenNotBusy<T>(forge: LocalForge, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
      if (attempt >= 20 || !/Busy|quota|TOO_MANY_REQUESTS/i.test(text)) throw error;
      forge.host.clock.advance(60_000);
    }
  }
}

export function testForge(options: LocalForgeOptions = {}): LocalForge {
  return new LocalForge({ duplicateRate: TEST_DUPLICATE_RATE, duplicateSeed: 20261201, ...options });
}

/** A chain epic → story → sub-task in one project, none security-restricted. */
export interface Chain {
  projectId: string;
  epicId: string;
  storyId: string;
  subtaskId: string;
  otherStoryId: string;
}

export function findChain(seed: JiraSeed, projectIndex = 0): Chain {
  const project = seed.projects[projectIndex]!;
  const level = (issueTypeId: string): number =>
    seed.issueTypes.find((t) => t.id === issueTypeId)?.hierarchyLevel ?? 0;
  const open = seed.issues.filter((i) => i.projectId === project.id && !i.securityLevel);
  for (const epic of open.filter((i) => level(i.issueTypeId) === 1)) {
    const stories = open.filter((i) => i.parentId === epic.id);
    for (const story of stories) {
      const subtask = open.find((i) => i.parentId === story.id);
      const otherStory = stories.find((s) => s.id !== story.id);
      if (subtask && otherStory) {
        return {
          projectId: project.id,
          epicId: epic.id,
          storyId: story.id,
          subtaskId: subtask.id,
          otherStoryId: otherStory.id
        };
      }
    }
  }
  throw new Error('The demo seed has no epic → story → sub-task chain');
}

function resolverFor(key: ContractKey): ResolverFunction {
  if (key.startsWith('panel/')) return panelResolver as ResolverFunction;
  if (key.startsWith('project/')) return projectResolver as ResolverFunction;
  return adminResolver as ResolverFunction;
}

/** Calls the real exported resolvers on the local host, typed by the shared contract. */
export class AppClient {
  constructor(
    readonly forge: LocalForge,
    readonly accountId: string | undefined,
    readonly site: ModuleSite
  ) {}

  async call<K extends ContractKey>(key: K, payload: PayloadOf<K>): Promise<Result<ResultOf<K>>> {
    return (await this.forge.invoke(resolverFor(key), this.accountId, this.site, key, payload)) as Result<
      ResultOf<K>
    >;
  }

  /** Calls and unwraps, failing the test with the error when the call did not succeed. */
  async ok<K extends ContractKey>(key: K, payload: PayloadOf<K>): Promise<Contract[K]['result']> {
    const result = await this.call(key, payload);
    if (!result.ok) throw new Error(`${key} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
}

export function panel(
  forge: LocalForge,
  accountId: string | undefined,
  projectId: string,
  issueId: string
): AppClient {
  return new AppClient(forge, accountId, { module: 'issuePanel', issueId, projectId });
}

export function projectPage(forge: LocalForge, accountId: string | undefined, projectId: string): AppClient {
  return new AppClient(forge, accountId, { module: 'projectPage', projectId });
}

export const sampleInsight = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Checkout times out when paying by invoice',
  quote: 'Our finance team gave up after the third timeout.',
  sourceKind: 'ticket' as const,
  sourceUrl: 'https://support.example.com/tickets/4812',
  account: { name: 'Acme Corp', segment: 'enterprise' as const, arr: 240000 },
  severity: 'critical' as const,
  observedAt: '2026-11-10T09:00:00.000Z',
  ...overrides
});

/** What importing a file did: the upload reports of its chunks, merged, and the run's progress. */
export interface ImportOutcome {
  queued: { line: number; insightId: string }[];
  duplicates: { line: number; insightId: string }[];
  invalid: ResultOf<'project/importInsights'>['invalid'];
  progress: ResultOf<'project/startImport'>;
  /** What delivering the run's queue events took: retries, duplicate deliveries. */
  drained: Awaited<ReturnType<LocalForge['drainQueues']>>;
}

/**
 * Imports rows as the project page does: uploads them in chunks of 100, starts the
 * import, then delivers queue events until the run is done (the app must be attached:
 * `useApp`).
 */
export async function importRows(
  client: AppClient,
  rows: PayloadOf<'project/importInsights'>['rows'],
  importId = `import-${Math.random().toString(36).slice(2)}`
): Promise<ImportOutcome> {
  const outcome: Omit<ImportOutcome, 'progress' | 'drained'> = { queued: [], duplicates: [], invalid: [] };
  let chunks = 0;
  for (let i = 0; i < rows.length; i += 100, chunks += 1) {
    const report = await client.ok('project/importInsights', {
      importId,
      chunk: chunks,
      rows: rows.slice(i, i + 100)
    });
    outcome.queued.push(...report.queued);
    outcome.duplicates.push(...report.duplicates);
    outcome.invalid.push(...report.invalid);
  }
  await client.ok('project/startImport', { importId, chunks, total: outcome.queued.length });
  const drained = await client.forge.drainQueues();
  const progress = await client.ok('project/importProgress', { importId });
  if (!progress) throw new Error(`import ${importId} has no progress`);
  return { ...outcome, progress, drained };
}

/** What each Rovo action answers. */
export interface RovoActions {
  'find-customer-evidence': RovoEvidenceAnswer;
  'capture-customer-insight': RovoCaptureAnswer;
}

/**
 * Invokes a Rovo action as an agent would for `accountId`, with the inputs it wrote and,
 * with `onIssue`, the chat opened on that issue (the app must be attached: `useApp`).
 */
export async function rovoAction<K extends keyof RovoActions>(
  forge: LocalForge,
  key: K,
  accountId: string | undefined,
  inputs: Record<string, unknown>,
  onIssue?: Parameters<LocalForge['action']>[3]
): Promise<RovoAnswer<RovoActions[K]>> {
  return (await forge.action(key, accountId, inputs, onIssue)) as RovoAnswer<RovoActions[K]>;
}
