import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import { card, contribution, insightView, rankedRow, score, view } from '../../test/fixtures';
import {
  forgeBridgeMock,
  lastPayload,
  ok,
  onResolver,
  payloadsOf,
  resetBridge
} from '../../test/forge-bridge';
import { chooseOption } from '../../test/select';
import { setupUser } from '../../test/user';
import { ProjectPage } from '../ProjectPage';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const EPIC = rankedRow();
/** A story under the epic: the epic's points include this story's evidence. */
const STORY = rankedRow({
  issueId: '10002',
  key: 'DEMO-2',
  summary: 'SSO for contractors',
  status: 'To Do',
  statusCategory: 'new',
  issueType: 'Story',
  hierarchyLevel: 0,
  ancestorIds: ['10001'],
  assignee: undefined,
  score: 12.25,
  accounts: 1,
  arr: 96_000,
  insightCount: 2,
  facets: { segments: { mid_market: 12.25 }, stages: { onboarding: 12.25 }, sourceKinds: {} }
});
const ROWS = [EPIC, STORY];

// The host names its site before the page first asks (the answer is kept for the page).
beforeAll(() => {
  forgeBridgeMock.view.getContext.mockImplementation(() =>
    Promise.resolve({ extension: {}, siteUrl: 'https://acme.atlassian.net' })
  );
});

beforeEach(() => {
  resetBridge();
  onResolver('project/rankedIssues', (p) =>
    ok(
      p.level === 'epic'
        ? { items: [EPIC] }
        : p.cursor === undefined
          ? { items: ROWS, cursor: 'page-2' }
          : { items: [] }
    )
  );
});

const table = (): HTMLElement => screen.getByRole('table', { name: /^Issues sorted by/ });
/** The table's body rows (the first row holds the column headings). */
const bodyRows = async (): Promise<HTMLElement[]> => {
  await screen.findByRole('table', { name: /^Issues sorted by/ });
  return within(table()).getAllByRole('row').slice(1);
};

it('lists issues by rank with their figures, asking for open work at every level by score', async () => {
  render(<ProjectPage />);
  const rows = await bodyRows();
  expect(rows).toHaveLength(2);
  const epic = within(rows[0]!);
  expect(epic.getAllByRole('cell')[1]).toHaveTextContent('1');
  expect(epic.getByRole('link', { name: 'DEMO-1' })).toBeInTheDocument();
  expect(rows[0]).toHaveTextContent('Faster CSV export');
  expect(rows[0]).toHaveTextContent('Epic · Bob Builder');
  expect(rows[0]).toHaveTextContent('In Progress');
  expect(rows[0]).toHaveTextContent('42.5');
  expect(rows[0]).toHaveTextContent('$720k');
  expect(rows[1]).toHaveTextContent('Story · Unassigned');
  expect(lastPayload('project/rankedIssues')).toEqual({ limit: 50, statusCategory: 'open', level: 'all' });
  expect(
    screen.getByText(/^Open issues at every level, sorted by score \(highest first\)\.$/)
  ).toBeInTheDocument();
});

it('sorts by a column heading on the server, and marks that column as sorted', async () => {
  const user = setupUser();
  render(<ProjectPage />);
  await bodyRows();
  const heading = (name: string): HTMLElement => within(table()).getByRole('columnheader', { name });
  expect(heading('Score')).toHaveAttribute('aria-sort', 'descending');
  expect(heading('Accounts')).not.toHaveAttribute('aria-sort');

  await user.click(within(heading('Accounts')).getByRole('button', { name: 'Accounts' }));
  await waitFor(() => expect(lastPayload('project/rankedIssues')).toMatchObject({ sort: 'accounts' }));
  expect(
    await screen.findByRole('table', { name: 'Issues sorted by accounts, highest first' })
  ).toBeInTheDocument();
  expect(heading('Accounts')).toHaveAttribute('aria-sort', 'descending');
  expect(heading('Score')).not.toHaveAttribute('aria-sort');

  await user.click(within(heading('Newest evidence')).getByRole('button'));
  await waitFor(() => expect(lastPayload('project/rankedIssues')).toMatchObject({ sort: 'newest' }));
  await user.click(within(heading('ARR at stake')).getByRole('button'));
  await waitFor(() => expect(lastPayload('project/rankedIssues')).toMatchObject({ sort: 'revenue' }));
  expect(screen.getByText(/sorted by arr at stake \(highest first\)/)).toBeInTheDocument();
});

