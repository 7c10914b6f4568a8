import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { ResolverFunction } from '../../local/host/forge-host';
import { DEMO_USERS } from '../../local/jira/seed';
import type { Result } from '../../src/contract/result';
import type { AdminSettingsView } from '../../src/contract/views';
import { adminResolver } from '../../src/handlers/admin-resolver';
import { expectAccessible } from './axe-check';
import { ARTIFACTS, startE2E, type E2E } from './browser-kit';

/**
 * The admin page's privacy settings as Alice, a Jira administrator, uses them: she picks
 * an allowed group from Jira's groups, is warned that saving would hide account names
 * and revenue from her too (she is not in that group), and cancels; nothing is saved.
 */
describe('admin page in the browser', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.stop();
  });
  beforeEach(async () => {
    // axe puts the frames' results together in a second page of the same context.
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  async function openAdminPage(): Promise<FrameLocator> {
    const query = new URLSearchParams({
      tab: 'admin',
      projectId: e2e.sandbox.forge.seed.projects[0]!.id,
      accountId: DEMO_USERS.alice,
      theme: 'light'
    });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    return page.frameLocator('iframe[data-testid="frame-admin"]');
  }

  async function savedSettings(): Promise<AdminSettingsView> {
    const result = (await e2e.sandbox.forge.invoke(
      adminResolver as ResolverFunction,
      DEMO_USERS.alice,
      { module: 'adminPage' },
      'admin/getSettings',
      {}
    )) as Result<AdminSettingsView>;
    if (!result.ok) throw new Error(`admin/getSettings failed: ${result.error.code}`);
    return result.value;
  }

  it('picks a group from Jira’s groups and warns before hiding identity from the admin', async () => {
    const frame = await openAdminPage();
    const privacy = frame.getByRole('form', { name: 'Privacy settings' });
    await privacy.waitFor({ timeout: 30_000 });
    await privacy.getByRole('switch', { name: 'Restrict customer identity and revenue' }).click();

    await privacy.getByLabel('Find a Jira group').fill('trust');
    const matches = privacy.getByRole('list', { name: 'Matching Jira groups' });
    await matches.getByRole('button', { name: 'Add trust-and-safety' }).click();
    const allowed = privacy.getByRole('list', { name: /^Allowed groups/ });
    await allowed.getByText('trust-and-safety', { exact: true }).waitFor();

    await privacy.getByRole('button', { name: 'Save privacy settings' }).click();
    const question = privacy.getByRole('group', { name: 'Hide account names and revenue from yourself?' });
    await question.waitFor();
    await question
      .getByText(
        'You are not in any of these groups: after saving, account names and revenue will be hidden from you too.'
      )
      .waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-self-mask.png'), fullPage: true });
    await expectAccessible(page, 'admin');

    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    await privacy.getByText('Unsaved changes', { exact: true }).waitFor();
    expect((await savedSettings()).privacy).toEqual({ restrictIdentity: false, allowedGroups: [] });
  });
});
