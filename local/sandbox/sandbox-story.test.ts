import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResolverFunction } from '../host/forge-host';
import { DEMO_USERS } from '../jira/seed';
import { projectResolver } from '../../src/handlers/project-resolver';
import { DEMO_REQUEST_KEY } from './demo-data';
import { startSandbox, type RunningSandbox } from './server';
import type { ShellState } from './site-state';

/**
 * A fresh sandbox tells the whole story: recently shipped work with the accounts to tell,
 * insights it addressed, and a shell that moves an issue to Done and back as the acting
 * user, which the app hears about as it would from Jira.
 */
let sandbox: RunningSandbox;
let dist: string;
let token: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'sandbox-story-'));
  for (const module of ['panel', 'project', 'admin']) {
    mkdirSync(path.join(dist, module));
    writeFileSync(path.join(dist, module, 'index.html'), '<!doctype html><html><body></body></html>');
  }
  sandbox = await startSandbox({ port: 0, insightsPerProject: 2, quiet: true, distDir: dist });
  const shell = await (await fetch(sandbox.url)).text();
  token = /<meta name="sandbox-token" content="([^"]+)">/.exec(shell)?.[1] ?? '';
  await sandbox.forge.settle();
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Shipped {
  issueId: string;
  key: string;
  doneAt?: string;
  accounts: { name: string }[];
}

async function project<T>(
  projectId: string,
  key: string,
  payload: unknown,
  user: string = DEMO_USERS.judy
): Promise<T> {
  const result = (await sandbox.forge.invoke(
    projectResolver as ResolverFunction,
    user,
    { module: 'projectPage', projectId },
    key,
    payload
  )) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const shipped = (projectId: string) => project<Shipped[]>(projectId, 'project/shipped', { days: 14 });

async function state(accountId: string, projectId: string): Promise<ShellState> {
  const query = new URLSearchParams({ accountId, projectId });
  const answer = await fetch(`${sandbox.url}api/sandbox/state?${query.toString()}`, {
    headers: { 'x-sandbox-token': token }
  });
  return (await answer.json()) as ShellState;
}

function transition(body: unknown): Promise<Response> {
  return fetch(`${sandbox.url}api/sandbox/transition`, {
    method: 'POST',
    headers: { 'x-sandbox-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
}

const productProjects = () =>
  sandbox.forge.seed.projects.filter(
    (p) => p.addonsRoleBrowse !== false && p.projectTypeKey !== 'service_desk'
  );

describe('the sandbox story', () => {
  it('shows work shipped in the last two weeks in every product project, with several accounts each', async () => {
    for (const { id } of productProjects()) {
      const items = await shipped(id);
      expect(items.length).toBeGreaterThanOrEqual(2);
      for (const item of items) {
        expect(item.accounts.length).toBeGreaterThanOrEqual(3);
        expect(Date.now() - Date.parse(item.doneAt ?? '')).toBeLessThanOrEqual(14 * 86_400_000);
      }
      const addressed = await project<{ items: unknown[] }>(id, 'project/listInsights', {
        status: 'addressed'
      });
      expect(addressed.items.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('lists status and Customer impact in the shell, and moves an issue out of Done and back as the user', async () => {
    const projectId = productProjects()[0]!.id;
    const [story] = await shipped(projectId);
    const row = async () =>
      (await state(DEMO_USERS.bob, projectId)).issues.find((i) => i.id === story!.issueId);
    expect(await row()).toMatchObject({
      status: 'Done',
      statusCategory: 'done',
      customerImpact: expect.any(Number) as unknown
    });

    // Carol may browse but not transition: nothing changes.
    const refused = await transition({ accountId: DEMO_USERS.carol, issueId: story!.issueId, to: 'open' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Transition issues/);

    const reopened = await transition({ accountId: DEMO_USERS.bob, issueId: story!.issueId, to: 'open' });
    expect(await reopened.json()).toEqual({ status: 'To Do' });
    await sandbox.forge.settle();
    expect(await row()).toMatchObject({ status: 'To Do', statusCategory: 'new' });
    expect((await shipped(projectId)).map((i) => i.issueId)).not.toContain(story!.issueId);
    expect(sandbox.forge.jira.historyOf(story!.issueId).at(-1)?.author).toBe(DEMO_USERS.bob);

    const again = await transition({ accountId: DEMO_USERS.bob, issueId: story!.issueId, to: 'open' });
    expect(again.status).toBe(409);

    const done = await transition({ accountId: DEMO_USERS.bob, issueId: story!.issueId, to: 'done' });
    expect(await done.json()).toEqual({ status: 'Done' });
    await sandbox.forge.settle();
    const back = (await shipped(projectId)).find((i) => i.issueId === story!.issueId);
    // Done again today: first in the list, with the same accounts as before.
    expect(back).toMatchObject({ accounts: story!.accounts });
    expect(Date.now() - Date.parse(back?.doneAt ?? '')).toBeLessThan(60_000);
  });

  it('tells the service request behind a story with an internal comment when the story is done in the shell', async () => {
    // The demo data brings a Customer Support request into the first project's inbox
    // through a JSM intake source; that project tells requests when work ships.
    const [work] = productProjects();
    const desk = sandbox.forge.seed.serviceDesks![0]!;
    const request = sandbox.forge.seed.issues.find((i) => i.key === DEMO_REQUEST_KEY)!;
    expect(request.projectId).toBe(desk.projectId);
    const story = sandbox.forge.seed.issues.find(
      (i) =>
        i.projectId === work!.id &&
        i.issueTypeId !== '10004' &&
        !i.securityLevel &&
        !i.resolutiondate &&
        i.statusId !== '10002'
    )!;
    const commentsOn = async () =>
      (await state(DEMO_USERS.alice, desk.projectId)).issues.find((i) => i.id === request.id)?.comments;
    expect(await commentsOn()).toBeUndefined();
    const inbox = await project<{ items: { id: string; summary: string }[] }>(
      work!.id,
      'project/listInsights',
      {
        status: 'new',
        limit: 100
      }
    );
    const fromRequest = inbox.items.find((i) => i.summary === request.summary)!;
    // Bob leads the first project: he links it, as a curator would from the inbox.
    const link = { issueId: story.id, insightIds: [fromRequest.id], note: '' };
    await project(work!.id, 'project/link', link, DEMO_USERS.bob);

    const done = await transition({ accountId: DEMO_USERS.bob, issueId: story.id, to: 'done' });
    expect(await done.json()).toEqual({ status: 'Done' });
    await sandbox.forge.settle();
    const comments = await commentsOn();
    expect(comments).toHaveLength(1);
    expect(comments?.[0]).toMatchObject({ internal: true, author: 'Customer Evidence' });
    expect(comments?.[0]?.body).toContain(story.key);
  });

  it('refuses a malformed transition request without changing anything', async () => {
    const answer = await transition({ accountId: DEMO_USERS.bob, issueId: 'CHK-1', to: 'done' });
    expect(answer.status).toBe(400);
    const unknown = await transition({ accountId: DEMO_USERS.bob, issueId: '1', to: 'done' });
    expect(unknown.status).toBe(404);
  });
});