it('offers no revenue sort to a user who may not see revenue', async () => {
  onResolver('project/rankedIssues', () =>
    ok({ items: ROWS.map((row) => ({ ...row, arr: 0, identityHidden: true })) })
  );
  render(<ProjectPage />);
  await bodyRows();
  const revenue = within(table()).getByRole('columnheader', { name: 'ARR at stake' });
  expect(within(revenue).queryByRole('button')).not.toBeInTheDocument();
  expect(within(table()).getByRole('button', { name: 'Accounts' })).toBeInTheDocument();
});

it('sends every filter and the search in the payload, says what they filter, and starts over', async () => {
  const user = setupUser();
  render(<ProjectPage />);
  await bodyRows();
  await chooseOption('Level', 'Sub-tasks');
  await waitFor(() => expect(lastPayload('project/rankedIssues')).toMatchObject({ level: 'subtask' }));
  await chooseOption('Status', 'All statuses');
  await chooseOption('Has evidence from segment', 'Enterprise');
  await chooseOption('Has evidence from source', 'NPS verbatim');
  await chooseOption('Has evidence at journey stage', 'Renewal');
  await user.type(screen.getByRole('textbox', { name: 'Search issues' }), '  export ');
  await user.click(screen.getByRole('button', { name: 'Search' }));
  await waitFor(() =>
    expect(lastPayload('project/rankedIssues')).toEqual({
      limit: 50,
      statusCategory: 'all',
      level: 'subtask',
      segment: 'enterprise',
      sourceKind: 'nps',
      journeyStage: 'renewal',
      query: 'export'
    })
  );
  expect(
    screen.getByText(
      'All sub-tasks, with evidence from Enterprise accounts and source “NPS verbatim” and stage “Renewal”, ' +
        'matching “export”, sorted by score (highest first). Scores and the chart still count all of each issue’s evidence.'
    )
  ).toBeInTheDocument();
  expect(payloadsOf('project/rankedIssues').every((p) => !(p as { cursor?: string }).cursor)).toBe(true);
});

