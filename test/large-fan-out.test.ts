import { LocalForge } from '../local/host/local-forge';
import * as app from '../src/index';
import { createDemoSeed, type JiraSeed, type SeedIssue } from '../local/jira/seed';
import { getAccountRescore } from '../src/storage/account-store';
import { ENTITY, linkKey } from '../src/storage/entities';
import { getImpacts } from '../src/storage/impact-store';
import { getInsight } from '../src/storage/insight-store';
import { linksOfInsight } from '../src/storage/link-store';
import { insightToRecord, type LinkRecord } from '../src/storage/records';
import { applyChange } from '../src/usecases/apply-change';
import { emptyChange } from '../src/usecases/evidence-change';
import { LINKS_PER_TRANSACTION } from '../src/usecases/link-insights';
import { DEMO_USERS, findChain, panel, projectPage, sampleInsight, whenNotBusy } from './evidence-kit';

/**
 * An insight that backs a thousand issues: deleting it, merging it and moving it to
 * another account are each far more than one transaction of 25 operations. Each
 * answers at once with what is left to do, and a queued job converges: every link goes
 * or moves, every issue (and epic) is rescored, and nothing is left half done.
 */
const EPICS = 10;
const STORIES_PER_EPIC = 100;
/** Seeding a thousand impacts and draining the jobs: tens of seconds, minutes on a busy machine. */
const LARGE = 600_000;

interface FanOut {
  seed: JiraSeed;
  projectId: string;
  epicIds: string[];
  stories: { id: string; parentId: string }[];
}

/** The demo site's first project plus ten epics of a hundred stories each. */
function fanOutSeed(): FanOut {
  const seed = createDemoSeed({ projects: 1, issuesPerProject: 40 });
  const project = seed.projects[0]!;
  const epicType = seed.issueTypes.find((t) => t.hierarchyLevel === 1)!;
  const storyType = seed.issueTypes.find((t) => t.hierarchyLevel === 0)!;
  let nextId = 900000;
  const make = (summary: string, issueTypeId: string, parentId?: string): SeedIssue => {
    nextId += 1;
    const issue: SeedIssue = {
      id: String(nextId),
      key: `${project.key}-${nextId}`,
      projectId: project.id,
      issueTypeId,
      summary,
      statusId: seed.statuses[0]!.id,
      reporterAccountId: DEMO_USERS.bob,
      created: '2026-06-01T00:00:00.000Z',
      updated: '2026-06-01T00:00:00.000Z'
    };
    if (parentId) issue.parentId = parentId;
    seed.issues.push(issue);
    return issue;
  };
  const epicIds: string[] = [];
  const stories: { id: string; parentId: string }[] = [];
  for (let e = 0; e < EPICS; e += 1) {
    const epic = make(`Fan-out epic ${e}`, epicType.id);
    epicIds.push(epic.id);
    for (let s = 0; s < STORIES_PER_EPIC; s += 1) {
      stories.push({ id: make(`Fan-out story ${e}.${s}`, storyType.id, epic.id).id, parentId: epic.id });
    }
  }
  return { seed, projectId: project.id, epicIds, stories };
}

/**
 * Links the insight to every story. The link rows go straight into the engine (a
 * thousand link calls would take minutes); the insight's count follows, and every
 * impact is then computed by the app's own code, twenty issues at a time.
 */
