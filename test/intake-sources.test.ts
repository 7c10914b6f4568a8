import type { LocalForge, WebTriggerAnswer } from '../local/host/local-forge';
import * as app from '../src/index';
import type { IntakeSourceLogView } from '../src/contract/views';
import { signIntakeBody } from '../src/usecases/intake/signature';
import { AppClient, DEMO_USERS, findChain, testForge } from './evidence-kit';

/**
 * Intake sources as a Jira administrator manages them on the admin page: created for a
 * project they can browse, shown with the URL to post to, the secret shown once, rotated,
 * disabled and enabled, and each source's latest deliveries in its log.
 */
describe('intake sources on the admin page', () => {
  let forge: LocalForge;
  let projectId: string;
  const admin = () => new AppClient(forge, DEMO_USERS.alice, { module: 'adminPage' });

  beforeEach(() => {
    forge = testForge().useApp(app);
    projectId = findChain(forge.seed).projectId;
  });
  afterEach(() => forge.stop());

  const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

  /** Posts to a URL as the admin page shows it: the part after the trigger's own URL is the path. */
  function postTo(url: string, secret: string, body: unknown): Promise<WebTriggerAnswer> {
    const match = /\/x\/webtrigger\/([^/]+)\/(.+)$/.exec(new URL(url).pathname);
    if (!match) throw new Error(`Not a web trigger URL: ${url}`);
    const raw = JSON.stringify(body);
    const timestamp = nowSeconds();
    return forge.webTrigger(match[1]!, {
      method: 'POST',
      userPath: match[2]!,
      headers: {
        'Content-Type': 'application/json',
        'X-Evidence-Timestamp': timestamp,
        'X-Evidence-Signature': signIntakeBody(secret, timestamp, raw)
      },
      body: raw
    });
  }

  const ticket = (id: number, subject = `Invoice export fails (${id})`) => ({
    ticket: { id, subject, created_at: '2026-11-20T09:00:00Z', organization: { name: 'Acme Corp' } }
  });

  async function list(): Promise<IntakeSourceLogView[]> {
    return admin().ok('admin/listIntakeSources', {});
  }

  it('creates a source with its URL and a secret shown once, and lists it without the secret', async () => {
    const created = await admin().ok('admin/createIntakeSource', {
      name: 'Support desk',
      projectId,
      mapping: { preset: 'zendesk' }
    });
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.source).toMatchObject({ name: 'Support desk', projectId, status: 'active' });
    expect(created.source.projectKey).toBe(forge.seed.projects.find((p) => p.id === projectId)!.key);
    expect(created.source.url).toBe(
      `http://127.0.0.1:4177/x/webtrigger/evidence-intake/${created.source.sourceId}`
    );

    const sources = await list();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ sourceId: created.source.sourceId, url: created.source.url });
    expect(JSON.stringify(sources)).not.toContain(created.secret);
  });

  it('keeps the field paths of a generic JSON source and refuses one without the required paths', async () => {
    const created = await admin().ok('admin/createIntakeSource', {
      name: 'Survey tool',
      projectId,
      mapping: { preset: 'generic', fieldPaths: { externalId: 'response.id', summary: 'response.title' } }
    });
    expect(created.source.mapping).toEqual({
      preset: 'generic',
      fieldPaths: { externalId: 'response.id', summary: 'response.title', sourceKind: 'other' }
    });
    const refused = await admin().call('admin/createIntakeSource', {
      name: 'Broken',
      projectId,
      mapping: { preset: 'generic', fieldPaths: { externalId: 'not a path', summary: 'title' } }
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await list()).map((s) => s.name)).toEqual(['Survey tool']);
  });

  it('refuses a project that does not exist or that Jira no longer has, storing nothing', async () => {
    const gone = forge.seed.projects.find((p) => p.id !== projectId)!;
    forge.jira.deleteProject(gone.id);
    for (const target of ['999999', gone.id]) {
      const result = await admin().call('admin/createIntakeSource', {
        name: 'Nowhere',
        projectId: target,
        mapping: { preset: 'intercom' }
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fieldIssues: [{ path: 'projectId' }] }
      });
    }
    expect(await list()).toEqual([]);
  });

  it('rotates the secret: the old one is refused, the new one shown once works', async () => {
    const { source, secret } = await admin().ok('admin/createIntakeSource', {
      name: 'Support desk',
      projectId,
      mapping: { preset: 'zendesk' }
    });
    const rotated = await admin().ok('admin/rotateIntakeSecret', { sourceId: source.sourceId });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.source.url).toBe(source.url);
    expect((await postTo(source.url, secret, ticket(1))).statusCode).toBe(401);
    expect((await postTo(source.url, rotated.secret, ticket(1))).statusCode).toBe(202);
    expect(JSON.stringify(await list())).not.toContain(rotated.secret);
    expect(await admin().call('admin/rotateIntakeSecret', { sourceId: 'src-unknown' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
  });

  it('disables a source, whose deliveries then store nothing, and enables it again', async () => {
    const { source, secret } = await admin().ok('admin/createIntakeSource', {
      name: 'Support desk',
      projectId,
      mapping: { preset: 'zendesk' }
    });
    const disabled = await admin().ok('admin/setIntakeSourceStatus', {
      sourceId: source.sourceId,
      status: 'disabled'
    });
    expect(disabled.status).toBe('disabled');
    expect((await list())[0]!.status).toBe('disabled');
    expect((await postTo(source.url, secret, ticket(1))).statusCode).toBe(404);
    await forge.settle();
    expect((await list())[0]!.deliveries).toEqual([]);

    await admin().ok('admin/setIntakeSourceStatus', { sourceId: source.sourceId, status: 'active' });
    expect((await postTo(source.url, secret, ticket(1))).statusCode).toBe(202);
  });

  it("lists each source's latest deliveries with accepted, duplicate and rejected items and the reasons", async () => {
    const { source, secret } = await admin().ok('admin/createIntakeSource', {
      name: 'Support desk',
      projectId,
      mapping: { preset: 'zendesk' }
    });
    expect((await postTo(source.url, secret, { items: [ticket(1), ticket(2)] })).statusCode).toBe(202);
    await forge.settle();
    expect(
      (await postTo(source.url, secret, { items: [ticket(1), ticket(3, '   '), ticket(4)] })).statusCode
    ).toBe(202);
    const [beforeWrite] = (await list())[0]!.deliveries;
    expect(beforeWrite).toMatchObject({
      status: 'queued',
      items: 3,
      accepted: 1,
      duplicates: 1,
      rejected: 1
    });
    await forge.settle();

    const [latest, first] = (await list())[0]!.deliveries;
    expect(first).toMatchObject({ status: 'done', items: 2, accepted: 2, created: 2, rejected: 0 });
    expect(latest).toMatchObject({
      status: 'done',
      items: 3,
      accepted: 1,
      created: 1,
      duplicates: 1,
      rejected: 1,
      rejections: [{ index: 1, externalId: '3' }]
    });
    expect(latest!.rejections[0]!.reason).toMatch(/summary/i);
  });
});
