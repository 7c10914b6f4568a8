import { InvocationRefusedError } from '../host/invocation-limits';
import type { LocalForge } from '../host/local-forge';
import type { ResolverFunction } from '../host/forge-host';
import { Prng } from '../jira/prng';
import { DEMO_USERS } from '../jira/seed';
import { projectResolver } from '../../src/handlers/project-resolver';
import { JOURNEY_STAGES, SOURCE_KINDS, type Segment } from '../../src/domain/vocabulary';
import { createIntakeSource } from '../../src/usecases/intake/manage-sources';
import { signIntakeBody } from '../../src/usecases/intake/signature';

/**
 * Believable customer evidence for the sandbox: accounts across segments, a thousand
 * or so insights from every kind of source, most linked to issues with a reason, the
 * rest waiting in each project's inbox. Written through the app's real resolvers, so
 * scores and read models are exactly what the app would compute.
 */
const ACCOUNTS: { name: string; segment: Segment; arr: number }[] = [
  { name: 'Acme Corporation', segment: 'enterprise', arr: 480000 },
  { name: 'Globex', segment: 'enterprise', arr: 350000 },
  { name: 'Initech', segment: 'mid_market', arr: 96000 },
  { name: 'Umbrella Health', segment: 'enterprise', arr: 720000 },
  { name: 'Hooli', segment: 'enterprise', arr: 260000 },
  { name: 'Stark Retail', segment: 'mid_market', arr: 120000 },
  { name: 'Wayne Logistics', segment: 'mid_market', arr: 84000 },
  { name: 'Wonka Foods', segment: 'smb', arr: 18000 },
  { name: 'Soylent Co', segment: 'smb', arr: 12000 },
  { name: 'Tyrell Systems', segment: 'enterprise', arr: 410000 },
  { name: 'Cyberdyne', segment: 'mid_market', arr: 150000 },
  { name: 'Vandelay Industries', segment: 'smb', arr: 9000 },
  { name: 'Pied Piper', segment: 'self_serve', arr: 1200 },
  { name: 'Aperture Labs', segment: 'mid_market', arr: 66000 },
  { name: 'Oscorp', segment: 'enterprise', arr: 300000 },
  { name: 'Dunder Mifflin', segment: 'smb', arr: 24000 },
  { name: 'Prestige Worldwide', segment: 'self_serve', arr: 600 },
  { name: 'Bluth Company', segment: 'smb', arr: 15000 },
  { name: 'Monarch Outfitters', segment: 'mid_market', arr: 58000 },
  { name: 'Nakatomi Trading', segment: 'enterprise', arr: 540000 }
];

/** How customers phrase a need: `%s` is the topic, in their words. */
const QUOTES = [
  'Our team keeps running into this: %s. We had to build a workaround.',
  'Honestly, "%s" is the biggest blocker for us right now.',
  'This came up again in our quarterly review — %s.',
  'Several of our users complained this week that they need %s.',
  'If you had %s we would roll out to the whole company.',
  'Compared to the tool we left, %s is where you fall behind.',
  'Support told us %s is on the roadmap. Any news?',
  'We lose time every week because of this (%s).'
];

const CLOSERS = [
  'It costs us hours every month.',
  'We are evaluating alternatives because of it.',
  'Not urgent, but it would make life easier.',
  'Our renewal conversation will include this.',
  'Our customers notice it immediately.',
  'Please keep us posted.'
];

const SUMMARY_PREFIX: Record<string, string> = {
  ticket: 'Support ticket',
  interview: 'Interview',
  survey: 'Survey answer',
  nps: 'NPS comment',
  sales_call: 'Sales call',
  review: 'Review',
  social: 'Social post',
  other: 'Note'
};

const SOURCE_URLS: Record<string, string> = {
  ticket: 'https://support.example.com/tickets/',
  interview: 'https://research.example.com/interviews/',
  survey: 'https://surveys.example.com/responses/',
  nps: 'https://surveys.example.com/nps/',
  sales_call: 'https://crm.example.com/calls/',
  review: 'https://reviews.example.com/r/',
  social: 'https://social.example.com/posts/',
  other: 'https://notes.example.com/'
};

