import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { ModuleSite } from '../../local/host/local-forge';
import type { ContractKey, PayloadOf, ResultOf } from '../../src/contract/surfaces';
import { AppClient } from '../evidence-kit';
import { expectAccessible } from './axe-check';
import type { E2E } from './browser-kit';

/** One person's browser: its own context, so axe can gather the app's frame with the shell. */
export interface Visit {
  context: BrowserContext;
  page: Page;
}

export async function newVisit(e2e: E2E, width = 1440): Promise<Visit> {
  const context = await e2e.browser.newContext({ viewport: { width, height: 1000 } });
  const page = await context.newPage();
  return { context, page };
}

/** Opens the shell's issue view as a user; answers the issue panel's frame. */
export async function openIssue(
  visit: Visit,
  e2e: E2E,
  who: { accountId: string; projectId: string; issueId: string }
): Promise<FrameLocator> {
  const query = new URLSearchParams({ ...who, theme: 'light', tab: 'panel' });
  await visit.page.goto(`${e2e.sandbox.url}?${query.toString()}`);
  return visit.page.frameLocator('iframe[data-testid="frame-panel"]');
}

/** Opens the shell's project page as a user; answers the page's frame. */
export async function openProject(
  visit: Visit,
  e2e: E2E,
  who: { accountId: string; projectId: string }
): Promise<FrameLocator> {
  const query = new URLSearchParams({ ...who, theme: 'light', tab: 'project' });
  await visit.page.goto(`${e2e.sandbox.url}?${query.toString()}`);
  return visit.page.frameLocator('iframe[data-testid="frame-project"]');
}

/**
 * Asks the backend directly as a user: to set the scene the way someone else would
 * have (an admin naming groups) or to know what the screen should show.
 */
export function ask<K extends ContractKey>(
  e2e: E2E,
  accountId: string,
  site: ModuleSite,
  key: K,
  payload: PayloadOf<K>
): Promise<ResultOf<K>> {
  return new AppClient(e2e.sandbox.forge, accountId, site).ok(key, payload);
}

/** Picks an option of an Atlaskit Select (react-select opens on a press of its control). */
export async function choose(frame: FrameLocator, testId: string, option: string): Promise<void> {
  await frame.getByTestId(`${testId}-select--control`).click();
  await frame.getByRole('option', { name: option, exact: true }).click();
}

/** The text an Atlaskit Select shows as chosen. */
export async function chosen(frame: FrameLocator, testId: string): Promise<string> {
  return (await frame.getByTestId(`${testId}-select--control`).innerText()).trim();
}

/** "$480,000" → 480000: the exact figures the backlog gives in its cells' titles. */
export function money(text: string | null): number {
  return Number((text ?? '').replace(/[^0-9.]/g, ''));
}

/**
 * The axe check of every screen a journey reaches. Each screen is checked with
 * `expectAccessible`, as strictly as anywhere; what it finds is kept until the journey
 * ends, so one screen's findings do not hide the next screen's, nor whether the rest of
 * the journey works. `assertAccessible` then fails the test with every screen's findings.
 */
export class AxeScreens {
  private readonly findings: string[] = [];

  async check(page: Page, screen: string): Promise<void> {
    try {
      await expectAccessible(page, screen);
    } catch (error) {
      this.findings.push(error instanceof Error ? error.message : String(error));
    }
  }

  assertAccessible(): void {
    if (this.findings.length > 0) throw new Error(this.findings.join('\n\n'));
  }
}
