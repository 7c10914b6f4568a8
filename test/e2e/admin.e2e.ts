import { createHmac } from 'node:crypto';
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
 * Signs a delivery as the README's "Evidence intake" recipe does: `sha256=` and the hex
 * HMAC-SHA256 of `<timestamp>.<raw body>` with the source's secret.
 */
function signedHeaders(secret: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    'Content-Type': 'application/json',
    'X-Evidence-Timestamp': timestamp,
    'X-Evidence-Signature': `sha256=${signature}`
  };
}

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

  it('creates an intake source, shows its URL and secret once, and logs a signed delivery', async () => {
    const frame = await openAdminPage();
    const intake = frame.getByRole('region', { name: 'Evidence intake' });
    await intake.getByRole('button', { name: 'Add source' }).click({ timeout: 30_000 });
    const form = intake.getByRole('form', { name: 'New intake source' });
    await form.getByLabel('Name').fill('Zendesk EU');
    const projectKey = e2e.sandbox.forge.seed.projects[0]!.key;
    await form.getByLabel('Project').fill(projectKey);
    await form.getByLabel('Project').press('Enter');
    await form.getByLabel('Payload format').fill('Zendesk');
    await form.getByLabel('Payload format').press('Enter');
    await form.getByRole('button', { name: 'Create source' }).click();

    const shown = intake.getByRole('group', { name: 'Zendesk EU is ready' });
    await shown.getByText('it will not be shown again', { exact: false }).waitFor();
    const url = await shown.getByLabel('Delivery URL').inputValue();
    const secret = await shown.getByLabel('Signing secret').inputValue();
    expect(url).toMatch(new RegExp(`^${e2e.sandbox.url}x/webtrigger/evidence-intake/src-`));
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, 'admin intake secret');
    await shown.getByRole('button', { name: 'I have copied the secret' }).click();
    await shown.waitFor({ state: 'detached' });

    const body = JSON.stringify({
      items: [
        { ticket: { id: 7001, subject: 'Invoice export fails', created_at: '2026-11-20T09:00:00Z' } },
        { ticket: { id: 7002, subject: '   ', created_at: '2026-11-20T09:00:00Z' } }
      ]
    });
    const response = await fetch(url, { method: 'POST', headers: signedHeaders(secret, body), body });
    expect(response.status).toBe(202);
    await e2e.sandbox.forge.drainQueues();

    await page.reload();
    const row = frame
      .getByRole('table', { name: 'Intake sources' })
      .getByRole('row')
      .filter({ has: frame.getByRole('rowheader', { name: 'Zendesk EU' }) });
    await row.getByRole('button', { name: 'Deliveries (1)' }).click({ timeout: 30_000 });
    const log = frame.getByRole('table', { name: 'Deliveries to Zendesk EU' });
    const delivery = log.getByRole('row').nth(1);
    await expect(delivery.getByRole('cell').allTextContents()).resolves.toEqual([
      expect.stringMatching(/UTC$/),
      'Done',
      '2',
      '1',
      '0',
      '1',
      expect.stringContaining('Why 1 item was refused')
    ]);
    await delivery.getByText('Why 1 item was refused').click();
    await delivery.getByText(/Item 2 \(7002\):/).waitFor();
    expect(await frame.getByText(secret).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-intake.png'), fullPage: true });
    await expectAccessible(page, 'admin intake log');
  });
});
