import type { LocalForge } from '../local/host/local-forge';
import { SERVICE_REQUEST_TYPE } from '../local/jira/demo-service-desk';
import { createDemoSeed, DEMO_SERVICE_PROJECT, type SeedComment } from '../local/jira/seed';
import * as app from '../src/index';
import { toldCommentBody } from '../src/domain/loop-closing';
import { getInsights } from '../src/storage/insight-store';
import { createIntakeSource } from '../src/usecases/intake/manage-sources';
import { signIntakeBody } from '../src/usecases/intake/signature';
import { DEMO_USERS, findChain, projectPage, sampleInsight, testForge, type Chain } from './evidence-kit';

const DONE = '10002';
const IN_PROGRESS = '3';
const TO_DO = '10000';
const COMMENT_PATH = /^\/rest\/servicedeskapi\/request\/[^/]+\/comment$/;

/**
 * Closing the loop, end to end on the local host: service requests arrive through a JSM
 * intake source (the insight keeps its request), evidence is linked to an issue, and when
 * Jira moves the issue to done the product event, the queue and the app post one internal
 * comment on each originating request, however often events and retries come.
 */
describe('loop-closing comments exactly once', () => {
  let forge: LocalForge;
  let chain: Chain;
  /** The service requests, created in the site's service project (its help desk). */
  let requests: { id: string; key: string }[];
  const env = { now: () => new Date(), newId: () => 'unused' };

  beforeEach(async () => {
    forge = testForge({ seed: createDemoSeed({ serviceDesk: true }) }).useApp(app);
    chain = findChain(forge.seed);
    requests = ['Invoice export fails', 'Export times out', 'Cannot find export button'].map((summary) => {
      const issue = forge.jira.createIssue({
        projectId: DEMO_SERVICE_PROJECT.id,
        issueTypeId: SERVICE_REQUEST_TYPE.id,
        summary,
        reporterAccountId: DEMO_USERS.grace
      });
      return { id: issue.id, key: issue.key };
    });
    forge.jira.setStatus(chain.storyId, TO_DO);
    forge.jira.setStatus(chain.otherStoryId, TO_DO);
    await forge.settle();
  });
  afterEach(() => forge.stop());

  // Bob leads the chain's project: a curator there.
  const page = (user: string = DEMO_USERS.bob) => projectPage(forge, user, chain.projectId);

  /** A JSM automation delivery of requests, as "Send web request" posts them. */
  async function deliver(items: { key: string; id?: string; organization?: string }[]): Promise<void> {
    const { source, secret } = await createIntakeSource({ accountId: DEMO_USERS.alice }, env, {
      name: 'Help desk',
      projectId: chain.projectId,
      mapping: { preset: 'jsm' }
    });
    const body = JSON.stringify(
      items.map((item) => ({
        issue: {
          key: item.key,
          ...(item.id ? { id: item.id } : {}),
          fields: {
            summary: `Request ${item.key}`,
            description: 'The export has been failing since Monday.',
            created: '2026-11-20T09:00:00.000+0000',
            ...(item.organization ? { organization: { name: item.organization } } : {})
          }
        }
      }))
    );
    const timestamp = String(Math.floor(Date.now() / 1000));
    const answer = await forge.webTrigger('evidence-intake', {
      method: 'POST',
      userPath: source.sourceId,
      headers: {
        'Content-Type': 'application/json',
        'X-Evidence-Timestamp': timestamp,
        'X-Evidence-Signature': signIntakeBody(secret, timestamp, body)
      },
      body
    });
    expect(answer.statusCode).toBe(202);
    await forge.settle();
  }

  /** The inbox insight that came from a request, found by its summary. */
  async function insightOf(requestKey: string): Promise<string> {
    const inbox = await page().ok('project/listInsights', { status: 'new', limit: 100 });
    const found = inbox.items.find((i) => i.summary === `Request ${requestKey}`);
    if (!found) throw new Error(`No insight from ${requestKey}`);
    return found.id;
  }

  async function link(issueId: string, insightIds: string[]): Promise<void> {
    await page().ok('project/link', { issueId, insightIds, note: 'Asked for by the customer' });
  }

  const comments = (requestId: string): SeedComment[] => forge.jira.getIssue(requestId)?.comments ?? [];

  async function move(issueId: string, statusId: string): Promise<void> {
    forge.jira.setStatus(issueId, statusId);
    await forge.settle();
  }

  /** Two requests (one sent with its id, one without) back the story; the third backs another story. */
  async function evidenceFromRequests(): Promise<void> {
    const [a, b, c] = requests as [(typeof requests)[0], (typeof requests)[0], (typeof requests)[0]];
    await deliver([
      { key: a.key, id: a.id, organization: 'Acme Corp' },
      { key: b.key },
      { key: c.key, id: c.id, organization: 'Globex' }
    ]);
    await link(chain.storyId, [await insightOf(a.key), await insightOf(b.key)]);
    await link(chain.otherStoryId, [await insightOf(c.key)]);
    // Evidence of another kind on the same story: its account is listed for outreach as before.
    const other = await page().ok('project/captureInsight', {
      insight: sampleInsight({ account: { name: 'Initech', segment: 'smb', arr: 1000 } })
    });
    await link(chain.storyId, [other.id]);
  }

  it('keeps the request on insights from a JSM source, reading its id from Jira when not sent', async () => {
    const [a, b] = requests as [(typeof requests)[0], (typeof requests)[0]];
    await deliver([{ key: a.key, id: a.id }, { key: b.key }]);
    const stored = await getInsights([await insightOf(a.key), await insightOf(b.key)]);
    expect([...stored.values()].map((i) => i.request)).toEqual([
      { issueId: a.id, issueKey: a.key },
      { issueId: b.id, issueKey: b.key }
    ]);
  });

  it('keeps the request when its insight is merged into one that came from none', async () => {
    const [a] = requests as [(typeof requests)[0]];
    await deliver([{ key: a.key, id: a.id }]);
    const fromRequest = await insightOf(a.key);
    const plain = await page().ok('project/captureInsight', { insight: sampleInsight() });
    await page().ok('project/mergeInsights', { sourceId: fromRequest, targetId: plain.id });
    await forge.settle();
    const stored = await getInsights([plain.id]);
    expect(stored.get(plain.id)?.request).toEqual({ issueId: a.id, issueKey: a.key });
  });

  it('posts nothing while the project has not opted in', async () => {
    await evidenceFromRequests();
    expect((await page(DEMO_USERS.carol).ok('project/loopClosing', {})).enabled).toBe(false);
    await move(chain.storyId, DONE);
    expect(requests.map((r) => comments(r.id).length)).toEqual([0, 0, 0]);
  });

  it('posts one internal comment naming the shipped issue on each originating request, and none elsewhere', async () => {
    await evidenceFromRequests();
    expect(await page().ok('project/setLoopClosing', { enabled: true })).toEqual({
      enabled: true,
      canEdit: true
    });
    await move(chain.storyId, DONE);

    const story = forge.jira.getIssue(chain.storyId)!;
    const [a, b, c] = requests as [(typeof requests)[0], (typeof requests)[0], (typeof requests)[0]];
    for (const request of [a, b]) {
      const posted = comments(request.id);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.public).toBe(false);
      expect(posted[0]!.body).toContain(story.key);
      expect(posted[0]!.body).toContain(story.summary);
      expect(posted[0]!.body).toContain(`/browse/${story.key}`);
    }
    // Its insight backs only the other story, which is not done.
    expect(comments(c.id)).toEqual([]);
  });

  it('posts no second comment for a repeated event, nor when the issue is reopened and done again', async () => {
    await evidenceFromRequests();
    await page().ok('project/setLoopClosing', { enabled: true });
    forge.holdProductEvents();
    forge.jira.setStatus(chain.storyId, DONE);
    forge.releaseProductEvents({ twice: true });
    await forge.settle();
    await move(chain.storyId, IN_PROGRESS);
    await move(chain.storyId, DONE);
    expect(requests.map((r) => comments(r.id).length)).toEqual([1, 1, 0]);
  });

  it('retries a throttled or failing comment until it lands, once', async () => {
    await evidenceFromRequests();
    await page().ok('project/setLoopClosing', { enabled: true });
    forge.host.faults.add({ kind: 'jira', path: COMMENT_PATH, fault: 'throttle', times: 2 });
    forge.host.faults.add({ kind: 'jira', path: COMMENT_PATH, fault: 'error', times: 1 });
    await move(chain.storyId, DONE);
    expect(requests.map((r) => comments(r.id).length)).toEqual([1, 1, 0]);
  });

  it('recognises a comment that reached Jira though its answer was lost, and does not post it again', async () => {
    await evidenceFromRequests();
    await page().ok('project/setLoopClosing', { enabled: true });
    // Every comment call fails: the first request is left recorded as being posted.
    forge.host.faults.add({ kind: 'jira', path: COMMENT_PATH, fault: 'timeout' });
    await move(chain.storyId, DONE);
    forge.host.faults.clear();
    const [a] = requests as [(typeof requests)[0]];
    expect(comments(a.id)).toEqual([]);
    // The post had in fact reached Jira: its comment is there, as the app would have written it.
    const story = forge.jira.getIssue(chain.storyId)!;
    const body = toldCommentBody({
      key: story.key,
      summary: story.summary,
      url: `${new URL(forge.seed.baseUrl ?? 'missing:').origin}/browse/${story.key}`
    });
    const posted = forge.jira.handle({
      method: 'POST',
      path: `/rest/servicedeskapi/request/${a.id}/comment`,
      query: new URLSearchParams(),
      body: { body, public: false },
      principal: { kind: 'app' }
    });
    expect(posted.status).toBe(201);

    await move(chain.storyId, IN_PROGRESS);
    await move(chain.storyId, DONE);
    expect(requests.map((r) => comments(r.id).length)).toEqual([1, 1, 0]);
  });

  it('lists, per account, the requests told in Shipped for customers, and the other accounts as before', async () => {
    await evidenceFromRequests();
    await page().ok('project/setLoopClosing', { enabled: true });
    await move(chain.storyId, DONE);
    const shipped = await page(DEMO_USERS.carol).ok('project/shipped', {});
    const story = shipped.find((row) => row.issueId === chain.storyId)!;
    const [a, b] = requests as [(typeof requests)[0], (typeof requests)[0]];
    const byName = new Map(story.accounts.map((account) => [account.name, account]));
    expect(byName.get('Acme Corp')?.told?.map((t) => t.requestKey)).toEqual([a.key]);
    // Initech's evidence came from elsewhere: listed to tell, with nothing told.
    expect(byName.has('Initech')).toBe(true);
    expect(byName.get('Initech')?.told).toBeUndefined();
    // The request without an organization is anonymous evidence.
    expect(story.otherTold?.map((t) => t.requestKey)).toEqual([b.key]);
  });

  it('lets only curators change the setting, and everyone who browses read it', async () => {
    const refused = await page(DEMO_USERS.carol).call('project/setLoopClosing', { enabled: true });
    expect(refused.ok).toBe(false);
    expect(await page(DEMO_USERS.carol).ok('project/loopClosing', {})).toEqual({
      enabled: false,
      canEdit: false
    });
    await page().ok('project/setLoopClosing', { enabled: true });
    expect(await page(DEMO_USERS.carol).ok('project/loopClosing', {})).toEqual({
      enabled: true,
      canEdit: false
    });
  });
});
