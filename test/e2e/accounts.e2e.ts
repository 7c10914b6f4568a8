import type { BrowserContext, Page } from 'playwright-core';
import type { ResolverFunction } from '../../local/host/forge-host';
import { DEMO_USERS } from '../../local/jira/seed';
import type { Result } from '../../src/contract/result';
import type { ResultOf } from '../../src/contract/surfaces';
import { projectResolver } from '../../src/handlers/project-resolver';
import AxeBuilder from '@axe-core/playwright';
import { startE2E, type E2E } from './browser-kit';

/**
 * The Accounts tab as a curator uses it: headless Chromium, the sandbox's Jira shell,
 * the production bundle, the real resolvers. Bob (lead, so curator, of the first
 * project) finds a seeded customer, reads what it asked for, and the screen passes the
 * accessibility check.
 */
describe('accounts tab in the browser', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    projectId = e2e.sandbox.forge.seed.projects[0]!.id;
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await e2e.stop();
  });

  it('finds an account, shows the issues it backs and its insights, and is accessible', async () => {
    const library = (await e2e.sandbox.forge.invoke(
      projectResolver as ResolverFunction,
      DEMO_USERS.bob,
      { module: 'projectPage', projectId },
      'project/listInsights',
      { limit: 50 }
    )) as Result<ResultOf<'project/listInsights'>>;
    if (!library.ok) throw new Error(library.error.message);
    const name = library.value.items.find((i) => i.account)!.account!.name;

    const query = new URLSearchParams({
      tab: 'project',
      projectId,
      accountId: DEMO_USERS.bob,
      theme: 'light'
    });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    const frame = page.frameLocator('iframe[data-testid="frame-project"]');
    await frame.getByRole('tab', { name: 'Accounts' }).click();
    await frame.getByLabel('Find an account').fill(name.slice(0, 4));
    await frame
      .getByRole('list', { name: 'Find an account: matching accounts' })
      .getByRole('button', { name, exact: true })
      .click();
    await frame.getByRole('heading', { name, exact: true }).waitFor();
    await frame.getByRole('list', { name: 'Insights from this account' }).waitFor();
    await frame.getByRole('form', { name: 'Edit account' }).waitFor();
    // The app's own frame, checked as axe-check does (WCAG 2.1 A/AA, serious or critical):
    // the sandbox's Jira shell around it is not part of the app.
    const results = await new AxeBuilder({ page })
      .include('iframe[data-testid="frame-project"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }, 240_000);
});
