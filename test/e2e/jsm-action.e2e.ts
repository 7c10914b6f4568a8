import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_SERVICE_PROJECT, DEMO_USERS } from '../../local/jira/seed';
import { expectAccessible } from './axe-check';
import { findChain } from '../evidence-kit';
import { openPanel, startE2E, type E2E } from './browser-kit';

/**
 * "Send to customer evidence" as a support lead uses it: in the sandbox's Jira, open a
 * Jira Service Management request, choose the action from the Apps menu, send the
 * request to a product story found by key, and see the evidence in that story's panel.
 * Alice is an agent of the service desk and, as a Jira admin, a curator everywhere.
 */
describe('the JSM issue action in the browser', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await e2e.stop();
  });

  it('sends a request to a product issue, whose panel then shows it, accessibly', async () => {
    const seed = e2e.sandbox.forge.seed;
    const request = seed.issues.find((issue) => issue.key === 'SUP-1')!;
    const chain = findChain(seed);
    const story = seed.issues.find((issue) => issue.id === chain.storyId)!;

    await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.alice,
      projectId: DEMO_SERVICE_PROJECT.id,
      issueId: request.id
    });
    await page.getByTestId('issue-heading').getByText(request.summary).waitFor();
    await page.getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('button', { name: 'Send to customer evidence' }).click();
    await page.getByRole('dialog', { name: 'Send to customer evidence' }).waitFor();
    const action = page.frameLocator('iframe[data-testid="frame-request"]');

    const summary = action.getByLabel(/^Summary/);
    await summary.waitFor();
    expect(await summary.inputValue()).toBe(request.summary);
    expect(await action.getByLabel(/^Customer account/).inputValue()).toBe('Globex');
    await expectAccessible(page, 'Send to customer evidence (form)');

    await action.getByLabel(/^Product issue this is evidence for/).fill(story.key);
    await action.getByRole('button', { name: 'Search' }).click();
    await action
      .getByRole('list', { name: 'Matching issues' })
      .getByRole('listitem')
      .filter({ hasText: story.key })
      .getByRole('button', { name: /Select/ })
      .click();
    await action.getByRole('button', { name: `Send to ${story.key}` }).click();
    await action.getByText(`Sent SUP-1 to ${story.key}.`).waitFor();
    await expectAccessible(page, 'Send to customer evidence (sent)');
    await page.getByRole('button', { name: 'Close' }).click();

    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.alice,
      projectId: chain.projectId,
      issueId: story.id
    });
    await panel.getByText(request.summary).first().waitFor();
    await expectAccessible(page, 'Issue panel with the sent request');
  }, 240_000);
});
