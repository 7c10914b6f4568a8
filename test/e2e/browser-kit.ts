import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../local/sandbox/server';
import { REPO_ROOT } from '../../local/host/local-forge';

/** Debian's Chromium, never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export const ARTIFACTS = path.join(REPO_ROOT, 'artifacts');

export interface E2E {
  sandbox: RunningSandbox;
  browser: Browser;
  stop(): Promise<void>;
}

/** A sandbox on a free port with its own small data set, and a browser. */
export async function startE2E(
  options: { insightsPerProject?: number; realisticLatency?: boolean } = {}
): Promise<E2E> {
  const dir = mkdtempSync(path.join(tmpdir(), 'evidence-e2e-'));
  const sandbox = await startSandbox({
    port: 0,
    dataFile: path.join(dir, 'sandbox.sqlite'),
    insightsPerProject: options.insightsPerProject ?? 25,
    quiet: true,
    ...(options.realisticLatency ? { realisticLatency: true } : {})
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    // Without this, the open server keeps jest waiting long after the suite has failed.
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `Could not launch Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
      {
        cause: error
      }
    );
  }
  // The sandbox's start-up publish moves the host's logical clock; a test's own calls
  // made meanwhile could be refused as running past 25 s.
  await sandbox.startupWork;
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    sandbox,
    browser,
    stop: async () => {
      await browser.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Opens the shell on an issue as a user and returns the panel's frame. */
export async function openPanel(
  page: Page,
  baseUrl: string,
  options: { accountId: string; projectId: string; issueId: string; theme?: 'light' | 'dark' }
): Promise<FrameLocator> {
  const query = new URLSearchParams({
    accountId: options.accountId,
    projectId: options.projectId,
    issueId: options.issueId,
    theme: options.theme ?? 'light',
    tab: 'panel'
  });
  await page.goto(`${baseUrl}?${query.toString()}`);
  return page.frameLocator('iframe[data-testid="frame-panel"]');
}
