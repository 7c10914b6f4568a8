import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_USERS } from '../local/jira/seed';
import { startSandbox } from '../local/sandbox/server';
import type { ResolverFunction } from '../local/host/forge-host';
import { projectResolver } from '../src/handlers/project-resolver';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export interface BrowserTiming {
  page: string;
  medianMs: number;
  ratioToFloor: number;
  /** The floor page itself, which the others are measured against. */
  isFloor: boolean;
}

/**
 * Time from navigation to the first frame painting evidence in headless Chromium, with every
 * platform call waiting the latency model, for the real panel and for the floor page
 * (one invoke and one storage read, no framework). Median of `runs` cold loads each.
 */
export async function browserTiming(runs = 5): Promise<BrowserTiming[]> {
  if (!existsSync(CHROMIUM)) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'evidence-bench-'));
  const sandbox = await startSandbox({
    port: 0,
    dataFile: path.join(dir, 'bench.sqlite'),
    insightsPerProject: 40,
    quiet: true,
    realisticLatency: true
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const projectId = sandbox.forge.seed.projects[0]!.id;
    const ranked = (await sandbox.forge.invoke(
      projectResolver as ResolverFunction,
      DEMO_USERS.bob,
      { module: 'projectPage', projectId },
      'project/rankedIssues',
      { limit: 1 }
    )) as {
      value: { items: { issueId: string }[] };
    };
    const issueId = ranked.value.items[0]!.issueId;
    const query = new URLSearchParams({
      module: 'panel',
      issueId,
      projectId,
      accountId: DEMO_USERS.bob,
      theme: 'light'
    }).toString();
    const measure = async (url: string, selector: string): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const context = await browser.newContext();
        // The page notes the first frame that paints the element: the animation frame
        // after it enters the DOM (a main thread still busy then delays that frame, and
        // so the time). Asking the page for the time once Playwright has seen the element
        // would also count the driver's polling and round trips, and any work queued
        // after that frame (an app renders more than its first evidence).
        await context.addInitScript((wanted: string) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(wanted) === null) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              document.documentElement.dataset['firstEvidenceMs'] = String(performance.now());
            });
          });
          observer.observe(document, { childList: true, subtree: true });
        }, selector);
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForSelector(selector, { timeout: 60_000 });
        samples.push(Number(await page.evaluate(() => document.documentElement.dataset['firstEvidenceMs'])));
        await context.close();
      }
      samples.sort((a, b) => a - b);
      return Math.round(samples[Math.floor(samples.length / 2)]!);
    };
    const floor = await measure(
      `${sandbox.url}module/floor/index.html?${query}`,
      '[data-testid="floor-evidence"]'
    );
    const panel = await measure(
      `${sandbox.url}module/panel/index.html?${query}`,
      '[data-testid="evidence-card"]'
    );
    return [
      { page: 'floor (bridge + one invoke, no framework)', medianMs: floor, ratioToFloor: 1, isFloor: true },
      {
        page: 'issue panel, first evidence card',
        medianMs: panel,
        ratioToFloor: Math.round((panel / floor) * 100) / 100,
        isFloor: false
      }
    ];
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
