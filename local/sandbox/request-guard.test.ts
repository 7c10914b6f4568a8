import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../jira/seed';
import { startSandbox, type RunningSandbox } from './server';

/**
 * The sandbox's API acts as whichever demo user a call names, so another site open in
 * the same browser must not be able to call it. Plain node requests stand in for the
 * browser: they send exactly the headers a browser would for each kind of page.
 */
let sandbox: RunningSandbox;
let dist: string;
let port: number;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'sandbox-guard-'));
  for (const module of ['panel', 'project', 'admin']) {
    mkdirSync(path.join(dist, module));
    writeFileSync(
      path.join(dist, module, 'index.html'),
      '<!doctype html><html><head><title>x</title></head><body></body></html>'
    );
  }
  sandbox = await startSandbox({ port: 0, insightsPerProject: 2, quiet: true, distDir: dist });
  port = Number(new URL(sandbox.url).port);
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function call(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: pathname, headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers
          })
        );
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

const local = (): Record<string, string> => ({ host: `127.0.0.1:${port}` });

async function tokenFromShell(): Promise<string> {
  const shell = await call('GET', '/', local());
  const token = /<meta name="sandbox-token" content="([^"]+)">/.exec(shell.body)?.[1];
  if (!token) throw new Error('the shell page carries no token');
  return token;
}

const getContext = JSON.stringify({
  name: 'getContext',
  payload: {},
  site: { module: 'admin', accountId: DEMO_USERS.alice, theme: 'light' }
});

function sameOriginPost(token: string): Record<string, string> {
  return {
    ...local(),
    origin: `http://127.0.0.1:${port}`,
    'sec-fetch-site': 'same-origin',
    'content-type': 'application/json',
    'x-sandbox-token': token
  };
}

it('answers its own pages: the shell and every frame carry the token, and calls with it succeed', async () => {
  const token = await tokenFromShell();
  const frame = await call('GET', '/module/panel/index.html', local());
  expect(frame.body).toContain(
    `<meta name="sandbox-token" content="${token}"><script src="/sandbox/bridge.js">`
  );
  const answer = await call('POST', '/api/bridge', sameOriginPost(token), getContext);
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ value: { accountId: DEMO_USERS.alice } });
  const state = await call('GET', `/api/sandbox/state?accountId=${DEMO_USERS.alice}`, {
    ...local(),
    'x-sandbox-token': token
  });
  expect(state.status).toBe(200);
});

it('refuses a call from another site, even one that learnt the token', async () => {
  const token = await tokenFromShell();
  const fromEvil = {
    ...sameOriginPost(token),
    origin: 'https://evil.example',
    'sec-fetch-site': 'cross-site'
  };
  expect((await call('POST', '/api/bridge', fromEvil, getContext)).status).toBe(403);
  const fromSibling = {
    ...sameOriginPost(token),
    origin: 'http://127.0.0.1:1',
    'sec-fetch-site': 'same-site'
  };
  expect((await call('POST', '/api/bridge', fromSibling, getContext)).status).toBe(403);
});

it('refuses a form post: no token, and not JSON', async () => {
  // What an auto-submitting <form enctype="text/plain"> on any page would send.
  const form = { ...local(), origin: 'null', 'content-type': 'text/plain' };
  const answer = await call('POST', '/api/bridge', form, getContext);
  expect(answer.status).toBe(403);
  expect(answer.body).not.toContain(DEMO_USERS.alice);
  const token = await tokenFromShell();
  const plain = { ...sameOriginPost(token), 'content-type': 'text/plain' };
  expect((await call('POST', '/api/bridge', plain, getContext)).status).toBe(415);
});

it('refuses calls without the token or with a wrong one, including reads of the shell state', async () => {
  const token = await tokenFromShell();
  const { ['x-sandbox-token']: _omitted, ...without } = sameOriginPost(token);
  expect((await call('POST', '/api/bridge', without, getContext)).status).toBe(403);
  expect((await call('POST', '/api/bridge', sameOriginPost(`${token.slice(1)}x`), getContext)).status).toBe(
    403
  );
  expect((await call('GET', `/api/sandbox/state?accountId=${DEMO_USERS.alice}`, local())).status).toBe(403);
});

it('answers nothing to a rebound domain, so its pages cannot read the token either', async () => {
  const rebound = { host: `evil.example:${port}` };
  const shell = await call('GET', '/', rebound);
  expect(shell.status).toBe(403);
  expect(shell.body).not.toContain('sandbox-token');
  const token = await tokenFromShell();
  const api = {
    ...sameOriginPost(token),
    host: `evil.example:${port}`,
    origin: `http://evil.example:${port}`
  };
  expect((await call('POST', '/api/bridge', api, getContext)).status).toBe(403);
});

it('keeps its pages out of other sites’ frames, and a new run gets a new token', async () => {
  const shell = await call('GET', '/', local());
  expect(shell.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(shell.headers['content-security-policy']).toBe("frame-ancestors 'self'");
  expect(new URL(sandbox.url).hostname).toBe('127.0.0.1');
  const other = await startSandbox({ port: 0, insightsPerProject: 1, quiet: true, distDir: dist });
  try {
    const otherShell = await fetch(other.url).then((r) => r.text());
    expect(otherShell).toContain('sandbox-token');
    expect(otherShell).not.toContain(await tokenFromShell());
  } finally {
    await other.close();
  }
});