async function linkEverywhere(forge: LocalForge, world: FanOut, insightId: string): Promise<void> {
  const insight = (await getInsight(insightId))!;
  const rows: { entityName: string; key: string; value: object }[] = world.stories.map((story, i) => {
    const link: LinkRecord = {
      issueId: story.id,
      insightId,
      projectId: world.projectId,
      parentId: story.parentId,
      linkedBy: DEMO_USERS.bob,
      linkedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      insightUpdatedAt: insight.updatedAt,
      version: 1
    };
    if (insight.accountKey) link.accountKey = insight.accountKey;
    return { entityName: ENTITY.link, key: linkKey(story.id, insightId), value: link };
  });
  rows.push({
    entityName: ENTITY.insight,
    key: insightId,
    value: insightToRecord({ ...insight, linkCount: rows.length, status: 'linked' })
  });
  for (let i = 0; i < rows.length; i += 25) {
    const answer = forge.kvs.handle('/api/v1/batch/set', rows.slice(i, i + 25));
    if (answer.status >= 300) throw new Error(`seeding failed: ${JSON.stringify(answer.body)}`);
  }
  const issues = [
    ...world.stories.map((s) => ({ issueId: s.id, projectId: world.projectId, parentId: s.parentId })),
    ...world.epicIds.map((id) => ({ issueId: id, projectId: world.projectId }))
  ];
  for (let i = 0; i < issues.length; i += 20) {
    await whenNotBusy(forge, () =>
      applyChange(emptyChange(), issues.slice(i, i + 20), new Date(), { rescore: true, sync: false })
    );
  }
}

const allIssues = (world: FanOut): string[] => [...world.stories.map((s) => s.id), ...world.epicIds];