/** How far back "recently shipped" reaches (the Shipped view's longest window). */
const SHIPPED_WINDOW_DAYS = 14;
const SUBTASK_TYPE = '10004';
/** The Customer Support request the sandbox's loop-closing story starts from. */
export const DEMO_REQUEST_KEY = 'SUP-2';

interface Result {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

export interface DemoDataSummary {
  insights: number;
  links: number;
}

/** Populates an empty sandbox; deterministic for a given seed. */
export async function seedDemoData(
  forge: LocalForge,
  options: { insightsPerProject?: number; seed?: number } = {}
): Promise<DemoDataSummary> {
  const rng = new Prng(options.seed ?? 7);
  const perProject = options.insightsPerProject ?? 340;
  const handler = projectResolver as ResolverFunction;
  const actor = DEMO_USERS.alice;
  let insights = 0;
  let links = 0;
  const now = Date.now();

  const call = async (projectId: string, key: string, payload: unknown): Promise<unknown> => {
    for (let attempt = 1; ; attempt += 1) {
      let result: Result;
      try {
        result = (await forge.invoke(
          handler,
          actor,
          { module: 'projectPage', projectId },
          key,
          payload
        )) as Result;
      } catch (error) {
        // Forge's per-minute invocation limit: a person seeding this much would take many
        // minutes, so the platform's (logical) clock moves on to the next one.
        if (error instanceof InvocationRefusedError && error.code === 'RATE_LIMITED' && attempt < 10) {
          forge.host.clock.advance(60_000);
          continue;
        }
        throw error;
      }
      // Paced like a script well within Forge's limits (1 200 invocations and 500 queue
      // events a minute), so every change's Jira sync is queued.
      forge.host.clock.advance(150);
      if (result.ok) return result.value;
      // Seeding meets the storage quotas too: on BUSY it waits a (logical) minute and retries.
      if (result.error?.code === 'BUSY' && attempt < 10) {
        forge.host.clock.advance(60_000);
        continue;
      }
      throw new Error(`Seeding ${key} failed: ${result.error?.code} ${result.error?.message}`);
    }
  };

  /** One insight about `target`, in a customer's words, heard up to `maxAgeDays` ago. */
  const capture = async (
    projectId: string,
    target: { summary: string },
    account: (typeof ACCOUNTS)[number] | undefined,
    draw: Prng,
    maxAgeDays: number
  ): Promise<string> => {
    const sourceKind = SOURCE_KINDS[draw.int(0, SOURCE_KINDS.length - 2)]!;
    const ageDays = draw.int(0, maxAgeDays);
    const topic = target.summary.replace(/\.$/, '');
    const spoken = topic.charAt(0).toLowerCase() + topic.slice(1);
    const view = (await call(projectId, 'project/captureInsight', {
      insight: {
        summary: `${SUMMARY_PREFIX[sourceKind]}: ${spoken}`.slice(0, 200),
        quote: `${draw.pick(QUOTES).replace('%s', spoken)} ${draw.pick(CLOSERS)}`,
        sourceKind,
        sourceUrl: `${SOURCE_URLS[sourceKind]}${10000 + insights}`,
        ...(account ? { account } : {}),
        severity: (['low', 'medium', 'medium', 'high', 'high', 'critical'] as const)[draw.int(0, 5)],
        sentiment: (['negative', 'negative', 'neutral', 'mixed', 'positive'] as const)[draw.int(0, 4)],
        journeyStage: JOURNEY_STAGES[draw.int(0, JOURNEY_STAGES.length - 1)],
        observedAt: new Date(now - ageDays * 86_400_000).toISOString(),
        tags: draw.int(0, 3) === 0 ? ['renewal-risk'] : []
      }
    })) as { id: string };
    insights += 1;
    return view.id;
  };

  // Evidence backs product work: a service project's requests are where it comes from.
  for (const project of forge.seed.projects.filter((p) => p.projectTypeKey !== 'service_desk')) {
    const issues = forge.seed.issues.filter((i) => i.projectId === project.id);
    // A few issues draw most of the evidence, as real backlogs do.
    const hot = issues.filter(() => rng.int(0, 9) < 3);
    for (let i = 0; i < perProject; i += 1) {
      const target = hot[rng.int(0, hot.length - 1)] ?? issues[0]!;
      const account = rng.int(0, 9) < 8 ? ACCOUNTS[rng.int(0, ACCOUNTS.length - 1)] : undefined;
      const id = await capture(project.id, target, account, rng, 240);
      // Roughly one in six stays unlinked, for the triage inbox.
      if (rng.int(0, 5) === 0) continue;
      await call(project.id, 'project/link', {
        issueId: target.id,
        insightIds: [id],
        note: rng.int(0, 2) === 0 ? 'Customer asked for this directly' : ''
      });
      links += 1;
    }
  }

  // Work the site shows as shipped in the last two weeks answers several named accounts,
  // so "Shipped for customers" has someone to tell and the insights read as addressed.
  const draw = new Prng((options.seed ?? 7) + 1);
  const shipped = forge.seed.issues.filter(
    (issue) =>
      issue.issueTypeId !== SUBTASK_TYPE &&
      issue.resolutiondate !== undefined &&
      now - Date.parse(issue.resolutiondate) <= SHIPPED_WINDOW_DAYS * 86_400_000
  );
  for (const issue of shipped) {
    const accounts = [...ACCOUNTS];
    for (let i = accounts.length - 1; i > 0; i -= 1) {
      const j = draw.int(0, i);
      [accounts[i], accounts[j]] = [accounts[j]!, accounts[i]!];
    }
    accounts.length = 3 + draw.int(0, 2);
    const ids: string[] = [];
    for (const account of accounts) ids.push(await capture(issue.projectId, issue, account, draw, 90));
    await call(issue.projectId, 'project/link', {
      issueId: issue.id,
      insightIds: ids,
      note: 'Asked for before it shipped'
    });
    links += ids.length;
  }
  return { insights: insights + (await seedServiceRequest(forge, call)), links };
}

/**
 * Closing the loop in the sandbox: a customer's request on the Customer Support service
 * desk (SUP-2, from Acme Corporation) arrives through a JSM intake source (so its insight
 * keeps the request, as only the server sets it) into the first project's inbox, and the
 * project tells requests when work ships. Linking it to a story and moving the story to
 * Done in the shell posts an internal comment on the request, shown under it in the shell.
 * The request is one of the seed's (the local Jira is rebuilt from its seed on every
 * start, so an issue created here would not survive a restart); SUP-1 is left for the
 * issue action's own tour step.
 */
async function seedServiceRequest(
  forge: LocalForge,
  call: (projectId: string, key: string, payload: unknown) => Promise<unknown>
): Promise<number> {
  const work = forge.seed.projects.find((p) => p.projectTypeKey !== 'service_desk');
  const desk = forge.seed.serviceDesks?.[0];
  const request = forge.seed.issues.find((i) => i.key === DEMO_REQUEST_KEY);
  if (!work || !desk || request?.projectId !== desk.projectId) return 0;
  const env = { now: () => new Date(), newId: () => 'unused' };
  const { source, secret } = await createIntakeSource({ accountId: DEMO_USERS.alice }, env, {
    name: 'Help desk (JSM automation)',
    projectId: work.id,
    mapping: { preset: 'jsm' }
  });
  const body = JSON.stringify({
    issue: {
      key: request.key,
      id: request.id,
      fields: {
        summary: request.summary,
        description: request.description ?? '',
        created: new Date().toISOString(),
        priority: { name: desk.requests.find((r) => r.issueId === request.id)?.priority ?? 'Medium' },
        organization: { name: 'Acme Corporation' }
      }
    }
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answer = await forge.webTrigger('evidence-intake', {
    method: 'POST',
    userPath: source.sourceId,
    headers: {
      'content-type': 'application/json',
      'x-evidence-timestamp': timestamp,
      'x-evidence-signature': signIntakeBody(secret, timestamp, body)
    },
    body
  });
  if (answer.statusCode !== 202) return 0;
  await call(work.id, 'project/setLoopClosing', { enabled: true });
  return 1;
}
