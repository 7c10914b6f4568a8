import type { LocalForge, WebTriggerAnswer } from '../local/host/local-forge';
import * as app from '../src/index';
import type { IntakeMapping } from '../src/domain/intake/presets';
import { getInsights, queryInsights } from '../src/storage/insight-store';
import {
  createIntakeSource,
  rotateIntakeSecret,
  setIntakeSourceStatus
} from '../src/usecases/intake/manage-sources';
import { signIntakeBody } from '../src/usecases/intake/signature';
import { DEMO_USERS, findChain, testForge } from './evidence-kit';

/**
 * Evidence arriving by itself: support tools post signed deliveries to the intake web
 * trigger, through the local host as Forge would call it, and the queue writes them
 * into the source's project inbox.
 */
describe('evidence intake web trigger', () => {
  let forge: LocalForge;
  let projectId: string;
  const env = { now: () => new Date(), newId: () => 'unused' };

  beforeEach(() => {
    forge = testForge({ validateJira: false }).useApp(app);
    projectId = findChain(forge.seed).projectId;
  });
  afterEach(() => forge.stop());

  async function source(mapping: IntakeMapping = { preset: 'zendesk' }) {
    const { source, secret } = await createIntakeSource({ accountId: DEMO_USERS.alice }, env, {
      name: 'Support desk',
      projectId,
      mapping
    });
    return { sourceId: source.sourceId, secret };
  }

  const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

  function post(
    target: { sourceId: string; secret: string },
    body: unknown,
    options: { timestamp?: string; signature?: string } = {}
  ): Promise<WebTriggerAnswer> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = options.timestamp ?? nowSeconds();
    return forge.webTrigger('evidence-intake', {
      method: 'POST',
      userPath: target.sourceId,
      headers: {
        'Content-Type': 'application/json',
        'X-Evidence-Timestamp': timestamp,
        'X-Evidence-Signature': options.signature ?? signIntakeBody(target.secret, timestamp, raw)
      },
      body: raw
    });
  }

  async function status(target: { sourceId: string; secret: string }, deliveryId: string) {
    const timestamp = nowSeconds();
    const answer = await forge.webTrigger('evidence-intake', {
      method: 'GET',
      userPath: `${target.sourceId}/deliveries/${deliveryId}`,
      headers: {
        'X-Evidence-Timestamp': timestamp,
        'X-Evidence-Signature': signIntakeBody(target.secret, timestamp, '')
      }
    });
    return { statusCode: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
  }

  const json = (answer: WebTriggerAnswer): Record<string, unknown> =>
    JSON.parse(answer.body) as Record<string, unknown>;

  const ticket = (id: number, overrides: Record<string, unknown> = {}) => ({
    ticket: {
      id,
      subject: `Invoice export fails (${id})`,
      description: 'Finance cannot export invoices since Monday.',
      url: `https://acme.zendesk.com/agent/tickets/${id}`,
      priority: 'high',
      created_at: '2026-11-20T09:00:00Z',
      tags: ['billing'],
      organization: { name: 'Acme Corp' },
      ...overrides
    }
  });

  const storageWrites = (): number =>
    Object.entries(forge.host.meter.snapshot().byPath)
      .filter(([path]) => /^kvs .*(set|delete|transaction)/i.test(path))
      .reduce((sum, [, n]) => sum + n, 0);

  async function inbox(): Promise<{ id: string; summary: string; createdBy: string }[]> {
    const page = await queryInsights({ projectId, status: 'new', limit: 100 });
    return page.items.filter((i) => i.createdBy.startsWith('intake:'));
  }

  it('lands a signed Zendesk ticket in the project inbox and reports the delivery', async () => {
    const desk = await source();
    const answer = await post(desk, ticket(4812));
    expect(answer.statusCode).toBe(202);
    expect(answer.headers['Content-Type']).toEqual(['application/json']);
    const body = json(answer);
    expect(body).toMatchObject({ status: 'queued', accepted: 1, duplicates: 0, rejected: 0 });
    const deliveryId = String(body.deliveryId);

    expect((await status(desk, deliveryId)).body).toMatchObject({ status: 'queued' });
    await forge.settle();
    expect((await status(desk, deliveryId)).body).toMatchObject({
      status: 'done',
      created: 1,
      outcomes: [{ index: 0, externalId: '4812', outcome: 'created' }]
    });
    const landed = await inbox();
    expect(landed.map((i) => i.summary)).toEqual(['Invoice export fails (4812)']);
  });

  it('refuses a wrong, stale or missing signature with 401 and stores nothing', async () => {
    const desk = await source();
    forge.host.meter.reset();
    const wrong = await post(desk, ticket(1), { signature: `sha256=${'0'.repeat(64)}` });
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const old = await post(desk, ticket(2), { timestamp: stale });
    const otherSecret = await post({ ...desk, secret: 'f'.repeat(64) }, ticket(3));
    const unsigned = await forge.webTrigger('evidence-intake', {
      method: 'POST',
      userPath: desk.sourceId,
      body: JSON.stringify(ticket(4))
    });
    expect([wrong, old, otherSecret, unsigned].map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    await forge.settle();
    expect(storageWrites()).toBe(0);
    expect(await inbox()).toEqual([]);
  });

  it('answers 404 for an unknown or disabled source and 413 over the limits, storing nothing', async () => {
    const desk = await source();
    await setIntakeSourceStatus(env, desk.sourceId, 'disabled');
    forge.host.meter.reset();
    expect((await post(desk, ticket(1))).statusCode).toBe(404);
    expect((await post({ ...desk, sourceId: 'src-unknown' }, ticket(1))).statusCode).toBe(404);
    await setIntakeSourceStatus(env, desk.sourceId, 'active');
    forge.host.meter.reset();
    const tooBig = await post(desk, ticket(1, { description: 'x'.repeat(300 * 1024) }));
    expect(tooBig.statusCode).toBe(413);
    const tooMany = await post(desk, { items: Array.from({ length: 101 }, (_, i) => ticket(i)) });
    expect(tooMany.statusCode).toBe(413);
    expect(json(tooMany)).toMatchObject({ error: 'TOO_MANY_ITEMS' });
    expect((await post(desk, 'not json')).statusCode).toBe(400);
    await forge.settle();
    expect(storageWrites()).toBe(0);
  });

  it('reports a malformed item on its own and accepts the rest of the batch', async () => {
    const desk = await source();
    const answer = await post(desk, {
      items: [ticket(10), ticket(11, { subject: '   ' }), { nothing: true }, ticket(12), ticket(10)]
    });
    expect(answer.statusCode).toBe(202);
    const body = json(answer);
    expect(body).toMatchObject({ accepted: 2, rejected: 3 });
    const items = body.items as { index: number; outcome: string; reason?: string }[];
    expect(items.map((i) => i.outcome)).toEqual(['queued', 'rejected', 'rejected', 'queued', 'rejected']);
    expect(items[1]!.reason).toMatch(/summary/i);
    expect(items[4]!.reason).toMatch(/earlier in this delivery/);
    await forge.settle();
    expect((await inbox()).map((i) => i.summary).sort()).toEqual([
      'Invoice export fails (10)',
      'Invoice export fails (12)'
    ]);
  });

  it('treats a redelivery as a duplicate with no write, and an edited ticket as an update of the same insight', async () => {
    const desk = await source();
    const first = await post(desk, ticket(77));
    expect(first.statusCode).toBe(202);
    await forge.settle();
    const [created] = await inbox();

    forge.host.meter.reset();
    const again = await post(desk, ticket(77));
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ status: 'done', duplicates: 1, accepted: 0 });
    await forge.settle();
    expect(storageWrites()).toBe(0);

    const edited = await post(desk, ticket(77, { subject: 'Invoice export fails for every currency' }));
    expect(edited.statusCode).toBe(202);
    await forge.settle();
    expect(storageWrites()).toBeGreaterThan(0);
    expect((await status(desk, String(json(edited).deliveryId))).body).toMatchObject({
      updated: 1,
      created: 0
    });
    const after = await inbox();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: created!.id, summary: 'Invoice export fails for every currency' });
  });

  it('writes each item once when the queue delivers events twice and storage throttles', async () => {
    const desk = await source({
      preset: 'generic',
      fieldPaths: {
        externalId: 'id',
        summary: 'title',
        quote: 'text',
        accountName: 'org',
        sourceKind: 'survey'
      }
    });
    const items = Array.from({ length: 100 }, (_, i) => ({
      id: `resp-${i}`,
      title: `Survey answer ${i}`,
      text: 'The reports page is too slow for our team.',
      org: `Customer ${i % 7}`
    }));
    forge.host.queues.setDuplicateRate(1, 7);
    forge.host.faults.add({ kind: 'kvs', path: /\/transaction$/, keys: /int-/, fault: 'throttle', times: 2 });
    const answer = await post(desk, { items });
    expect(answer.statusCode).toBe(202);
    const report = await forge.settle();
    expect(report.queues.retried).toBeGreaterThanOrEqual(1);
    expect(report.queues.duplicated).toBeGreaterThanOrEqual(1);
    const landed = await inbox();
    expect(landed).toHaveLength(100);
    expect((await status(desk, String(json(answer).deliveryId))).body).toMatchObject({
      status: 'done',
      created: 100,
      duplicates: 0,
      rejected: 0
    });
    // The items carry no date: they are dated at first receipt, and sent again they are duplicates.
    const again = await post(desk, { items });
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ duplicates: 100, accepted: 0 });
  });

  it('refuses the old secret once it is rotated', async () => {
    const desk = await source();
    const { secret } = await rotateIntakeSecret(env, desk.sourceId);
    expect((await post(desk, ticket(5))).statusCode).toBe(401);
    expect((await post({ ...desk, secret }, ticket(5))).statusCode).toBe(202);
    await forge.settle();
    const stored = await getInsights((await inbox()).map((i) => i.id));
    expect([...stored.values()].map((i) => i.projectId)).toEqual([projectId]);
  });
});
