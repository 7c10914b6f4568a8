import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { ResolverFunction } from '../../local/host/forge-host';
import { DEMO_USERS } from '../../local/jira/seed';
import type { Result } from '../../src/contract/result';
import type { PayloadOf, ProjectContract, ResultOf } from '../../src/contract/surfaces';
import { projectResolver } from '../../src/handlers/project-resolver';
import { ARTIFACTS, startE2E, type E2E } from './browser-kit';

/**
 * The project page as people use it: headless Chromium, the sandbox's Jira shell, the
 * production bundle, the real resolvers. Bob (who may edit) ranks the backlog, reads an
 * issue's evidence in place, opens an issue, triages the inbox, imports a CSV twice and
 * sees which customers to tell about work that shipped.
 */
describe('project page in the browser', () => {
  let e2e: E2E;
  let page: Page;
  let projectId: string;
  let dir: string;

  beforeAll(async () => {
    e2e = await startE2E();
    projectId = e2e.sandbox.forge.seed.projects[0]!.id;
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-import-'));
  });
  afterAll(async () => {
    await e2e.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterEach(async () => {
    await page.close();
  });

  async function openProjectPage(): Promise<FrameLocator> {
    const query = new URLSearchParams({
      tab: 'project',
      projectId,
      accountId: DEMO_USERS.bob,
      theme: 'light'
    });
    await page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    return page.frameLocator('iframe[data-testid="frame-project"]');
  }

  /** Asks the backend directly as Bob, to pick test subjects the way a person would by eye. */
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

  async function scoreOf(frame: FrameLocator, key: string): Promise<number> {
    const row = frame.locator(`[data-testid="ranked-row"][data-issue-key="${key}"]`);
    await row.waitFor();
    return Number(await row.getAttribute('data-score'));
  }

  async function scores(frame: FrameLocator): Promise<number[]> {
    const rows = frame.getByTestId('ranked-row');
    await rows.first().waitFor();
    return (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-score')))).map(Number);
  }

  /** Picks an option of an Atlaskit Select (react-select opens on a press of its control). */
  async function choose(frame: FrameLocator, testId: string, option: string): Promise<void> {
    await frame.getByTestId(`${testId}-select--control`).click();
    await frame.getByRole('option', { name: option, exact: true }).click();
  }

  it('ranks the backlog by score, filters to epics, and shows a row’s evidence in place', async () => {
    const frame = await openProjectPage();
    const ranked = await scores(frame);
    expect(ranked.length).toBeGreaterThan(1);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    await frame.getByTestId('chart-bar').first().waitFor();

    await choose(frame, 'filter-level', 'Epics and above');
    // The first page of the new filter replaces the list: wait until no story or sub-task is left.
    await frame
      .locator('[data-testid="ranked-row"][data-level="0"], [data-testid="ranked-row"][data-level="-1"]')
      .first()
      .waitFor({ state: 'detached' });
    await frame.getByTestId('ranked-row').first().waitFor();
    const levels = await frame
      .getByTestId('ranked-row')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-level'))));
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((level) => level >= 1)).toBe(true);
    const epicScores = await scores(frame);
    expect(epicScores).toEqual([...epicScores].sort((a, b) => b - a));

    await frame.getByTestId('ranked-expand').first().click();
    const evidence = frame.getByTestId('row-evidence');
    await evidence.getByTestId('evidence-card').first().waitFor();
    expect(await evidence.getByTestId('evidence-card').count()).toBeGreaterThan(0);
    expect(await evidence.getByTestId('evidence-card').count()).toBeLessThanOrEqual(3);
    expect(await evidence.getByTestId('contribution-row').first().innerText()).toMatch(/^\+\d/);
    await page.mouse.move(0, 0); // no hover highlight in the screenshot
    await page.waitForTimeout(800); // the shell sizes the frame to its content, as Jira does
    await page.screenshot({ path: path.join(ARTIFACTS, 'project-page.png'), fullPage: true });
  });

  it('fits the backlog in 1280 px, sorts it by a column heading, and links each key', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const frame = await openProjectPage();
    await frame.getByTestId('ranked-row').first().waitFor();
    const table = frame.getByRole('table', { name: /^Issues sorted by/ });
    // No column is cut off: the table is no wider than the box it scrolls in.
    const widths = await table.evaluate((el) => ({
      table: el.scrollWidth,
      box: (el.parentElement as HTMLElement).clientWidth,
      page: el.ownerDocument.documentElement.scrollWidth,
      view: el.ownerDocument.documentElement.clientWidth
    }));
    expect(widths.table).toBeLessThanOrEqual(widths.box);
    expect(widths.page).toBeLessThanOrEqual(widths.view);

    await table.getByRole('button', { name: 'Accounts', exact: true }).click();
    await frame.getByRole('table', { name: 'Issues sorted by accounts, highest first' }).waitFor();
    await frame
      .getByRole('columnheader', { name: 'Accounts' })
      .and(frame.locator('[aria-sort="descending"]'))
      .waitFor();
    const accounts = await frame
      .getByTestId('ranked-row')
      .evaluateAll((els) => els.map((el) => Number(el.querySelectorAll('td')[6]?.textContent)));
    expect(accounts.length).toBeGreaterThan(1);
    expect(accounts).toEqual([...accounts].sort((a, b) => b - a));

    const first = frame.getByTestId('ranked-row').first();
    const key = await first.getAttribute('data-issue-key');
    const link = first.getByRole('link', { name: key!, exact: true });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^https?://[^/]+/browse/${key}$`));
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('opens a ranked issue in Jira: the shell navigates to it and shows its panel', async () => {
    const frame = await openProjectPage();
    const first = frame.getByTestId('ranked-row').first();
    await first.waitFor();
    const key = await first.getAttribute('data-issue-key');
    await first.getByTestId('ranked-open').click();
    const panel = page.frameLocator('iframe[data-testid="frame-panel"]');
    await panel.getByTestId('evidence-card').first().waitFor();
    expect(await page.getByTestId('issue-heading').count()).toBe(1);
    const meta = await page.locator('.meta').first().innerText();
    expect(meta).toContain(key!);
  });

  it('dismisses an inbox item, which leaves the inbox and waits under “Not actionable”', async () => {
    const frame = await openProjectPage();
    await frame.getByTestId('tab-library').click();
    const first = frame.getByTestId('library-item').first();
    await first.waitFor();
    const summary = await first.getByTestId('library-item-summary').innerText();
    await first.getByTestId('dismiss-button').click();
    await frame
      .getByTestId('library-item-summary')
      .filter({ hasText: summary })
      .first()
      .waitFor({ state: 'detached' });
    await frame.getByTestId('library-status-dismissed').click();
    await frame.getByTestId('library-item-summary').filter({ hasText: summary }).first().waitFor();
  });

  it('imports a CSV, reports the bad lines, and finds only duplicates the second time', async () => {
    const file = path.join(dir, 'support-export.csv');
    writeFileSync(
      file,
      [
        'Ticket ID,Title,Body,Customer,Segment,ARR,Created At,Link,Priority',
        'ZD-9001,Bulk edit loses labels,"We edited 200 issues, labels vanished",Acme Corporation,enterprise,480000,2025-03-01,https://support.example.com/9001,high',
        'ZD-9002,Slow board with many swimlanes,Board takes 20s to load,Globex,enterprise,350000,2025-03-02,https://support.example.com/9002,medium',
        'ZD-9003,,Row without a summary,Initech,mid_market,96000,2025-03-03,,low',
        'ZD-9004,Export misses custom fields,CSV export drops our fields,Hooli,enterprise,260000,2025-03-04,,critical',
        'ZD-9005,Mobile app logs out,Every morning we log in again,Wonka Foods,smb,18000,2025-03-05,,medium',
        'ZD-9006,Phishing link,Looks like a link,Soylent Co,smb,12000,2025-03-06,javascript:alert(1),low',
        'ZD-9007,Dark mode for reports,Reports are blinding at night,Pied Piper,self_serve,1200,2025-03-07,,low'
      ].join('\n')
    );
    const frame = await openProjectPage();
    await frame.getByTestId('tab-import').click();

    await frame.getByTestId('import-file').setInputFiles(file);
    await frame.getByTestId('preview-row').first().waitFor();
    expect(await frame.getByTestId('map-summary').getAttribute('data-column')).toBe('Title');
    expect(await frame.getByTestId('map-key').getAttribute('data-column')).toBe('Ticket ID');
    const previewValid = await frame
      .getByTestId('preview-row')
      .evaluateAll((els) =>
        els.map((el) => `${el.getAttribute('data-line')}:${el.getAttribute('data-valid')}`)
      );
    expect(previewValid).toEqual(['2:true', '3:true', '4:false', '5:true', '6:true', '7:false', '8:true']);

    await frame.getByTestId('import-start').click();
    await frame.getByTestId('import-report').waitFor();
    expect(await frame.getByTestId('import-created').innerText()).toBe('5');
    expect(await frame.getByTestId('import-duplicates').innerText()).toBe('0');
    expect(await frame.getByTestId('import-invalid').innerText()).toBe('2');
    const bad = frame.getByTestId('import-invalid-row');
    expect(await bad.evaluateAll((els) => els.map((el) => el.getAttribute('data-line')))).toEqual(['4', '7']);
    expect(await bad.nth(0).innerText()).toContain('Summary is required');
    expect(await bad.nth(1).innerText()).toContain('Only http:// and https:// links are allowed');

    await frame.getByTestId('import-another').click();
    await frame.getByTestId('import-file').setInputFiles(file);
    await frame.getByTestId('import-start').click();
    await frame.getByTestId('import-report').waitFor();
    expect(await frame.getByTestId('import-created').innerText()).toBe('0');
    expect(await frame.getByTestId('import-duplicates').innerText()).toBe('5');
    expect(await frame.getByTestId('import-invalid').innerText()).toBe('2');

    // The five new insights wait in the inbox.
    await frame.getByTestId('tab-library').click();
    await frame
      .getByTestId('library-item-summary')
      .filter({ hasText: 'Bulk edit loses labels' })
      .first()
      .waitFor();
  });

  it('links an inbox item to an issue found by key: it leaves the inbox and the issue’s score rises', async () => {
    // An inbox insight from a customer the issue has not heard from yet, so the link must
    // raise the score (a second insight from the same account may not).
    const inbox = (await call('project/listInsights', { status: 'new', limit: 100 })).items;
    const ranked = (await call('project/rankedIssues', { limit: 50 })).items;
    let pick: { summary: string; key: string } | undefined;
    for (const issue of ranked) {
      const impact = (await call('project/getEvidence', { issueId: issue.issueId })).impact;
      if (!impact || impact.totalCards !== impact.cards.length) continue;
      const heard = new Set(impact.cards.map((c) => c.account?.key));
      const insight = inbox.find(
        (i) =>
          (i.accountKey === undefined || !heard.has(i.accountKey)) &&
          inbox.filter((other) => other.summary === i.summary).length === 1
      );
      if (insight) {
        pick = { summary: insight.summary, key: issue.key };
        break;
      }
    }
    if (!pick) throw new Error('The demo data has no inbox insight new to a ranked issue');

    const frame = await openProjectPage();
    const before = await scoreOf(frame, pick.key);
    await frame.getByTestId('tab-library').click();
    const item = frame.getByTestId('library-item').filter({ hasText: pick.summary });
    await item.getByTestId('link-button').click();
    await item.getByTestId('issue-search').fill(pick.key);
    await item.getByTestId('issue-search-submit').click();
    await item.getByTestId('issue-hit').filter({ hasText: pick.key }).getByTestId('issue-hit-select').click();
    await item.getByTestId('link-note').fill('Same request, asked by another customer');
    await item.getByTestId('link-confirm').click();
    await frame
      .getByTestId('library-item-summary')
      .filter({ hasText: pick.summary })
      .waitFor({ state: 'detached' });

    await frame.getByTestId('tab-ranked').click();
    // The kept ranking reloads when shown again: wait for the row's new score.
    await frame
      .locator(`[data-testid="ranked-row"][data-issue-key="${pick.key}"]:not([data-score="${before}"])`)
      .waitFor();
    expect(await scoreOf(frame, pick.key)).toBeGreaterThan(before);
  });

  it('lists work done in Jira with the customers to tell, and exports it as CSV', async () => {
    // The demo site's issues were last touched long ago: finish the top open issue in
    // Jira now, as a developer would, so it counts as recently shipped.
    const [top] = (await call('project/rankedIssues', { limit: 1 })).items;
    if (!top) throw new Error('The demo data ranks no issue');
    const done = e2e.sandbox.forge.seed.statuses.find((s) => s.category === 'done');
    if (!done) throw new Error('The demo site has no done status');
    e2e.sandbox.forge.jira.setStatus(top.issueId, done.id);

    const frame = await openProjectPage();
    await frame.getByTestId('tab-shipped').click();
    const issue = frame.getByTestId('shipped-issue').filter({
      has: frame.locator('[data-testid="shipped-open"]', { hasText: new RegExp(`^${top.key}$`) })
    });
    await issue.waitFor();
    expect(await issue.getByTestId('shipped-summary').innerText()).toBe(top.summary);
    const accounts = await issue.getByTestId('shipped-account').count();
    expect(accounts).toBeGreaterThan(0);
    expect(await issue.getByTestId('shipped-insight').count()).toBeGreaterThan(0);
    const firstAccount = (
      await issue.getByTestId('shipped-account').first().locator('td').first().innerText()
    ).trim();

    await page.waitForTimeout(800); // the shell sizes the frame to its content, as Jira does
    await page.screenshot({ path: path.join(ARTIFACTS, 'project-shipped.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByTestId('shipped-export').click()
    ]);
    expect(download.suggestedFilename()).toMatch(/^shipped-for-customers-30d-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'issue key,issue summary,done,score,account,ARR,insights,insight summaries,requests told'
    );
    const rows = lines.filter((line) => line.startsWith(`${top.key},`));
    expect(rows).toHaveLength(accounts);
    expect(rows.some((line) => line.includes(`,${firstAccount},`))).toBe(true);
  });
});
