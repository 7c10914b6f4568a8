import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../local/jira/seed';
import { panelResolver } from '../../src/handlers/panel-resolver';
import { projectResolver } from '../../src/handlers/project-resolver';
import type { ResolverFunction } from '../../local/host/forge-host';
import { ARTIFACTS, openPanel, startE2E, type E2E } from './browser-kit';

/**
 * The issue panel as people use it: in headless Chromium, inside the sandbox's Jira
 * shell, on the production bundle, against the real resolvers.
 */
describe('issue panel in the browser', () => {
  let e2e: E2E;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    projectId = e2e.sandbox.forge.seed.projects[0]!.id;
  });
  afterAll(async () => {
    await e2e.stop();
  });
  beforeEach(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
  });

  /** The top-ranked issue of the project, and one with no evidence at all. */
  async function issues(): Promise<{ withEvidence: string; withoutEvidence: string }> {
    const ranked = (await e2e.sandbox.forge.invoke(
      projectResolver as ResolverFunction,
      DEMO_USERS.bob,
      { module: 'projectPage', projectId },
      'project/rankedIssues',
      { limit: 100 }
    )) as {
      ok: true;
      value: { items: { issueId: string }[] };
    };
    const scored = new Set(ranked.value.items.map((r) => r.issueId));
    const open = e2e.sandbox.forge.seed.issues.filter((i) => i.projectId === projectId && !i.securityLevel);
    const withoutEvidence = open.find(
      (i) => !scored.has(i.id) && !i.parentId && !open.some((c) => c.parentId === i.id)
    );
    return { withEvidence: ranked.value.items[0]!.issueId, withoutEvidence: withoutEvidence!.id };
  }

  async function score(panel: FrameLocator): Promise<number> {
    const text = await panel.getByTestId('impact-score').innerText();
    return Number(text.replace(/[^0-9.]/g, ''));
  }

  it('shows an issue’s evidence and explains its score', async () => {
    const { withEvidence } = await issues();
    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.bob,
      projectId,
      issueId: withEvidence
    });
    await panel.getByTestId('evidence-card').first().waitFor();
    expect(await score(panel)).toBeGreaterThan(0);
    await panel.getByTestId('explanation-toggle').click();
    const rows = panel.getByTestId('contribution-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toMatch(/\+\d/);
    await page.waitForTimeout(800); // the shell sizes the frame to its content, as Jira does
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-light.png'), fullPage: true });
  });

  it('renders in Jira’s dark theme', async () => {
    const { withEvidence } = await issues();
    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.bob,
      projectId,
      issueId: withEvidence,
      theme: 'dark'
    });
    await panel.getByTestId('evidence-card').first().waitFor();
    const mode = await panel.locator('html').getAttribute('data-color-mode');
    expect(mode).toBe('dark');
    await panel.getByTestId('explanation-toggle').click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-dark.png'), fullPage: true });
  });

  it('captures and links an insight, then unlinks it, and the score follows', async () => {
    const { withoutEvidence } = await issues();
    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.bob,
      projectId,
      issueId: withoutEvidence
    });
    await panel.getByTestId('panel-empty').waitFor();
    await panel.getByTestId('empty-add-evidence').click();
    await panel.getByTestId('capture-summary').fill('Exports time out for large workspaces');
    await panel.getByTestId('capture-quote').fill('We export every Friday and it fails half the time.');
    await panel.getByTestId('capture-account-name').fill('Initech');
    await panel.getByTestId('capture-arr').fill('96000');
    await panel.getByTestId('capture-note').fill('Blocks their weekly reporting');
    await panel.getByTestId('capture-submit').click();
    await panel.getByTestId('evidence-card').first().waitFor();
    expect(await panel.getByTestId('card-summary').first().innerText()).toContain(
      'Exports time out for large workspaces'
    );
    const first = await score(panel);
    expect(first).toBeGreaterThan(0);
    await expect(page.getByTestId('flag').first().innerText()).resolves.toBeTruthy();

    await panel.getByTestId('unlink-button').first().click();
    const confirm = panel.getByTestId('unlink-confirm');
    if (await confirm.count()) await confirm.first().click();
    await panel.getByTestId('panel-empty').waitFor();
  });

  it('shows validation messages on the form and writes nothing', async () => {
    const { withoutEvidence } = await issues();
    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.bob,
      projectId,
      issueId: withoutEvidence
    });
    await panel.getByTestId('empty-add-evidence').click();
    await panel.getByTestId('capture-source-url').fill('javascript:alert(1)');
    await panel.getByTestId('capture-submit').click();
    await panel.getByText(/http/i).first().waitFor();
    await panel.getByTestId('capture-cancel').click();
    await panel.getByTestId('panel-empty').waitFor();
  });

  it('gives a viewer no edit actions, and the backend refuses them anyway', async () => {
    const { withEvidence } = await issues();
    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.carol,
      projectId,
      issueId: withEvidence
    });
    await panel.getByTestId('evidence-card').first().waitFor();
    await page.waitForTimeout(500);
    expect(await panel.getByTestId('unlink-button').count()).toBe(0);
    expect(await panel.getByTestId('add-evidence-button').count()).toBe(0);
    expect(await panel.getByTestId('link-existing-button').count()).toBe(0);

    // Try anyway, through the same bridge the panel uses.
    const answer = await page.evaluate(
      async ({ issueId, projectId, accountId }) => {
        // With the session token the shell page holds: the sandbox's own guard is not under test here.
        const token = document.querySelector<HTMLMetaElement>('meta[name="sandbox-token"]')?.content ?? '';
        const response = await fetch('/api/bridge', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sandbox-token': token },
          body: JSON.stringify({
            name: 'invoke',
            payload: {
              functionKey: 'panel/captureAndLink',
              payload: {
                insight: { summary: 'sneaky', sourceKind: 'other', observedAt: '2026-11-01' },
                note: ''
              }
            },
            site: { module: 'panel', issueId, projectId, accountId, theme: 'light' }
          })
        });
        return (await response.json()) as { value: { ok: boolean; error?: { code: string } } };
      },
      { issueId: withEvidence, projectId, accountId: DEMO_USERS.carol }
    );
    expect(answer.value).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('renders hostile text as inert text', async () => {
    const { withoutEvidence } = await issues();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const created = (await e2e.sandbox.forge.invoke(
      panelResolver as ResolverFunction,
      DEMO_USERS.bob,
      { module: 'issuePanel', issueId: withoutEvidence, projectId },
      'panel/captureAndLink',
      {
        insight: {
          summary: `Hostile ${hostile}`,
          quote: hostile,
          sourceKind: 'review',
          observedAt: '2026-11-01'
        },
        note: hostile
      }
    )) as { ok: boolean };
    expect(created.ok).toBe(true);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const panel = await openPanel(page, e2e.sandbox.url, {
      accountId: DEMO_USERS.bob,
      projectId,
      issueId: withoutEvidence
    });
    await panel.getByTestId('evidence-card').first().waitFor();
    expect(await panel.getByTestId('card-summary').first().innerText()).toContain('<script>');
    expect(await panel.getByTestId('evidence-card').first().locator('img').count()).toBe(0);
    const pwned = await page
      .frame({ url: /\/module\/panel\// })
      ?.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    expect(pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