it('loads the next page with the cursor', async () => {
  const user = setupUser();
  render(<ProjectPage />);
  await bodyRows();
  await user.click(screen.getByRole('button', { name: 'Load more' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument());
  expect(lastPayload('project/rankedIssues')).toEqual({
    limit: 50,
    statusCategory: 'open',
    level: 'all',
    cursor: 'page-2'
  });
});

it('links each key to the issue on the site, opening it through the router on a plain click', async () => {
  render(<ProjectPage />);
  const rows = await bodyRows();
  const link = await within(rows[1]!).findByRole('link', { name: 'DEMO-2' });
  expect(link).toHaveAttribute('href', 'https://acme.atlassian.net/browse/DEMO-2');
  expect(link).toHaveAttribute('target', '_blank');

  // fireEvent, not user-event: its return value tells whether the page cancelled the
  // browser's own handling, which is what is asserted here.
  // Ctrl-click and middle-click are the browser's: a new tab on the link's address.
  expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
  expect(fireEvent.click(link, { button: 1 })).toBe(true);
  expect(forgeBridgeMock.router.navigate).not.toHaveBeenCalled();

  expect(fireEvent.click(link)).toBe(false);
  expect(forgeBridgeMock.router.navigate).toHaveBeenCalledWith({ target: 'issue', issueKey: 'DEMO-2' });
});

it('expands a row to its top three cards and the score explanation, without leaving the page', async () => {
  const cards = ['a', 'b', 'c', 'd'].map((id) =>
    card({ insightId: id, summary: `Evidence ${id}`, fromIssueId: '10001' })
  );
  onResolver('project/getEvidence', (p) =>
    ok(
      view(cards, {
        issueId: p.issueId,
        totalCards: 4,
        score: score({
          contributions: [contribution(), contribution({ group: 'g2', accountName: 'Globex', points: 3 })]
        })
      })
    )
  );
  const user = setupUser();
  render(<ProjectPage />);
  await bodyRows();
  const toggle = screen.getByRole('button', { name: 'Show evidence for DEMO-1' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  await screen.findByRole('heading', { name: 'Top evidence (3 of 4)' });
  // The evidence opens in the row right below DEMO-1's.
  const details = (await bodyRows())[1]!;
  expect(within(details).getByRole('heading', { name: 'Top evidence (3 of 4)' })).toBeInTheDocument();
  expect(lastPayload('project/getEvidence')).toEqual({ issueId: '10001' });
  expect(screen.getByRole('button', { name: 'Hide evidence for DEMO-1' })).toHaveAttribute(
    'aria-expanded',
    'true'
  );
  const top = within(within(details).getByRole('list', { name: 'Top evidence (3 of 4)' })).getAllByRole(
    'listitem'
  );
  expect(top).toHaveLength(3);
  ['Evidence a', 'Evidence b', 'Evidence c'].forEach((summary, i) =>
    expect(within(top[i]!).getByText(summary)).toBeInTheDocument()
  );
  const contributions = within(within(details).getByRole('group', { name: 'Score breakdown' })).getAllByRole(
    'listitem'
  );
  expect(contributions[0]).toHaveTextContent('+12.4 · Acme · critical · $240k ARR · 14 d');
  expect(contributions[1]).toHaveTextContent('+3 · Globex');
  // Read-only here: no editing controls.
  expect(within(details).queryByRole('button', { name: /unlink/i })).not.toBeInTheDocument();
  expect(forgeBridgeMock.router.navigate).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Hide evidence for DEMO-1' }));
  expect(screen.queryByRole('heading', { name: /^Top evidence/ })).not.toBeInTheDocument();
  expect(await bodyRows()).toHaveLength(2);
});

it('charts each piece of evidence once: leaf work items by default, or one level', async () => {
  const user = setupUser();
  render(<ProjectPage />);
  await bodyRows();
  // The epic's points include its listed story's, so only the story is counted.
  const chart = await screen.findByRole('img', { name: /Impact by segment · 1 issue counted/ });
  expect(chart).toHaveAccessibleDescription('Mid-market: 12.25 points');
  expect(
    screen.getByText(/^Score points of the 1 issue listed with no child listed \(of 2\)/)
  ).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Journey stage' }));
  expect(screen.getByRole('img', { name: /Impact by journey stage/ })).toHaveAccessibleDescription(
    'Onboarding: 12.25 points'
  );
  expect(screen.getByRole('button', { name: 'Journey stage' })).toHaveAttribute('aria-pressed', 'true');

  await chooseOption('Level', 'Epics and above');
  const epics = await screen.findByRole('img', { name: /Impact by segment · 1 issue counted/ });
  await waitFor(() => expect(epics).toHaveAccessibleDescription('Enterprise: 30 points; SMB: 12.5 points'));
  expect(screen.getByText(/^Score points of the 1 issue listed, epics and above/)).toBeInTheDocument();
});

it('says the breakdown is hidden when identity is masked, instead of charting nothing', async () => {
  const facets = { segments: {}, stages: {}, sourceKinds: {} };
  onResolver('project/rankedIssues', () =>
    ok({ items: ROWS.map((row) => ({ ...row, arr: 0, facets, identityHidden: true })) })
  );
  render(<ProjectPage />);
  await bodyRows();
  expect(
    screen.getByText('Impact by segment is hidden. Hidden by your admin’s privacy settings.')
  ).toBeInTheDocument();
  expect(screen.queryByRole('img', { name: /Impact by/ })).not.toBeInTheDocument();
});

it('says so when nothing matches, and offers a retry when the ranking fails', async () => {
  onResolver('project/rankedIssues', () => ok({ items: [] }));
  const { unmount } = render(<ProjectPage />);
  expect(await screen.findByText('No issues with customer evidence match')).toBeInTheDocument();
  unmount();

  let calls = 0;
  onResolver('project/rankedIssues', () => {
    calls += 1;
    return calls === 1
      ? { ok: false, error: { code: 'UPSTREAM_FAILED', message: 'down', fieldIssues: [] } }
      : ok({ items: ROWS });
  });
  const user = setupUser();
  render(<ProjectPage />);
  await user.click(await screen.findByRole('button', { name: /try again|retry/i }));
  expect(await bodyRows()).toHaveLength(2);
});

it('shows masked ARR as "Hidden" with the reason, never "$0"', async () => {
  onResolver('project/rankedIssues', () => ok({ items: [rankedRow({ arr: 0, identityHidden: true })] }));
  render(<ProjectPage />);
  const [row] = await bodyRows();
  const hidden = within(row!).getByTitle('Hidden by your admin’s privacy settings');
  expect(hidden).toHaveTextContent(/^Hidden/);
  expect(row).not.toHaveTextContent('$0');
});

it('reloads the ranking when it is shown again after an insight was linked in the library', async () => {
  let linked = false;
  onResolver('project/rankedIssues', () =>
    ok({ items: [rankedRow({ score: linked ? 50 : 42.5 }), ...ROWS.slice(1)] })
  );
  onResolver('project/listInsights', () => ok({ items: [insightView()] }));
  onResolver('project/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: true }));
  onResolver('project/searchIssues', () =>
    ok([{ issueId: '10001', key: 'DEMO-1', summary: 'Faster CSV export', issueType: 'Epic' }])
  );
  onResolver('project/link', () => {
    linked = true;
    return ok({ view: view(), alreadyLinked: [] });
  });
  const user = setupUser();
  render(<ProjectPage />);
  await bodyRows();
  expect(payloadsOf('project/rankedIssues')).toHaveLength(1);

  await user.click(screen.getByRole('tab', { name: 'Insight library' }));
  const insight = insightView().summary;
  const item = within(await screen.findByRole('listitem', { name: insight }));
  await user.click(item.getByRole('button', { name: 'Link to issue' }));
  await user.clear(item.getByLabelText('Find the issue this is evidence for'));
  await user.type(item.getByLabelText('Find the issue this is evidence for'), 'DEMO-1');
  await user.click(item.getByRole('button', { name: 'Search' }));
  await user.click(await screen.findByRole('button', { name: 'Select' }));
  await user.click(screen.getByRole('button', { name: 'Link to DEMO-1' }));
  await waitFor(() => expect(screen.queryByRole('listitem', { name: insight })).not.toBeInTheDocument());
  // Hidden tabs do not reload on every link of a triage session.
  expect(payloadsOf('project/rankedIssues')).toHaveLength(1);

  await user.click(screen.getByRole('tab', { name: 'Ranked backlog' }));
  await waitFor(async () => expect((await bodyRows())[0]).toHaveTextContent('50'));
  expect(payloadsOf('project/rankedIssues')).toHaveLength(2);

  // Nothing changed since: switching back and forth does not reload again.
  await user.click(screen.getByRole('tab', { name: 'Insight library' }));
  await user.click(screen.getByRole('tab', { name: 'Ranked backlog' }));
  expect(payloadsOf('project/rankedIssues')).toHaveLength(2);
});
