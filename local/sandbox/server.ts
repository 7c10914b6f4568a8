import { buildSync } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { DEFAULT_LATENCY } from '../host/meter';
import { LocalForge, REPO_ROOT } from '../host/local-forge';
import { createDemoSeed, DEMO_USERS } from '../jira/seed';
import * as app from '../../src/index';
import { handleBridgeCall } from './bridge-server';
import { seedDemoData } from './demo-data';
import { FLOOR_PAGE } from './floor-page';
import { injectBridge, withSessionToken } from './frame-html';
import { readAppData, writeAppData } from './jira-app-data';
import { refuseApiRequest, refuseForeignHost } from './request-guard';
import { serveRovo } from './rovo-route';
import { transitionAsUser } from './shell-transition';
import { shellState } from './site-state';
import { tokensCss } from './theme-css';
import { serveWebTrigger } from './webtrigger-route';

/**
 * `npm start`: the local sandbox. A Jira-like shell page frames the app's production
 * Custom UI bundles; their bridge calls run the app's real resolvers on the local Forge
 * host (KVS on SQLite under .local-data/, so changes survive a restart) and the local
 * Jira. Serves on 127.0.0.1 only.
 */
export interface SandboxOptions {
  port: number;
  dataFile?: string;
  /** Wait the benchmark latency model on each platform call, to feel like Jira. */
  realisticLatency?: boolean;
  /** Insights per project in the demo data (default 340: about a thousand in all). */
  insightsPerProject?: number;
  quiet?: boolean;
  /** Where the built Custom UI is (default static/dist); tests point it at a stub. */
  distDir?: string;
}

const SEEDED_MARKER = 'sandbox:demo-data-seeded';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
};

function bundle(entry: string): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020'
  });
  return result.outputFiles[0]?.text ?? '';
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8'
): void {
  // No other site may frame the sandbox's pages (and click through them as a user).
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'content-security-policy': "frame-ancestors 'self'"
  });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

export interface RunningSandbox {
  url: string;
  forge: LocalForge;
  /**
   * Settles when the start-up publish and daily refresh have run. Tests and the bench
   * wait for it: that work paces itself on the host's logical clock, and a call made
   * meanwhile can see more than Forge's 25 s pass and be refused.
   */
  startupWork: Promise<void>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const dist = options.distDir ?? path.join(REPO_ROOT, 'static', 'dist');
  if (!existsSync(path.join(dist, 'panel', 'index.html'))) {
    throw new Error('The Custom UI is not built: run `npm run build:ui` (npm start does it for you).');
  }
  if (options.dataFile) mkdirSync(path.dirname(options.dataFile), { recursive: true });
  const keptFile = options.dataFile ? `${options.dataFile}.jira.json` : undefined;
  const forge = new LocalForge({
    // The local Jira lives in memory and is built on every start: its recently shipped
    // stories are dated from now, so the Shipped view always has this fortnight's work,
    // and what the app stored in it before is put back.
    seed: { ...createDemoSeed({ now: new Date() }), ...(keptFile ? readAppData(keptFile) : {}) },
    ...(options.dataFile ? { kvsFile: options.dataFile } : {}),
    validateJira: false,
    // Platform time follows real time: a person's pauses refill the storage quotas, as on a site.
    wallClock: true,
    // The demo shows the app, not injected faults: transient batch failures stay in the suites.
    flakyBatchItems: 'off',
    ...(options.realisticLatency ? { latency: DEFAULT_LATENCY, sleep: true } : {})
  }).useApp(app);
  const log = (message: string): void => {
    if (!options.quiet) console.log(message);
  };

  const seeded = forge.kvs.handle('/api/v1/get', { key: SEEDED_MARKER });
  if (seeded.status === 404) {
    log('Seeding demo data (first start)…');
    const started = Date.now();
    // Seeding is setup, not a user's wait: it runs on the virtual clock.
    forge.host.meter.setMode('virtual');
    const summary = await seedDemoData(
      forge,
      options.insightsPerProject ? { insightsPerProject: options.insightsPerProject } : {}
    );
    forge.kvs.handle('/api/v1/set', { key: SEEDED_MARKER, value: summary });
    if (options.realisticLatency) forge.host.meter.setMode('real');
    log(
      `Seeded ${summary.insights} insights and ${summary.links} links in ${((Date.now() - started) / 1000).toFixed(1)} s.`
    );
  }

