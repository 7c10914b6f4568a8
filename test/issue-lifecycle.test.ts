import { LocalForge } from '../local/host/local-forge';
import { asApp, JiraTestClient } from '../local/jira/jira-test-client';
import type { JiraProductEvent } from '../local/jira/product-events';
import * as app from '../src/index';
import { getImpacts, rankByProject } from '../src/storage/impact-store';
import { findDeletedProjects } from '../src/usecases/issue-lifecycle/find-deleted-projects';
import { getInsights } from '../src/storage/insight-store';
import { linksOfIssue, linksUnder } from '../src/storage/link-store';
import { DEMO_USERS, findChain, projectPage, sampleInsight, type Chain } from './evidence-kit';
import { recomputeFromScratch } from './recompute-from-scratch';

const DONE = '10002';
const IN_PROGRESS = '3';
const TO_DO = '10000';

/**
 * Issue lifecycle in Jira: deleting, moving and transitioning an issue reaches the app
 * through its product-event trigger (local Jira emits the events, the local host delivers
 * them), and links, insight statuses, impacts and Jira's copy follow.
 */
describe('issue lifecycle through Jira events', () => {
  let forge: LocalForge;
  let jira: JiraTestClient;
  let chain: Chain;
  let otherEpicId: string;

  beforeEach(() => {
    forge = new LocalForge().useApp(app);
    jira = new JiraTestClient(forge.jira);
    chain = findChain(forge.seed);
    const epicType = forge.seed.issueTypes.find((t) => t.hierarchyLevel === 1)!.id;
    const epic = forge.seed.issues.find(
      (i) =>
        i.projectId === chain.projectId &&
        i.issueTypeId === epicType &&
        !i.securityLevel &&
        i.id !== chain.epicId
    );
    if (!epic) throw new Error('The demo seed has no second epic');
    otherEpicId = epic.id;
  });
  afterEach(() => forge.stop());

  // Bob leads the chain's project (a curator there by default); elsewhere the site admin is.
  const library = (projectId = chain.projectId, user: string = DEMO_USERS.bob) =>
    projectPage(forge, user, projectId);

  /** Captures an insight in the library and links it to the issues; returns its id. */
  async function evidence(issueIds: string[], overrides: Record<string, unknown> = {}): Promise<string> {
    const insight = await library().ok('project/captureInsight', { insight: sampleInsight(overrides) });
    for (const issueId of issueIds) {
      await library().ok('project/link', { issueId, insightIds: [insight.id], note: 'Evidence' });
    }
    return insight.id;
  }

  const score = async (issueId: string): Promise<number | undefined> =>
    (await getImpacts([issueId])).get(issueId)?.score;

  /** Every stored impact equals a recomputation from the stored links, insights and accounts. */
  async function expectFromScratch(issueIds: string[]): Promise<void> {
    const expected = await recomputeFromScratch(forge.jira, issueIds);
    const stored = await getImpacts(issueIds);
    for (const issueId of issueIds) {
      expect({ issueId, score: stored.get(issueId)?.score }).toEqual({
        issueId,
        score: expected.get(issueId)?.score
      });
    }
  }

  const property = (issueId: string): { score: number } | undefined => {
    const answer = jira.call(asApp, 'GET', `/rest/api/3/issue/${issueId}/properties/customer-impact`);
    return answer.status === 200 ? (answer.body as { value: { score: number } }).value : undefined;
  };

  /** Everything the app stores about the chain: links, impacts and insights. */
  async function storage(insightIds: string[]): Promise<unknown> {
    const issues = [chain.epicId, otherEpicId, chain.storyId, chain.subtaskId, chain.otherStoryId];
    const links = await Promise.all(issues.map((id) => linksUnder(id)));
    return {
      links,
      impacts: [...(await getImpacts(issues)).values()],
      insights: [...(await getInsights(insightIds)).values()]
    };
  }

  it('deleting a story removes its links, returns its insights to the inbox and rescores the epic', async () => {
    const own = await evidence([chain.storyId]);
    const onSubtask = await evidence([chain.subtaskId], {
      account: { name: 'Globex', segment: 'smb', arr: 5000 }
    });
    const shared = await evidence([chain.storyId, chain.otherStoryId], {
      account: { name: 'Initech', segment: 'mid_market', arr: 50000 }
    });
    const dismissed = (
      await library().ok('project/captureInsight', { insight: sampleInsight({ account: undefined }) })
    ).id;
    await library().ok('project/setInsightStatus', { insightId: dismissed, status: 'dismissed' });
    await library().ok('project/link', { issueId: chain.storyId, insightIds: [dismissed], note: '' });
    await forge.settle();
    const before = (await score(chain.epicId))!;

    // Its sub-tasks go with it, with no event of their own (Jira sends no cascading events).
    forge.jira.deleteIssue(chain.storyId);
    const report = await forge.settle();
    expect(report.triggers).toEqual({ runs: 1, retried: 0, failed: 0 });

    expect(await linksUnder(chain.storyId)).toEqual([]);
    expect(await linksOfIssue(chain.subtaskId)).toEqual([]);
    expect((await getImpacts([chain.storyId, chain.subtaskId])).size).toBe(0);
    const insights = await getInsights([own, onSubtask, shared, dismissed]);
    expect(insights.get(own)).toMatchObject({ status: 'new', linkCount: 0 });
    expect(insights.get(onSubtask)).toMatchObject({ status: 'new', linkCount: 0 });
    expect(insights.get(shared)).toMatchObject({ status: 'linked', linkCount: 1 });
    expect(insights.get(dismissed)).toMatchObject({ status: 'dismissed', linkCount: 0 });
    const inbox = await library().ok('project/listInsights', { status: 'new', limit: 100 });
    expect(inbox.items.map((i) => i.id)).toEqual(expect.arrayContaining([own, onSubtask]));
    expect(inbox.items.map((i) => i.id)).not.toContain(shared);

    const after = (await score(chain.epicId))!;
    expect(after).toBeGreaterThan(0); // the other story's evidence is left
    expect(after).toBeLessThan(before);
    await expectFromScratch([chain.epicId, chain.otherStoryId]);
    expect(property(chain.epicId)).toMatchObject({ score: after });
  });

  it('deleting an epic un-parents its stories: their evidence stays, the roll-up goes', async () => {
    await evidence([chain.storyId]);
    await evidence([chain.subtaskId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    await forge.settle();
    const storyScore = await score(chain.storyId);

    forge.jira.deleteIssue(chain.epicId);
    await forge.settle();

    expect(await linksUnder(chain.epicId)).toEqual([]);
    for (const link of await linksOfIssue(chain.storyId)) expect(link).not.toHaveProperty('parentId');
    for (const link of await linksOfIssue(chain.subtaskId)) {
      expect(link).toMatchObject({ parentId: chain.storyId });
      expect(link).not.toHaveProperty('grandparentId');
    }
    const impacts = await getImpacts([chain.epicId, chain.storyId, chain.subtaskId]);
    expect(impacts.has(chain.epicId)).toBe(false);
    expect(impacts.get(chain.storyId)).toMatchObject({ score: storyScore });
    expect(impacts.get(chain.storyId)).not.toHaveProperty('parentId');
    await expectFromScratch([chain.storyId, chain.subtaskId]);
  });

  it('a story Jira cannot return in bulk just now keeps its evidence when its epic is deleted', async () => {
    await evidence([chain.storyId]);
    await forge.settle();
    const storyScore = await score(chain.storyId);

    // The bulk fetch lists the story in issueErrors (retriable): that is no deletion.
    forge.jira.failBulkFetch(chain.storyId, 10);
    forge.jira.deleteIssue(chain.epicId);
    await forge.settle();

    const links = await linksOfIssue(chain.storyId);
    expect(links).toHaveLength(1);
    expect(links[0]).not.toHaveProperty('parentId');
    expect(await score(chain.storyId)).toBe(storyScore);
    await expectFromScratch([chain.storyId]);
  });

  it('moving a story to another epic moves its roll-up from the old epic to the new', async () => {
    await evidence([chain.storyId]);
    await evidence([chain.subtaskId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    await evidence([chain.otherStoryId], {
      account: { name: 'Hooli', segment: 'smb', arr: 2000 },
      severity: 'low'
    });
    await forge.settle();
    const storyScore = (await score(chain.storyId))!;
    const oldEpicBefore = (await score(chain.epicId))!;

    forge.jira.moveIssue(chain.storyId, { parentId: otherEpicId });
    await forge.settle();

    for (const link of await linksOfIssue(chain.storyId)) expect(link.parentId).toBe(otherEpicId);
    for (const link of await linksOfIssue(chain.subtaskId)) {
      expect(link).toMatchObject({ parentId: chain.storyId, grandparentId: otherEpicId });
    }
    expect((await getImpacts([chain.storyId])).get(chain.storyId)?.parentId).toBe(otherEpicId);
    expect(await score(otherEpicId)).toBe(storyScore);
    expect(await score(chain.epicId)).toBeLessThan(oldEpicBefore);
    await expectFromScratch([chain.epicId, otherEpicId, chain.storyId, chain.subtaskId]);
    expect(property(otherEpicId)).toMatchObject({ score: storyScore });
    expect(property(chain.epicId)).toMatchObject({ score: await score(chain.epicId) });
  });

  it('moving an issue to another project moves it in the ranking', async () => {
    const otherProjectId = forge.seed.projects[1]!.id;
    await evidence([chain.storyId]);
    await evidence([chain.subtaskId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    const ranked = async (projectId: string): Promise<string[]> =>
      (await library(projectId).ok('project/rankedIssues', { statusCategory: 'all', limit: 100 })).items.map(
        (row) => row.issueId
      );
    expect(await ranked(chain.projectId)).toEqual(expect.arrayContaining([chain.storyId, chain.subtaskId]));

    forge.jira.moveIssue(chain.storyId, { projectId: otherProjectId }); // its sub-task moves too
    await forge.settle();

    const stillHere = await ranked(chain.projectId);
    expect(stillHere).not.toContain(chain.storyId);
    expect(stillHere).not.toContain(chain.subtaskId);
    expect(stillHere).toContain(chain.epicId); // still the story's parent, across projects
    expect(await ranked(otherProjectId)).toEqual(expect.arrayContaining([chain.storyId, chain.subtaskId]));
    for (const link of [...(await linksOfIssue(chain.storyId)), ...(await linksOfIssue(chain.subtaskId))]) {
      expect(link.projectId).toBe(otherProjectId);
    }
    await expectFromScratch([chain.epicId, chain.storyId, chain.subtaskId]);
  });

  it('a done transition marks insights addressed and shipped; reopening returns them to linked', async () => {
    forge.jira.setStatus(chain.storyId, TO_DO);
    await forge.settle();
    const a = await evidence([chain.storyId]);
    const b = await evidence([chain.storyId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    const elsewhere = await evidence([chain.otherStoryId], {
      account: { name: 'Hooli', segment: 'smb', arr: 10 }
    });

    forge.jira.setStatus(chain.storyId, DONE);
    await forge.settle();
    const addressed = await library().ok('project/listInsights', { status: 'addressed', limit: 100 });
    expect(addressed.items.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect((await getInsights([elsewhere])).get(elsewhere)?.status).toBe('linked');
    const shipped = await library().ok('project/shipped', {});
    const story = shipped.find((row) => row.issueId === chain.storyId);
    expect(story?.insights.map((i) => i.insightId).sort()).toEqual([a, b].sort());

    forge.jira.setStatus(chain.storyId, IN_PROGRESS);
    await forge.settle();
    const insights = await getInsights([a, b]);
    expect([...insights.values()].map((i) => i.status)).toEqual(['linked', 'linked']);
    expect((await library().ok('project/listInsights', { status: 'addressed' })).items).toEqual([]);
  });

  it('shipped lists work by when it was done, not when it was last edited', async () => {
    const doneLongAgo = forge.seed.issues.find(
      (i) => i.projectId === chain.projectId && i.statusId === DONE && !i.securityLevel && !i.parentId
    )!;
    await evidence([doneLongAgo.id]);
    forge.jira.setStatus(chain.storyId, TO_DO);
    forge.jira.setStatus(chain.storyId, DONE);
    await evidence([chain.storyId]);
    await forge.settle();
    // An edit today (a field with a changelog) moves `updated`, not the done date.
    const edit = jira.call(asApp, 'PUT', '/rest/api/3/app/field/customfield_10100/value', {
      updates: [{ issueIds: [Number(doneLongAgo.id)], value: 1 }]
    });
    expect(edit.status).toBe(204);
    expect(forge.jira.getIssue(doneLongAgo.id)!.updated > doneLongAgo.updated).toBe(true);

    const shipped = await library().ok('project/shipped', {});
    expect(shipped.map((row) => row.issueId)).toContain(chain.storyId);
    expect(shipped.map((row) => row.issueId)).not.toContain(doneLongAgo.id);
    const story = shipped.find((row) => row.issueId === chain.storyId)!;
    expect(story.doneAt).toBe(forge.jira.getIssue(chain.storyId)!.resolutiondate!.replace('Z', '+0000'));
  });

  it('moves and deletes large evidence sets in several transactions, each within Forge limits', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const insight = await library().ok('project/captureInsight', {
        insight: sampleInsight({
          summary: `Insight ${i}`,
          account: { name: `Account ${i}`, segment: 'smb', arr: 1000 * i }
        })
      });
      ids.push(insight.id);
    }
    await library().ok('project/link', { issueId: chain.subtaskId, insightIds: ids, note: '' });
    await forge.settle();
    const subtaskScore = await score(chain.subtaskId);

    forge.jira.moveIssue(chain.storyId, { parentId: otherEpicId });
    await forge.settle();
    expect((await linksOfIssue(chain.subtaskId)).map((l) => l.grandparentId)).toEqual(
      ids.map(() => otherEpicId)
    );
    expect(await score(otherEpicId)).toBe(subtaskScore);
    expect(await score(chain.epicId)).toBeUndefined();
    await expectFromScratch([chain.epicId, otherEpicId, chain.storyId, chain.subtaskId]);

    forge.jira.deleteIssue(chain.subtaskId);
    await forge.settle();
    expect(await linksUnder(otherEpicId)).toEqual([]);
    expect((await getImpacts([otherEpicId, chain.storyId, chain.subtaskId])).size).toBe(0);
    const statuses = [...(await getInsights(ids)).values()].map((i) => [i.status, i.linkCount]);
    expect(statuses).toEqual(ids.map(() => ['new', 0]));
    expect(property(otherEpicId)).toMatchObject({ score: 0 });
  });

  it('an event without the optional project field is handled, not dropped', async () => {
    const own = await evidence([chain.storyId]);
    await forge.settle();
    forge.jira.omitEventFields(['project']);

    forge.jira.deleteIssue(chain.storyId);
    await forge.settle();

    expect(await linksUnder(chain.storyId)).toEqual([]);
    expect((await getInsights([own])).get(own)).toMatchObject({ status: 'new', linkCount: 0 });
    expect((await getImpacts([chain.storyId])).size).toBe(0);
  });

  it('events that come late, in reverse and twice still leave storage where Jira is', async () => {
    await evidence([chain.storyId]);
    await evidence([chain.subtaskId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    await forge.settle();

    forge.holdProductEvents();
    forge.jira.moveIssue(chain.storyId, { parentId: otherEpicId });
    forge.jira.setStatus(chain.storyId, DONE);
    forge.jira.moveIssue(chain.storyId, { parentId: chain.epicId });
    forge.releaseProductEvents({ order: 'reversed', twice: true });
    await forge.settle();

    for (const link of await linksOfIssue(chain.storyId)) expect(link.parentId).toBe(chain.epicId);
    for (const link of await linksOfIssue(chain.subtaskId))
      expect(link).toMatchObject({ parentId: chain.storyId, grandparentId: chain.epicId });
    expect(await score(otherEpicId)).toBeUndefined();
    await expectFromScratch([chain.epicId, otherEpicId, chain.storyId, chain.subtaskId]);
  });

  it('with seeded late, shuffled and duplicated delivery, deletes and moves still converge', async () => {
    forge.stop();
    forge = new LocalForge({ productEventDelivery: { seed: 11, duplicateRate: 0.5 } }).useApp(app);
    await evidence([chain.storyId]);
    await evidence([chain.subtaskId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    await evidence([chain.otherStoryId], { account: { name: 'Hooli', segment: 'smb', arr: 10 } });
    await forge.settle();

    forge.jira.moveIssue(chain.storyId, { parentId: otherEpicId });
    forge.jira.setStatus(chain.otherStoryId, DONE);
    forge.jira.deleteIssue(chain.subtaskId);
    forge.jira.moveIssue(chain.otherStoryId, { parentId: otherEpicId });
    await forge.settle();

    expect(await linksOfIssue(chain.subtaskId)).toEqual([]);
    for (const id of [chain.storyId, chain.otherStoryId])
      for (const link of await linksOfIssue(id)) expect(link.parentId).toBe(otherEpicId);
    expect(await score(chain.epicId)).toBeUndefined();
    await expectFromScratch([chain.epicId, otherEpicId, chain.storyId, chain.otherStoryId]);
  });

  it('the manifest filter keeps updates of other fields from invoking the app at all', async () => {
    const ran = await forge.productEvent('avi:jira:updated:issue', {
      issue: { id: chain.storyId, key: 'X-1', fields: {} },
      changelog: {
        items: [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, to: null }]
      }
    });
    expect(ran).toBe(0);
  });

  /** Evidence in another project's library: one linked insight and one in its inbox. */
  async function otherProjectEvidence(): Promise<{
    projectId: string;
    storyId: string;
    insightIds: string[];
  }> {
    const projectId = forge.seed.projects[1]!.id;
    const story = forge.seed.issues.find((i) => i.projectId === projectId && i.parentId && !i.securityLevel)!;
    const linked = await library(projectId, DEMO_USERS.alice).ok('project/captureInsight', {
      insight: sampleInsight()
    });
    await library(projectId, DEMO_USERS.alice).ok('project/link', {
      issueId: story.id,
      insightIds: [linked.id],
      note: ''
    });
    const inbox = await library(projectId, DEMO_USERS.alice).ok('project/captureInsight', {
      insight: sampleInsight({ summary: 'Waiting in the inbox' })
    });
    await forge.settle();
    return { projectId, storyId: story.id, insightIds: [linked.id, inbox.id] };
  }

  async function projectRows(projectId: string, storyId: string, insightIds: string[]) {
    return {
      insights: (await getInsights(insightIds)).size,
      links: (await linksUnder(storyId)).length,
      impacts: (await rankByProject(projectId, undefined, 100)).rows.length
    };
  }

  it("a project deleted in Jira takes its insights, links and impacts with it; other projects' stay", async () => {
    const here = await evidence([chain.storyId]);
    // Linked or addressed, as the story's status in the seed says: it must not change.
    const { status } = (await getInsights([here])).get(here)!;
    const other = await otherProjectEvidence();
    expect(await projectRows(other.projectId, other.storyId, other.insightIds)).toEqual({
      insights: 2,
      links: 1,
      impacts: 2
    });

    forge.jira.deleteProject(other.projectId);
    const report = await forge.settle();
    expect(report.triggers.runs).toBe(1); // one project event, none per issue

    expect(await projectRows(other.projectId, other.storyId, other.insightIds)).toEqual({
      insights: 0,
      links: 0,
      impacts: 0
    });
    expect((await getInsights([here])).get(here)).toMatchObject({ status, linkCount: 1 });
    expect(await score(chain.storyId)).toBeGreaterThan(0);
  });

  it('the daily run removes the evidence of a project whose delete event never came, after a grace period', async () => {
    const other = await otherProjectEvidence();
    await forge.runScheduled('daily-impact-refresh'); // the run that knew the project
    await forge.settle();
    forge.holdProductEvents(); // the project's event is lost
    forge.jira.deleteProject(other.projectId);

    const sweep = (at: Date) =>
      forge.host.scope.run({ accountId: undefined, cloudId: forge.host.cloudId }, () =>
        findDeletedProjects({ now: () => at, newId: () => 'id' })
      );
    const today = new Date();
    expect(await sweep(today)).toEqual([]); // gone today: perhaps only hidden from the app
    expect((await projectRows(other.projectId, other.storyId, other.insightIds)).insights).toBe(2);
    expect(await sweep(new Date(today.getTime() + 8 * 86_400_000))).toEqual([other.projectId]);
    expect(await projectRows(other.projectId, other.storyId, other.insightIds)).toEqual({
      insights: 0,
      links: 0,
      impacts: 0
    });
  });

  it('a malformed or irrelevant event changes nothing and costs no call', async () => {
    const id = await evidence([chain.storyId]);
    await forge.settle();
    const before = await storage([id]);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    forge.host.meter.reset();
    await forge.productEvent('avi:jira:deleted:issue', { issue: { id: '../etc', key: 'X-1', fields: {} } });
    await forge.productEvent('avi:jira:deleted:issue', { issue: chain.storyId });
    await forge.productEvent('avi:jira:updated:issue', {
      issue: { id: chain.storyId, key: 'X-1', fields: { project: { id: chain.projectId } } },
      changelog: {
        items: [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, to: null }]
      }
    });
    expect(warn).toHaveBeenCalledTimes(2); // the summary change never reached the app
    warn.mockRestore();
    const calls = forge.host.meter.snapshot().calls;
    expect([calls.kvs, calls.jira]).toEqual([0, 0]);
    expect(await storage([id])).toEqual(before);
  });

  it('a throttled Jira read leaves storage unchanged; the retried event converges', async () => {
    const id = await evidence([chain.storyId]);
    await evidence([chain.subtaskId], { account: { name: 'Globex', segment: 'smb', arr: 5000 } });
    await forge.settle();
    const before = await storage([id]);
    const events: JiraProductEvent[] = [];
    forge.jira.onProductEvent((event) => events.push(event));

    forge.host.faults.add({ kind: 'jira', path: /\/issue\/bulkfetch$/, fault: 'throttle' });
    forge.jira.moveIssue(chain.storyId, { parentId: otherEpicId });
    forge.jira.deleteIssue(chain.epicId);
    const report = await forge.settle();
    expect(report.triggers).toEqual({ runs: 10, retried: 8, failed: 2 });
    expect(await storage([id])).toEqual(before);

    // Jira recovers: a transient failure is retried, and the same events, delivered
    // again, bring storage to where Jira is.
    forge.host.faults.clear();
    forge.host.faults.add({ kind: 'jira', path: /\/issue\/bulkfetch$/, fault: 'error', times: 1 });
    for (const event of events) await forge.productEvent(event.eventType, event.payload);
    expect((await forge.settle()).triggers).toMatchObject({ retried: 1, failed: 0 });
    for (const link of await linksOfIssue(chain.storyId)) expect(link.parentId).toBe(otherEpicId);
    expect(await linksUnder(chain.epicId)).toEqual([]);
    await expectFromScratch([chain.epicId, otherEpicId, chain.storyId, chain.subtaskId]);
  });
});
