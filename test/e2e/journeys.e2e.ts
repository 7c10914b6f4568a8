import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../local/jira/seed';
import { startE2E, type E2E } from './browser-kit';
import {
  ask,
  AxeScreens,
  choose,
  chosen,
  money,
  newVisit,
  openIssue,
  openProject,
  type Visit
} from './journey-kit';

/**
 * Each persona's way through the app, in headless Chromium on the production bundle,
 * with axe's WCAG 2.1 A/AA check on every screen they reach: the PM reads why an issue
 * matters, the CX lead captures and imports, the manager ranks the backlog, the viewer
 * only reads. One sandbox for the file; each journey works on data no other one touches.
 */
/**
 * A journey reaches up to seven screens and axe checks each (seconds apiece, more on a
 * busy machine): more time than the browser tests' default of two minutes per test.
 */
const JOURNEY_MS = 360_000;

describe('persona journeys in the browser', () => {
  let e2e: E2E;
  let projectId: string;
  let dir: string;
  let visit: Visit;
  let page: Page;
  let axe: AxeScreens;

  const projectSite = (): { module: 'projectPage'; projectId: string } => ({
    module: 'projectPage',
    projectId
  });

  beforeAll(async () => {
    e2e = await startE2E();
    projectId = e2e.sandbox.forge.seed.projects[0]!.id;
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-journeys-'));
    // The CX lead curates through `cx-curators`, once a Jira admin names that group for
    // the project (the admin page's own browser test covers naming it).
    const admin = { module: 'adminPage' as const };
    const current = (await ask(e2e, DEMO_USERS.alice, admin, 'admin/listRoles', {})).find(
      (r) => r.projectId === projectId
    );
    await ask(e2e, DEMO_USERS.alice, admin, 'admin/saveRoles', {
      projectId,
      roles: {
        contributors: current?.contributors ?? [],
        curators: [...(current?.curators ?? []), 'cx-curators']
      }
    });
  });
  afterAll(async () => {
    await e2e.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    visit = await newVisit(e2e);
    page = visit.page;
    axe = new AxeScreens();
  });
  afterEach(async () => {
    await visit.context.close();
    // Every screen the journey reached must have passed axe's check.
    axe.assertAccessible();
  });

  /** The project's top-ranked issue, as Bob sees the ranking. */
  async function topIssue(): Promise<{ issueId: string; key: string }> {
    const ranked = await ask(e2e, DEMO_USERS.bob, projectSite(), 'project/rankedIssues', { limit: 1 });
    const top = ranked.items[0];
    if (!top) throw new Error('The demo data ranks no issue');
    return { issueId: top.issueId, key: top.key };
  }

  /** An issue with no evidence, no parent and no children: a capture changes only it. */
  async function issueWithoutEvidence(): Promise<string> {
    const ranked = await ask(e2e, DEMO_USERS.bob, projectSite(), 'project/rankedIssues', { limit: 100 });
    const scored = new Set(ranked.items.map((r) => r.issueId));
    const open = e2e.sandbox.forge.seed.issues.filter((i) => i.projectId === projectId && !i.securityLevel);
    const bare = open.find((i) => !scored.has(i.id) && !i.parentId && !open.some((c) => c.parentId === i.id));
    if (!bare) throw new Error('The demo data has no issue without evidence');
    return bare.id;
  }

  /** Waits until the frame has asked whether this user may change anything. */
  function accessAnswered(functionKey: string): Promise<unknown> {
    return page.waitForResponse(
      (r) => r.url().endsWith('/api/bridge') && (r.request().postData() ?? '').includes(`"${functionKey}"`)
    );
  }

  describe('PM (Bob) reads why an issue matters', () => {
    const LONG_QUOTE =
      'We run month-end close across four subsidiaries, and every time the export stalls our ' +
      'controllers rebuild the numbers by hand from three different screens. Last quarter that ' +
      'cost us two full days and a late filing notice from our auditors. If the export could ' +
      'finish in one go we would move our remaining business units onto the platform, roughly ' +
      'another four hundred seats, before renewal.';

    it(
      'reads the score’s breakdown and an evidence card’s whole quote',
      async () => {
        const top = await topIssue();
        // A CX colleague linked a long interview note to this issue earlier.
        await ask(
          e2e,
          DEMO_USERS.judy,
          { module: 'issuePanel', issueId: top.issueId, projectId },
          'panel/captureAndLink',
          {
            insight: {
              summary: 'Month-end export stalls for multi-entity finance teams',
              quote: LONG_QUOTE,
              sourceKind: 'interview',
              observedAt: '2026-11-20',
              severity: 'high',
              account: { name: 'Nakatomi Trading', segment: 'enterprise', arr: 540000 }
            },
            note: 'Renewal depends on it'
          }
        );

        const panel = await openIssue(visit, e2e, {
          accountId: DEMO_USERS.bob,
          projectId,
          issueId: top.issueId
        });
        const impact = panel.getByRole('group', { name: 'Customer impact' });
        await impact.waitFor();
        const score = (await impact.innerText()).replace('Customer impact', '').trim();
        expect(Number(score.replace(/,/g, ''))).toBeGreaterThan(0);
        await axe.check(page, 'PM: issue panel');

        const why = panel.getByRole('button', { name: 'Why this score?' });
        await why.click();
        const breakdown = panel.getByRole('group', { name: 'Score breakdown' });
        await breakdown.waitFor();
        expect(
          await panel.getByRole('button', { name: 'Hide breakdown' }).getAttribute('aria-expanded')
        ).toBe('true');
        // One row per account: who, and the revenue and recency that weigh its points.
        const rows = breakdown.getByRole('listitem');
        const texts = await rows.allInnerTexts();
        expect(texts.length).toBeGreaterThan(0);
        for (const row of texts) {
          expect(row).toMatch(/^\+\d/);
          expect(row).toMatch(/revenue ×[\d.]+ \((\$[\d.,]+[kM]? ARR|no ARR)\)/);
          expect(row).toMatch(/recency ×[\d.]+ \(\d+ days? old\)/);
        }
        expect(texts.some((row) => row.includes('Nakatomi Trading'))).toBe(true);
        // The rows (and "and N more accounts") account for every account the headline counts.
        const accounts = (await panel.getByTestId('stat-accounts').innerText())
          .match(/\d+/g)!
          .map(Number)
          .reduce((a, b) => a + b, 0);
        const more = panel.getByTestId('more-accounts');
        const hidden = (await more.count()) > 0 ? Number((await more.innerText()).match(/\d+/)![0]) : 0;
        expect(texts.length + hidden).toBe(accounts);
        expect(await breakdown.innerText()).toContain(`Total ${score}`);
        await axe.check(page, 'PM: score breakdown');

        const card = panel
          .getByTestId('evidence-card')
          .filter({ hasText: 'Month-end export stalls for multi-entity finance teams' });
        const quote = card.getByRole('blockquote');
        expect(await quote.innerText()).toMatch(/…$/);
        expect((await quote.innerText()).length).toBeLessThan(LONG_QUOTE.length);
        await card.getByRole('button', { name: 'Show full quote' }).click();
        await card.getByRole('button', { name: 'Show less' }).waitFor();
        expect(await quote.innerText()).toBe(LONG_QUOTE);
        expect(await card.getByTestId('card-note').innerText()).toBe(
          'Why this is evidence: Renewal depends on it'
        );
        await axe.check(page, 'PM: evidence quote');
      },
      JOURNEY_MS
    );
  });

  describe('CX lead (Judy) captures and imports', () => {
    it(
      'captures on an issue for an existing account found by typing part of its name',
      async () => {
        const issueId = await issueWithoutEvidence();
        const panel = await openIssue(visit, e2e, { accountId: DEMO_USERS.judy, projectId, issueId });
        await panel.getByTestId('panel-empty').waitFor();
        await panel.getByRole('button', { name: 'Add evidence' }).click();
        const form = panel.getByRole('form', { name: 'Add evidence' });
        await form.waitFor();
        await axe.check(page, 'CX lead: capture form');

        await form.getByTestId('capture-summary').fill('Invoices need a purchase order number');
        await form.getByTestId('capture-quote').fill('Our AP team rejects any invoice without a PO.');
        await form.getByTestId('capture-account-name').fill('acme corp');
        const matches = form.getByRole('list', { name: 'Matching accounts' });
        await matches.getByRole('button', { name: 'Acme Corporation', exact: true }).click();
        expect(await form.getByTestId('capture-account-name').inputValue()).toBe('Acme Corporation');
        await form.getByText('Existing account: Acme Corporation. Its name stays as stored.').waitFor();
        // The stored account's revenue comes with it.
        expect(await form.getByTestId('capture-arr').inputValue()).toBe('480000');
        await axe.check(page, 'CX lead: account picked');
        await form.getByRole('button', { name: 'Add and link' }).click();

        const card = panel
          .getByTestId('evidence-card')
          .filter({ hasText: 'Invoices need a purchase order number' });
        await card.waitFor();
        expect(await card.getByTestId('card-meta').innerText()).toContain(
          'Acme Corporation (Enterprise, $480k ARR)'
        );

        // The library shows the insight under the account's stored name, not what was typed;
        // it lists the newest first, so the capture heads "All" (linked, or addressed if the
        // issue is done).
        const project = await openProject(visit, e2e, { accountId: DEMO_USERS.judy, projectId });
        await project.getByRole('tab', { name: 'Insight library' }).click();
        await project.getByRole('button', { name: 'All', exact: true }).click();
        const item = project.getByRole('listitem', { name: 'Invoices need a purchase order number' });
        await item.waitFor();
        const itemText = await item.innerText();
        expect(itemText).toContain('Acme Corporation (Enterprise');
        expect(itemText).not.toMatch(/acme corp\b/);
        await axe.check(page, 'CX lead: insight library');
      },
      JOURNEY_MS
    );

    it(
      'imports a Zendesk export with the Zendesk preset, and the next import offers the saved mapping',
      async () => {
        const header = 'Ticket ID,Subject,Description,Customer,Plan,Priority,Channel,Created at';
        const october = path.join(dir, 'zendesk-october.csv');
        writeFileSync(
          october,
          [
            header,
            'ZD-7101,Refunds need a reason code,"Finance asks for a reason on every refund, so we keep a spreadsheet",Vance Refrigeration,Enterprise,urgent,email,2026-10-05',
            'ZD-7102,Saved replies cannot be shared,Each agent keeps their own copy of the replies,Sabre Inc,Pro,normal,chat,2026-10-07',
            'ZD-7103,Attachments over 20 MB fail,Customers send videos and the upload stops at 20 MB,Kruger Industrial,Scale,urgent,chat,2026-10-09',
            'ZD-7104,SLA timer ignores holidays,Our SLA report counts public holidays as working days,Bluebird Travel,Team,normal,email,2026-10-12'
          ].join('\n')
        );
        let project = await openProject(visit, e2e, { accountId: DEMO_USERS.judy, projectId });
        await project.getByRole('tab', { name: 'Import CSV' }).click();
        await project.getByLabel('CSV file').setInputFiles(october);
        await project.getByRole('heading', { name: 'Map the columns of zendesk-october.csv' }).waitFor();
        await project.getByRole('heading', { name: 'Map values' }).waitFor();
        // Nothing in these headers names the tool: the person says where the file came from.
        expect(await chosen(project, 'import-preset')).toBe('Another tool (no preset)');
        await project.getByText(/^\d+ values not mapped$/).waitFor();
        await axe.check(page, 'CX lead: import mapping');

        await choose(project, 'import-preset', 'Zendesk');
        const severity = project.getByRole('table', { name: 'Severity from “Priority”' });
        const source = project.getByRole('table', { name: 'Source kind from “Channel”' });
        const plan = project.getByRole('table', { name: 'Account segment from “Plan”' });
        const choiceFor = async (table: typeof plan, value: string): Promise<string> => {
          const row = table
            .getByRole('row')
            .filter({ has: project.getByRole('cell', { name: value, exact: true }) });
          return (await row.locator('[data-testid$="-select--control"]').innerText()).trim();
        };
        expect(await choiceFor(severity, 'urgent')).toBe('Critical');
        expect(await choiceFor(severity, 'normal')).toBe('Medium');
        expect(await choiceFor(source, 'email')).toBe('Support ticket');
        expect(await choiceFor(source, 'chat')).toBe('Support ticket');
        expect(await choiceFor(plan, 'Pro')).toBe('Mid-market');
        // A plan Zendesk's preset cannot know stays for the person to decide.
        await project.getByText('1 value not mapped', { exact: true }).waitFor();
        const scale = plan
          .getByRole('row')
          .filter({ has: project.getByRole('cell', { name: 'Scale', exact: true }) });
        await scale.locator('[data-testid$="-select--control"]').click();
        await project.getByRole('option', { name: 'Enterprise', exact: true }).click();
        await project.getByText('1 value not mapped', { exact: true }).waitFor({ state: 'detached' });
        expect(await project.getByTestId('preview-summary').innerText()).toContain(
          '4 of 4 rows ready to import'
        );
        await axe.check(page, 'CX lead: values mapped');

        await project.getByRole('button', { name: 'Import 4 rows' }).click();
        const report = project.getByTestId('import-report');
        await report.waitFor();
        expect(await report.innerText()).toContain('4 created · 0 already imported · 0 invalid');
        expect(await report.innerText()).toContain('New insights wait in the inbox of the insight library.');
        expect(await project.getByRole('table', { name: 'Invalid rows' }).count()).toBe(0);
        await axe.check(page, 'CX lead: import report');

        // The imported tickets wait in the inbox as plain words, mapped as chosen.
        await project.getByRole('tab', { name: 'Insight library' }).click();
        const refunds = project.getByRole('listitem', { name: 'Refunds need a reason code' });
        await refunds.waitFor();
        expect(await refunds.getByRole('blockquote').innerText()).toBe(
          'Finance asks for a reason on every refund, so we keep a spreadsheet'
        );
        const refundsText = await refunds.innerText();
        expect(refundsText).toContain('Critical');
        expect(refundsText).toContain('Support ticket · Vance Refrigeration (Enterprise)');
        const attachments = project.getByRole('listitem', { name: 'Attachments over 20 MB fail' });
        expect(await attachments.innerText()).toContain('Kruger Industrial (Enterprise)');

        // Next month's export, on another day: the project remembers the tool and the choices.
        const november = path.join(dir, 'zendesk-november.csv');
        writeFileSync(
          november,
          [
            header,
            'ZD-7188,Macros cannot set custom fields,We rebuild the same macro for every brand,Kruger Industrial,Scale,urgent,chat,2026-11-02',
            'ZD-7189,Side conversations lose formatting,Bullets vanish when we reply in a side conversation,Sabre Inc,Pro,normal,email,2026-11-03'
          ].join('\n')
        );
        project = await openProject(visit, e2e, { accountId: DEMO_USERS.judy, projectId });
        await project.getByRole('tab', { name: 'Import CSV' }).click();
        await project.getByLabel('CSV file').setInputFiles(november);
        await project.getByRole('heading', { name: 'Map values' }).waitFor();
        expect(await chosen(project, 'import-preset')).toBe('Zendesk');
        expect(await choiceFor(plan, 'Scale')).toBe('Enterprise');
        expect(await choiceFor(severity, 'urgent')).toBe('Critical');
        expect(await project.getByText(/values? not mapped$/).count()).toBe(0);
        await axe.check(page, 'CX lead: saved mapping offered');
        await project.getByRole('button', { name: 'Import 2 rows' }).click();
        await report.waitFor();
        expect(await report.innerText()).toContain('2 created · 0 already imported · 0 invalid');
      },
      JOURNEY_MS
    );
  });

  describe('Manager (Frank) ranks the backlog', () => {
    /** What the backlog lists, row by row as shown. */
    async function listed(frame: FrameLocator): Promise<{ key: string; score: number }[]> {
      const rows = frame.getByTestId('ranked-row');
      await rows.first().waitFor();
      return rows.evaluateAll((els) =>
        els.map((el) => ({
          key: el.getAttribute('data-issue-key') ?? '',
          score: Number(el.getAttribute('data-score'))
        }))
      );
    }

    async function chartTotal(frame: FrameLocator): Promise<number> {
      await frame.getByTestId('chart-bar').first().waitFor();
      const values = await frame
        .getByTestId('chart-bar')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
      return values.reduce((a, b) => a + b, 0);
    }

    it(
      'sorts by accounts and revenue, and the chart counts each insight once at every level',
      async () => {
        const frame = await openProject(visit, e2e, { accountId: DEMO_USERS.frank, projectId });
        const summary = frame.getByTestId('filters-summary');
        await frame.getByTestId('ranked-row').first().waitFor();
        expect(await summary.innerText()).toBe(
          'Open issues at every level, sorted by score (highest first).'
        );
        await axe.check(page, 'Manager: ranked backlog');

        await frame.getByRole('button', { name: 'Accounts', exact: true }).click();
        await frame.getByRole('table', { name: 'Issues sorted by accounts, highest first' }).waitFor();
        expect(await summary.innerText()).toBe(
          'Open issues at every level, sorted by accounts (highest first).'
        );
        const accounts = await frame
          .getByTestId('ranked-row')
          .evaluateAll((els) => els.map((el) => Number(el.querySelectorAll('td')[6]?.textContent)));
        expect(accounts.length).toBeGreaterThan(1);
        expect(accounts).toEqual([...accounts].sort((a, b) => b - a));

        await frame.getByRole('button', { name: 'ARR at stake', exact: true }).click();
        await frame.getByRole('table', { name: 'Issues sorted by ARR at stake, highest first' }).waitFor();
        await frame
          .getByRole('columnheader', { name: 'ARR at stake' })
          .and(frame.locator('[aria-sort="descending"]'))
          .waitFor();
        const revenue = (
          await frame
            .getByTestId('ranked-row')
            .evaluateAll((els) =>
              els.map((el) => el.querySelectorAll('td')[7]?.getAttribute('title') ?? null)
            )
        ).map(money);
        expect(revenue.length).toBeGreaterThan(1);
        expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
        await axe.check(page, 'Manager: backlog by revenue');

        // Every level is listed: a story and its epic both carry the story's evidence, so the
        // chart counts only the lowest issues listed, and its total is theirs alone.
        const rows = await listed(frame);
        const ranked = await ask(e2e, DEMO_USERS.frank, projectSite(), 'project/rankedIssues', {
          limit: 100
        });
        const byKey = new Map(ranked.items.map((r) => [r.key, r]));
        const shown = rows.map((r) => byKey.get(r.key)!);
        const parents = new Set(shown.flatMap((r) => r.ancestorIds ?? []));
        const lowest = shown.filter((r) => !parents.has(r.issueId));
        expect(lowest.length).toBeLessThan(shown.length);
        await frame
          .getByRole('heading', { name: `Impact by segment · ${lowest.length} issues counted` })
          .waitFor();
        const leafTotal = await chartTotal(frame);
        const sum = (list: { score: number }[]): number => list.reduce((a, r) => a + r.score, 0);
        expect(Math.abs(leafTotal - sum(lowest))).toBeLessThan(0.05);
        expect(leafTotal).toBeLessThan(sum(shown) - 0.05);

        await choose(frame, 'filter-level', 'Epics and above');
        await frame
          .locator('[data-testid="ranked-row"][data-level="0"], [data-testid="ranked-row"][data-level="-1"]')
          .first()
          .waitFor({ state: 'detached' });
        // The page writes the sort in lower case ("arr at stake"), hence the case-blind match.
        expect(await summary.innerText()).toMatch(
          /^Open epics and above, sorted by ARR at stake \(highest first\)\.$/i
        );
        const epics = await listed(frame);
        await frame
          .getByRole('heading', { name: `Impact by segment · ${epics.length} issues counted` })
          .waitFor();
        await frame
          .getByText(
            `Score points of the ${epics.length} issues listed, epics and above: each includes the evidence of its stories and sub-tasks.`,
            { exact: false }
          )
          .waitFor();
        // An epic's bar is its own score, which already holds its stories' evidence.
        expect(Math.abs((await chartTotal(frame)) - sum(epics))).toBeLessThan(0.05);
        await axe.check(page, 'Manager: epics');

        await choose(frame, 'filter-segment', 'Enterprise');
        await summary
          .getByText(/^Open epics and above, with evidence from Enterprise accounts, sorted by ARR at stake/i)
          .waitFor();
        expect(await summary.innerText()).toMatch(
          / \(highest first\)\. Scores and the chart still count all of each issue’s evidence\.$/
        );
        await frame.getByRole('button', { name: 'Reset filters' }).waitFor();
        await axe.check(page, 'Manager: filtered by segment');
      },
      JOURNEY_MS
    );
  });

  describe('Viewer (Carol) reads without changing anything', () => {
    it(
      'sees the issue panel’s evidence and score with no edit controls',
      async () => {
        const top = await topIssue();
        const access = accessAnswered('panel/getAccess');
        const panel = await openIssue(visit, e2e, {
          accountId: DEMO_USERS.carol,
          projectId,
          issueId: top.issueId
        });
        await panel.getByTestId('evidence-card').first().waitFor();
        await access;
        await panel.getByRole('group', { name: 'Customer impact' }).waitFor();
        await panel.getByRole('button', { name: 'Why this score?' }).click();
        await panel.getByRole('group', { name: 'Score breakdown' }).waitFor();
        for (const name of [/add evidence/i, /link existing/i, /^unlink/i, /note$/i]) {
          expect(await panel.getByRole('button', { name }).count()).toBe(0);
        }
        await axe.check(page, 'Viewer: issue panel');
      },
      JOURNEY_MS
    );

    it(
      'sees the project page without capture, link, dismiss or import',
      async () => {
        const access = accessAnswered('project/getAccess');
        const frame = await openProject(visit, e2e, { accountId: DEMO_USERS.carol, projectId });
        await frame.getByTestId('ranked-row').first().waitFor();
        await access;
        expect(await frame.getByRole('tab').allInnerTexts()).toEqual([
          'Ranked backlog',
          'Insight library',
          'Shipped for customers'
        ]);
        await frame.getByTestId('ranked-expand').first().click();
        await frame.getByTestId('row-evidence').getByTestId('evidence-card').first().waitFor();
        expect(await frame.getByRole('button', { name: /^unlink/i }).count()).toBe(0);
        await axe.check(page, 'Viewer: ranked backlog');

        await frame.getByRole('tab', { name: 'Insight library' }).click();
        await frame.getByTestId('library-item').first().waitFor();
        for (const name of [
          'Capture insight',
          'Link to issue',
          'Not actionable',
          'Merge duplicate…',
          'Delete'
        ]) {
          // "Not actionable" is also the name of a status filter: only the item's action counts.
          const scope = name === 'Not actionable' ? frame.getByTestId('library-list') : frame.locator('body');
          expect(await scope.getByRole('button', { name, exact: true }).count()).toBe(0);
        }
        await axe.check(page, 'Viewer: insight library');
      },
      JOURNEY_MS
    );
  });
});
