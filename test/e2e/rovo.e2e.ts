import path from 'node:path';
import { DEMO_USERS } from '../../local/jira/seed';
import type { ModuleSite } from '../../local/host/local-forge';
import { expectAccessible } from './axe-check';
import { ARTIFACTS, startE2E, type E2E } from './browser-kit';
import { ask, newVisit, type Visit } from './journey-kit';

/**
 * The shell's Rovo view, where a person runs the app's Rovo actions as each user the way
 * an agent would. Carol, a viewer, asks for the evidence behind a story in a site where
 * account names are restricted and sees them masked; she cannot capture. Ivan, a
 * contributor, captures a customer quote and finds it in the story's panel.
 */
describe('Rovo actions in the sandbox', () => {
  let e2e: E2E;
  let visit: Visit;
  let projectId: string;
  let story: { issueId: string; key: string };
  let accountNames: string[];
  const admin: ModuleSite = { module: 'adminPage' };

  beforeAll(async () => {
    e2e = await startE2E();
    projectId = e2e.sandbox.forge.seed.projects[0]!.id;
    const site: ModuleSite = { module: 'projectPage', projectId };
    await ask(e2e, DEMO_USERS.alice, admin, 'admin/saveRoles', {
      projectId,
      roles: { contributors: ['cx-contributors'], curators: ['cx-curators'] }
    });
    // The top-ranked open issue every browser of the project may see, and who backs it.
    const ranked = await ask(e2e, DEMO_USERS.alice, site, 'project/rankedIssues', { limit: 50 });
    const open = ranked.items.find((row) => !e2e.sandbox.forge.jira.getIssue(row.issueId)?.securityLevel)!;
    story = { issueId: open.issueId, key: open.key };
    const evidence = await ask(e2e, DEMO_USERS.alice, site, 'project/getEvidence', {
      issueId: story.issueId
    });
    accountNames = evidence.impact!.cards.flatMap((c) => (c.account ? [c.account.name] : []));
    await ask(e2e, DEMO_USERS.alice, admin, 'admin/saveSettings', {
      privacy: { restrictIdentity: true, allowedGroups: ['jira-administrators'] }
    });
    // Saving settings rescores the site through the queue: let it finish first, so an
    // action does not wait behind it on a loaded machine.
    await e2e.sandbox.forge.settle();
  });
  afterAll(async () => {
    await e2e.stop();
  });
  beforeEach(async () => {
    visit = await newVisit(e2e);
  });
  afterEach(async () => {
    await visit.context.close();
  });

  async function openRovo(accountId: string): Promise<void> {
    const query = new URLSearchParams({
      accountId,
      projectId,
      issueId: story.issueId,
      theme: 'light',
      tab: 'rovo'
    });
    await visit.page.goto(`${e2e.sandbox.url}?${query.toString()}`);
    await visit.page.getByRole('heading', { name: 'Rovo actions' }).waitFor({ timeout: 30_000 });
  }

  async function run(name: string): Promise<string> {
    await visit.page.getByRole('button', { name: `Run ${name}` }).click();
    const status = visit.page.getByRole('status');
    await status.filter({ hasText: /^The action (answered|refused)/ }).waitFor({ timeout: 60_000 });
    return (await status.textContent()) ?? '';
  }

  it('finds the evidence behind a story for a viewer, with accounts masked', async () => {
    expect(accountNames.length).toBeGreaterThan(0);
    await openRovo(DEMO_USERS.carol);
    await visit.page
      .getByLabel('Action', { exact: true })
      .selectOption({ label: 'Find customer evidence (GET)' });
    await visit.page.getByLabel(`Chat opened on ${story.key}`).waitFor();
    expect(await run('Find customer evidence')).toBe('The action answered.');
    const answer = (await visit.page.getByLabel('Answer as returned').textContent()) ?? '';
    expect(answer).toContain(`"issueKey": "${story.key}"`);
    expect(answer).toContain('"identityHidden": true');
    expect(answer).toMatch(/"account": "Customer [0-9A-F]+"/);
    for (const name of accountNames) expect(answer).not.toContain(name);
    await visit.page.screenshot({ path: path.join(ARTIFACTS, 'rovo-find-masked.png'), fullPage: true });
    await expectAccessible(visit.page, 'Rovo view, find');
  });

  it('refuses a capture by a viewer, and captures for a contributor into the story’s panel', async () => {
    const summary = 'Rovo: exports time out for large workspaces';
    await openRovo(DEMO_USERS.carol);
    await visit.page
      .getByLabel('Action', { exact: true })
      .selectOption({ label: 'Capture customer insight (CREATE)' });
    await visit.page.getByLabel('Summary (required)').fill(summary);
    await visit.page.getByLabel('Quote').fill('Our nightly export failed four times this week.');
    await visit.page.getByLabel('Severity').fill('critical');
    expect(await run('Capture customer insight')).toContain('Only contributors and curators of this project');
    await expectAccessible(visit.page, 'Rovo view, capture refused');

    await openRovo(DEMO_USERS.ivan);
    await visit.page
      .getByLabel('Action', { exact: true })
      .selectOption({ label: 'Capture customer insight (CREATE)' });
    await visit.page.getByLabel('Summary (required)').fill(summary);
    await visit.page.getByLabel('Quote').fill('Our nightly export failed four times this week.');
    await visit.page.getByLabel('Account name').fill('Umbrella Health');
    await visit.page.getByLabel('Severity').fill('critical');
    expect(await run('Capture customer insight')).toBe('The action answered.');
    await expect(visit.page.getByLabel('Answer as returned').textContent()).resolves.toContain(
      `linked it to ${story.key}`
    );

    await visit.page.getByTestId('tab-panel').click();
    const panel = visit.page.frameLocator('iframe[data-testid="frame-panel"]');
    await panel.getByText(summary).first().waitFor({ timeout: 30_000 });
  });
});