  // One token per run: only pages this server rendered hold it (see request-guard.ts).
  const token = randomBytes(32).toString('base64url');
  const shellHtml = withSessionToken(
    readFileSync(path.join(__dirname, 'shell', 'shell.html'), 'utf8'),
    token
  );
  const floorHtml = withSessionToken(FLOOR_PAGE, token);
  const shellJs = bundle('shell/shell.ts');
  const bridgeJs = bundle('bridge-client.ts');
  const lightCss = tokensCss('light');
  const darkCss = tokensCss('dark');

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      try {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : options.port;
        const refusal =
          refuseForeignHost(req.headers, port) ??
          (url.pathname.startsWith('/api/')
            ? refuseApiRequest(req.headers, {
                port,
                token,
                hasBody: req.method !== 'GET' && req.method !== 'HEAD'
              })
            : null);
        if (refusal)
          return send(
            res,
            refusal.status,
            JSON.stringify({ error: refusal.message }),
            CONTENT_TYPES['.json']
          );
        if (url.pathname === '/' || url.pathname === '/index.html')
          return send(res, 200, shellHtml, CONTENT_TYPES['.html']);
        if (url.pathname === '/sandbox/shell.js') return send(res, 200, shellJs, CONTENT_TYPES['.js']);
        if (url.pathname === '/sandbox/bridge.js') return send(res, 200, bridgeJs, CONTENT_TYPES['.js']);
        if (url.pathname === '/sandbox/tokens.css') {
          return send(
            res,
            200,
            url.searchParams.get('theme') === 'dark' ? darkCss : lightCss,
            CONTENT_TYPES['.css']
          );
        }
        if (url.pathname === '/api/sandbox/state') {
          const accountId = url.searchParams.get('accountId') ?? DEMO_USERS.bob;
          const state = shellState(forge, accountId, url.searchParams.get('projectId') ?? undefined);
          return send(res, 200, JSON.stringify(state), CONTENT_TYPES['.json']);
        }
        if (url.pathname === '/api/sandbox/transition' && req.method === 'POST') {
          const outcome = transitionAsUser(forge, await readJson(req));
          if (!outcome.ok)
            return send(
              res,
              outcome.status,
              JSON.stringify({ error: outcome.message }),
              CONTENT_TYPES['.json']
            );
          // Jira's event is on its way to the app's trigger; its queued work follows it.
          void forge
            .settle()
            .catch((error: unknown) => log(`Handling the transition failed: ${String(error)}`));
          return send(res, 200, JSON.stringify({ status: outcome.status }), CONTENT_TYPES['.json']);
        }
        if (url.pathname.startsWith('/api/sandbox/rovo/')) {
          const rovo = await serveRovo(forge, req, url.pathname);
          if (rovo) {
            void forge
              .drainQueues()
              .catch((error: unknown) => log(`Queue delivery failed: ${String(error)}`));
            return send(res, rovo.status, JSON.stringify(rovo.body), CONTENT_TYPES['.json']);
          }
        }
        if (url.pathname === '/api/bridge' && req.method === 'POST') {
          const value = await handleBridgeCall(forge, await readJson(req));
          // Forge runs queued events soon after; so does the sandbox, in the background.
          void forge.drainQueues().catch((error: unknown) => log(`Queue delivery failed: ${String(error)}`));
          return send(res, 200, JSON.stringify({ value }), CONTENT_TYPES['.json']);
        }
        if (
          await serveWebTrigger(forge, req, res, url.pathname, (error: unknown) =>
            log(`Queue delivery failed: ${String(error)}`)
          )
        )
          return;
        if (url.pathname === '/module/floor/index.html')
          return send(res, 200, floorHtml, CONTENT_TYPES['.html']);
        const frame = /^\/module\/(panel|project|admin)\/(.*)$/.exec(url.pathname);
        if (frame) {
          const [, module, rest] = frame;
          const relative = rest === '' ? 'index.html' : (rest ?? 'index.html');
          const file = path.resolve(dist, module ?? 'panel', relative);
          if (!file.startsWith(path.join(dist, module ?? 'panel')) || !existsSync(file))
            return send(res, 404, 'Not found');
          const body = readFileSync(file);
          if (relative === 'index.html')
            return send(res, 200, injectBridge(body.toString('utf8'), token), CONTENT_TYPES['.html']);
          return send(res, 200, body, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
        }
        return send(res, 404, 'Not found');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return send(res, 500, JSON.stringify({ error: message }), CONTENT_TYPES['.json']);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  // The seed's own publishes (first start) are delivered, and the daily refresh runs as
  // it would on the site. Runs in the background; the app is usable meanwhile.
  const startupWork = forge
    .runScheduled('daily-impact-refresh')
    .then(() => forge.drainQueues())
    .then((report) => log(`Published customer impact to Jira (${report.delivered} queue events).`))
    .catch((error: unknown) => log(`Publishing customer impact failed: ${String(error)}`));
  const keep = (): void => {
    if (!keptFile) return;
    try {
      writeAppData(forge.jira, keptFile);
    } catch (error) {
      log(`Keeping the local Jira's app data failed: ${String(error)}`);
    }
  };
  // Every half minute as well as on a clean stop, so a crash loses little.
  const keeping = setInterval(keep, 30_000);
  keeping.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // The app's web trigger URLs name this server, so a sender can post to what it shows.
  forge.host.webTriggerBaseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    forge,
    startupWork,
    close: async () => {
      clearInterval(keeping);
      // Let queued work finish before the host goes away under it.
      await forge.drainQueues().catch(() => undefined);
      keep();
      await new Promise<void>((resolve) => {
        server.close(() => {
          forge.stop();
          resolve();
        });
        server.closeAllConnections();
      });
    }
  };
}
