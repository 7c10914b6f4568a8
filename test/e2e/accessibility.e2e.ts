import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { ResolverFunction } from '../../local/host/forge-host';
import { DEMO_USERS } from '../../local/jira/seed';
import type { Result } from '../../src/contract/result';
import { projectResolver } from '../../src/handlers/project-resolver';
import { expectAccessible as axeCheck } from './axe-check';
import { openPanel, startE2E, type E2E } from './browser-kit';

type Theme = 'light' | 'dark';

/**
 * Every screen of the app, in the sandbox's Jira shell, checked by axe-core against WCAG
 * 2.1 A and AA: no serious or critical violation in the app's frames or in the shell
 * around them. Each screen is checked once its content has loaded, and the panel also
 * with a form and a confirmation open, as those bring their own controls.
 */
describe('accessibility of every screen', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;
  let projectId: string;
  let withEvidence: string;
  let withoutEvidence: string;

  beforeAll(async () => {
    e2e = await startE2E();
    projectId = e2e.sandbox.forge.seed.projects[0]!.id;
    const ranked = (await e2e.sandbox.forge.invoke(
      projectResolver as ResolverFunction,
      DEMO_USERS.bob,
      { module: 'projectPage', projectId },
      'project/rankedIssues',
      { limit: 100 }
    )) as Result<{ items: { issueId: string }[] }>;
    if (!ranked.ok) throw new Error(`project/rankedIssues failed: ${ranked.error.code}`);
    const scored = new Set(ranked.value.items.map((r) => r.issueId));
    const open = e2e.sandbox.forge.seed.issues.filter((i) => i.projectId === projectId && !i.securityLevel);
    const empty = open.find(
      (i) => !scored.has(i.id) && !i.parentId && !open.some((c) => c.parentId === i.id)
    );
    if (!empty) throw new Error('The demo data has no issue without evidence');
    withEvidence = ranked.value.items[0]!.issueId;
    withoutEvidence = empty.id;
    // The shipped tab lists work done lately; the demo site's issues were finished long ago.
    const done = e2e.sandbox.forge.seed.statuses.find((s) => s.category === 'done');
    if (!done) throw new Error('The demo site has no done status');
    e2e.sandbox.forge.jira.setStatus(ranked.value.items[1]!.issueId, done.id);
  });
  afterAll(async () => {
    await e2e.stop();
  });
  beforeEach(async () => {
    // axe gathers the frames' results through a second page of the same context.
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  /**
   * Checks the screen at rest: the pointer is moved off the control just pressed, whose
   * hover colours (Atlaskit's, on a selected button) are not what the screen shows.
   */
  async function expectAccessible(target: Page, screen: string): Promise<void> {
    await target.mouse.move(0, 0);
    await axeCheck(target, screen);
  }

  async function panelOf(issueId: string, theme: Theme): Promise<FrameLocator> {
    return openPanel(page, e2e.sandbox.url, { accountId: DEMO_USERS.bob, projectId, issueId, theme });
  }

  async function projectPage(theme: Theme): Promise<FrameLocator> {
    const query = new URLSearchParams({ tab: 'project', projectId, accountId: DEMO_USERS.bob, theme });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    return page.frameLocator('iframe[data-testid="frame-project"]');
  }

  describe.each<Theme>(['light', 'dark'])('the issue panel (%s)', (theme) => {
    it('with evidence and its score explained', async () => {
      const panel = await panelOf(withEvidence, theme);
      await panel.getByTestId('evidence-card').first().waitFor();
      await panel.getByTestId('explanation-toggle').click();
      await panel.getByTestId('contribution-row').first().waitFor();
      await expectAccessible(page, `panel with evidence (${theme})`);
    });

    it('on an issue with no evidence', async () => {
      const panel = await panelOf(withoutEvidence, theme);
      await panel.getByTestId('panel-empty').waitFor();
      await expectAccessible(page, `empty panel (${theme})`);
    });

    it('with the capture form open', async () => {
      const panel = await panelOf(withEvidence, theme);
      await panel.getByTestId('add-evidence-button').click();
      await panel.getByTestId('capture-summary').waitFor();
      await expectAccessible(page, `panel capture form (${theme})`);
    });

    it('with the link-existing search open', async () => {
      const panel = await panelOf(withEvidence, theme);
      await panel.getByTestId('link-existing-button').click();
      await panel.getByRole('searchbox').or(panel.getByRole('textbox')).first().waitFor();
      await expectAccessible(page, `panel link existing (${theme})`);
    });

    it('with an unlink confirmation open', async () => {
      const panel = await panelOf(withEvidence, theme);
      await panel.getByTestId('unlink-button').first().click();
      await panel.getByTestId('unlink-confirm').waitFor();
      await expectAccessible(page, `panel unlink confirmation (${theme})`);
    });
  });

  describe.each<Theme>(['light', 'dark'])('the project page (%s)', (theme) => {
    it('ranked backlog, with a row’s evidence open', async () => {
      const frame = await projectPage(theme);
      await frame.getByTestId('chart-bar').first().waitFor();
      await frame.getByTestId('ranked-expand').first().click();
      await frame.getByTestId('row-evidence').getByTestId('evidence-card').first().waitFor();
      await expectAccessible(page, `ranked backlog (${theme})`);
    });

    it('insight library', async () => {
      const frame = await projectPage(theme);
      await frame.getByTestId('tab-library').click();
      await frame.getByTestId('library-item').first().waitFor();
      await expectAccessible(page, `insight library (${theme})`);
    });

    it('import', async () => {
      const frame = await projectPage(theme);
      await frame.getByTestId('tab-import').click();
      await frame.getByTestId('import-file').waitFor({ state: 'attached' });
      await expectAccessible(page, `import (${theme})`);
    });

    it('shipped for customers', async () => {
      const frame = await projectPage(theme);
      await frame.getByTestId('tab-shipped').click();
      await frame.getByTestId('shipped-issue').first().waitFor();
      await expectAccessible(page, `shipped for customers (${theme})`);
    });
  });

  it.each<Theme>(['light', 'dark'])('the admin page (%s)', async (theme) => {
    const query = new URLSearchParams({ tab: 'admin', projectId, accountId: DEMO_USERS.alice, theme });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    const frame = page.frameLocator('iframe[data-testid="frame-admin"]');
    await frame.getByRole('button', { name: /save/i }).first().waitFor();
    await expectAccessible(page, `admin page (${theme})`);
  });
});
