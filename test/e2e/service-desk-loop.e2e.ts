import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_SERVICE_PROJECT, DEMO_USERS } from '../../local/jira/seed';
import { expectAccessible } from './axe-check';
import { openPanel, startE2E, type E2E } from './browser-kit';

const STORY_TYPE = '10001';
const DONE_STATUS = '10002';

/**
 * The service desk story end to end, as one person who is both a Customer Support agent
 * and a Checkout curator lives it: send a request to a Checkout story from the request's
 * Apps menu, have Checkout tell service requests when work ships, move the story to Done,
 * and find the internal note naming the story under the request. Alice is an agent of
 * the desk and, as a Jira admin, a curator of every project.
 */
describe('closing the loop on a service request in the browser', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E({ insightsPerProject: 4 });
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await e2e.stop();
  });

  it('tells the request with an internal note once the story it was sent to is done', async () => {
    const seed = e2e.sandbox.forge.seed;
    // SUP-3 has no evidence yet: the sandbox's own loop demo starts from SUP-2.
    const request = seed.issues.find((issue) => issue.key === 'SUP-3')!;
    const checkout = seed.projects.find((project) => project.key === 'CHK')!;
    // An open story, so that moving it to Done is what ships it.
    const story = seed.issues.find(
      (issue) =>
        issue.projectId === checkout.id &&
        issue.issueTypeId === STORY_TYPE &&
        !issue.securityLevel &&
        !issue.resolutiondate &&
        issue.statusId !== DONE_STATUS
    )!;

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
    await action.getByLabel(/^Product issue this is evidence for/).fill(story.key);
    await action.getByRole('button', { name: 'Search' }).click();
    await action
      .getByRole('list', { name: 'Matching issues' })
      .getByRole('listitem')
      .filter({ hasText: story.key })
      .getByRole('button', { name: /Select/ })
      .click();
    await action.getByRole('button', { name: `Send to ${story.key}` }).click();
    await action.getByText(`Sent ${request.key} to ${story.key}.`).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    // Checkout's curator makes sure the project tells requests: off and on again, so the
    // setting is the one this test chose, whatever the sandbox started with.
    const query = new URLSearchParams({
      tab: 'project',
      projectId: checkout.id,
      accountId: DEMO_USERS.alice,
      theme: 'light'
    });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    const project = page.frameLocator('iframe[data-testid="frame-project"]');
    await project.getByRole('tab', { name: 'Shipped for customers' }).click();
    // The box is saved before it shows its new state, so each click waits for the other one.
    const setting = (checked: boolean) =>
      project.getByRole('checkbox', { name: 'Tell service requests when work ships', checked });
    await setting(true).or(setting(false)).waitFor();
    if (await setting(true).isVisible()) {
      await setting(true).click();
      await setting(false).and(project.locator(':enabled')).waitFor();
    }
    await setting(false).click();
    await setting(true).and(project.locator(':enabled')).waitFor();
    await expectAccessible(page, 'Shipped for customers with the loop-closing setting on');

    await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.alice,
      projectId: checkout.id,
      issueId: story.id
    });
    await page.getByRole('button', { name: 'Move to Done' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await e2e.sandbox.forge.settle();

    await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.alice,
      projectId: DEMO_SERVICE_PROJECT.id,
      issueId: request.id
    });
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByText('Customer Evidence · Internal note').waitFor();
    expect(await comments.getByRole('listitem').count()).toBe(1);
    expect(await comments.getByRole('listitem').first().textContent()).toContain(story.key);
    await expectAccessible(page, 'Service request with the internal note');
  }, 240_000);
});