describe('an insight linked to 1000 issues', () => {
  let forge: LocalForge;
  let world: FanOut;
  let insightId: string;
  beforeEach(async () => {
    world = fanOutSeed();
    // Jobs' convergence is the point here; storage quotas are off because how hard they
    // bite a thousand-link job depends on how its calls interleave, which made the suite's
    // length vary from one to nine minutes. Throttled jobs back off: storage-throttling.
    forge = new LocalForge({ seed: world.seed, kvsQuota: 'off' }).useApp(app);
    const view = await projectPage(forge, DEMO_USERS.alice, world.projectId).ok('project/captureInsight', {
      insight: sampleInsight()
    });
    insightId = view.id;
    await linkEverywhere(forge, world, insightId);
  }, LARGE);
  afterEach(() => forge.stop());

  const library = (): ReturnType<typeof projectPage> => projectPage(forge, DEMO_USERS.alice, world.projectId);

  it(
    'is deleted by a job: its links go and every issue and epic is rescored',
    async () => {
      expect((await getImpacts(allIssues(world))).size).toBe(world.stories.length + world.epicIds.length);
      const outcome = await library().ok('project/deleteInsight', { insightId });
      expect(outcome).toEqual({ deleted: insightId, pendingLinks: 1000 });
      // While the job runs the insight is marked, and takes no new link.
      expect((await getInsight(insightId))?.pending).toBe('delete');
      const relink = await panel(forge, DEMO_USERS.alice, world.projectId, world.stories[0]!.id).call(
        'panel/link',
        {
          insightIds: [insightId],
          note: ''
        }
      );
      expect(relink.ok ? 'linked' : relink.error.code).toBe('NOT_FOUND');

      const report = await forge.drainQueues();
      // The checks read a thousand rows: they start on a fresh minute of storage quota.
      forge.host.clock.advance(60_000);
      expect(report.failed).toBe(0);
      expect(await getInsight(insightId)).toBeUndefined();
      expect(await linksOfInsight(insightId)).toEqual([]);
      // Every impact went with its only evidence.
      expect((await getImpacts(allIssues(world))).size).toBe(0);
    },
    LARGE
  );

  it(
    'moves to another account by a job: every link and every score follows',
    async () => {
      const outcome = await library().ok('project/editInsight', {
        insightId,
        patch: { account: { name: 'Globex', segment: 'smb', arr: 1000 } }
      });
      expect(outcome.pending).toBe('rescore');
      expect(outcome.pendingLinks).toBe(1000);

      const report = await forge.drainQueues();
      // The checks read a thousand rows: they start on a fresh minute of storage quota.
      forge.host.clock.advance(60_000);
      expect(report.failed).toBe(0);
      expect((await getInsight(insightId))?.pending).toBeUndefined();
      const links = await linksOfInsight(insightId);
      expect(links).toHaveLength(1000);
      expect(new Set(links.map((l) => l.accountKey))).toEqual(new Set(['globex']));
      const impacts = await getImpacts(allIssues(world));
      expect(impacts.size).toBe(1010);
      const accounts = new Set([...impacts.values()].map((i) => i.readModel.cards[0]?.account?.key));
      expect(accounts).toEqual(new Set(['globex']));
    },
    LARGE
  );

  it(
    'rescores all of them, paced by the queue, when its account’s revenue is edited',
    async () => {
      const edited = await library().ok('project/upsertAccount', {
        account: { name: 'Acme Corp', arr: 5000 }
      });
      expect(edited.changes).toEqual([{ field: 'arr', before: 240000, after: 5000 }]);
      expect(edited.rescore).toMatchObject({ insightsTotal: 1, finished: false });

      const report = await forge.drainQueues();
      // The checks read a thousand rows: they start on a fresh minute of storage quota.
      forge.host.clock.advance(60_000);
      expect(report.failed).toBe(0);
      expect(await getAccountRescore('acme-corp')).toMatchObject({ finished: true, issuesRescored: 1000 });
      const impacts = await getImpacts(allIssues(world));
      expect(impacts.size).toBe(1010);
      const revenues = new Set([...impacts.values()].map((i) => i.readModel.cards[0]?.account?.arr));
      expect(revenues).toEqual(new Set([5000]));
    },
    LARGE
  );

  it(
    'merges into another insight by a job: every link moves and the duplicate goes',
    async () => {
      const target = await library().ok('project/captureInsight', {
        insight: sampleInsight({ summary: 'Invoice payments time out', severity: 'low' })
      });
      // The target already backs two of the stories: they keep one link each.
      for (const story of world.stories.slice(0, 2)) {
        await panel(forge, DEMO_USERS.alice, world.projectId, story.id).ok('panel/link', {
          insightIds: [target.id],
          note: ''
        });
      }
      const outcome = await library().ok('project/mergeInsights', {
        sourceId: insightId,
        targetId: target.id
      });
      expect(outcome.id).toBe(target.id);
      expect(outcome.pendingLinks).toBe(1002);
      expect((await getInsight(insightId))?.pending).toBe('merge');

      const report = await forge.drainQueues();
      // The checks read a thousand rows: they start on a fresh minute of storage quota.
      forge.host.clock.advance(60_000);
      expect(report.failed).toBe(0);
      expect(await getInsight(insightId)).toBeUndefined();
      expect(await linksOfInsight(insightId)).toEqual([]);
      const merged = await getInsight(target.id);
      expect({ linkCount: merged?.linkCount, pending: merged?.pending, severity: merged?.severity }).toEqual({
        linkCount: 1000,
        pending: undefined,
        severity: 'critical'
      });
      expect(await linksOfInsight(target.id)).toHaveLength(1000);
      const impacts = await getImpacts(allIssues(world));
      expect(impacts.size).toBe(1010);
      for (const impact of impacts.values()) {
        expect(impact.readModel.cards.map((c) => c.insightId)).toEqual([target.id]);
      }
    },
    LARGE
  );
});

describe('linking many insights at once', () => {
  it('answers with what landed when a later group fails', async () => {
    const forge = new LocalForge();
    try {
      const chain = findChain(forge.seed);
      const library = projectPage(forge, DEMO_USERS.bob, chain.projectId);
      const ids: string[] = [];
      for (let i = 0; i < 24; i += 1) {
        ids.push(
          (
            await library.ok('project/captureInsight', {
              insight: sampleInsight({ summary: `Insight ${i}` })
            })
          ).id
        );
      }
      // An id in the second group names no insight: that group fails after the first landed.
      const group = LINKS_PER_TRANSACTION;
      ids.splice(group + 4, 0, 'no-such-insight');
      const outcome = await panel(forge, DEMO_USERS.bob, chain.projectId, chain.storyId).ok('panel/link', {
        insightIds: ids,
        note: 'bulk'
      });
      expect(outcome.linked).toEqual(ids.slice(0, group));
      expect(outcome.notLinked?.insightIds).toEqual(ids.slice(group));
      expect(outcome.notLinked?.code).toBe('NOT_FOUND');
      expect(outcome.view.impact?.totalCards).toBe(group);
    } finally {
      forge.stop();
    }
  });
});
