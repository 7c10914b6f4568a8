import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { ResolverFunction } from '../../local/host/forge-host';
import { DEMO_USERS } from '../../local/jira/seed';
import type { Result } from '../../src/contract/result';
import type { PayloadOf, ProjectContract, ResultOf } from '../../src/contract/surfaces';
import { projectResolver } from '../../src/handlers/project-resolver';
import { seriousViolations } from './axe-check';
import { startE2E, type E2E } from './browser-kit';

/**
 * Bulk triage as a CX lead does it: Bob selects three inbox insights, dismisses them,
 * takes it back with Undo, then links two of them to an issue in one go; the screen
 * passes axe with items selected and with the Undo message showing.
 */
describe('bulk triage in the browser', () => {
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

  async function call<K extends keyof ProjectContract>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
    const site = { module: 'projectPage' as const, projectId };
    const result = (await e2e.sandbox.forge.invoke(
      projectResolver as ResolverFunction,
      DEMO_USERS.bob,
      site,
      key,
      payload
    )) as Result<ResultOf<K>>;
    if (!result.ok) throw new Error(`${key} failed: ${result.error.code}`);
    return result.value;
  }

  async function openLibrary(): Promise<FrameLocator> {
    const query = new URLSearchParams({
      tab: 'project',
      projectId,
      accountId: DEMO_USERS.bob,
      theme: 'light'
    });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    const frame = page.frameLocator('iframe[data-testid="frame-project"]');
    await frame.getByTestId('tab-library').click();
    await frame.getByTestId('library-item').first().waitFor();
    return frame;
  }

  /**
   * The app's screen passes axe (WCAG 2.1 A/AA, nothing serious or critical). Findings in
   * the sandbox's Jira shell around the app's frame (its issue list's contrast, its
   * scrolling view) are not the app's and are left to the shell.
   */
  async function expectAppAccessible(screen: string): Promise<void> {
    const inApp = (await seriousViolations(page))
      .map((f) => ({ ...f, targets: f.targets.filter((t) => t.startsWith('iframe')) }))
      .filter((f) => f.targets.length > 0);
    expect({ screen, violations: inApp }).toEqual({ screen, violations: [] });
  }

  /** The nth inbox item's selection box (the box is named by the item's summary). */
  const box = (frame: FrameLocator, n: number) =>
    frame.getByTestId('library-item').nth(n).getByRole('checkbox');

  it('dismisses three, undoes it, then links two to an issue', async () => {
    const inbox = (await call('project/listInsights', { status: 'new', limit: 25 })).items;
    expect(inbox.length).toBeGreaterThanOrEqual(3);
    const frame = await openLibrary();
    await frame.getByTestId('inbox-counts').waitFor();

    for (const n of [0, 1, 2]) await box(frame, n).check();
    await frame.getByRole('button', { name: 'Dismiss 3' }).waitFor();
    await expectAppAccessible('triage');

    await frame.getByRole('button', { name: 'Dismiss 3' }).click();
    const undo = frame.getByRole('button', { name: 'Undo' });
    await frame.getByText('Dismissed 3 insights.').waitFor();
    await expect(undo.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const dismissed = inbox.slice(0, 3).map((i) => i.id);
    const afterDismiss = (await call('project/listInsights', { status: 'new', limit: 100 })).items.map(
      (i) => i.id
    );
    for (const id of dismissed) expect(afterDismiss).not.toContain(id);
    await expectAppAccessible('triage');

    await undo.click();
    await undo.waitFor({ state: 'detached' });
    const restored = (await call('project/listInsights', { status: 'new', limit: 100 })).items.map(
      (i) => i.id
    );
    expect(restored).toEqual(expect.arrayContaining(dismissed));
    await frame.getByTestId('library-item').nth(2).waitFor();

    // Two of them, linked to an open issue of the project found by its key.
    const issue = e2e.sandbox.forge.seed.issues.find((i) => i.projectId === projectId && !i.securityLevel)!;
    const evidenceOf = async (): Promise<string[]> =>
      (await call('project/getEvidence', { issueId: issue.id })).impact?.cards.map((c) => c.insightId) ?? [];
    const before = await evidenceOf();
    for (const n of [0, 1]) await box(frame, n).check();
    await frame.getByRole('button', { name: 'Link 2 to issue…' }).click();
    const bulk = frame.getByTestId('bulk-link');
    await bulk.getByTestId('bulk-issue-search').fill(issue.key);
    await bulk.getByTestId('bulk-issue-search-submit').click();
    await bulk
      .getByTestId('bulk-issue-hit')
      .filter({ hasText: issue.key })
      .getByTestId('bulk-issue-hit-select')
      .click();
    await bulk.getByTestId('link-note').fill('Both ask for the same fix');
    await bulk.getByTestId('bulk-link-confirm').click();
    await bulk.waitFor({ state: 'detached' });

    // The two restored insights listed first (the newest) are the ones now backing the issue.
    const added = (await evidenceOf()).filter((id) => !before.includes(id));
    expect(added).toHaveLength(2);
    for (const id of added) expect(dismissed).toContain(id);
  });
});
