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
import { ProjectPage } from '../ProjectPage';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const ROWS = [
  rankedRow(),
  rankedRow({
    issueId: '10002',
    key: 'DEMO-2',
    summary: 'SSO for contractors',
    status: 'To Do',
    statusCategory: 'new',
    issueType: 'Story',
    hierarchyLevel: 0,
    assignee: undefined,
    score: 12.25,
    accounts: 1,
    arr: 96_000,
    insightCount: 2,
    facets: { segments: { mid_market: 12.25 }, stages: { onboarding: 12.25 }, sourceKinds: {} }
  })
];

beforeEach(() => {
  resetBridge();
  onResolver('project/rankedIssues', (p) =>
    ok(p.cursor === undefined ? { items: ROWS, cursor: 'page-2' } : { items: [] })
  );
});

it('lists issues by rank with their figures, asking for open work at every level by default', async () => {
  render(<ProjectPage />);
  const rows = await screen.findAllByTestId('ranked-row');
  expect(rows).toHaveLength(2);
  const first = within(rows[0] as HTMLElement);
  expect(first.getByTestId('ranked-rank')).toHaveTextContent('1');
  expect(first.getByTestId('ranked-open')).toHaveTextContent('DEMO-1');
  expect(rows[0]).toHaveTextContent('Faster CSV export');
  expect(rows[0]).toHaveTextContent('Epic');
  expect(rows[0]).toHaveTextContent('In Progress');
  expect(rows[0]).toHaveTextContent('Bob Builder');
  expect(first.getByTestId('ranked-score')).toHaveTextContent('42.5');
  expect(rows[0]).toHaveTextContent('$720k');
  expect(rows[1]).toHaveTextContent('Unassigned');
  expect(lastPayload('project/rankedIssues')).toEqual({ limit: 50, statusCategory: 'open', level: 'all' });
});

it('sends every filter and the search in the payload, and starts over from the first page', async () => {
  render(<ProjectPage />);
  await screen.findAllByTestId('ranked-row');
  await chooseOption('Level', 'Epics and above');
  await waitFor(() => expect(lastPayload('project/rankedIssues')).toMatchObject({ level: 'epic' }));
  await chooseOption('Status', 'All statuses');
  await chooseOption('Segment', 'Enterprise');
  await chooseOption('Source', 'NPS verbatim');
  await chooseOption('Journey stage', 'Renewal');
  fireEvent.change(screen.getByTestId('ranked-search'), { target: { value: '  export ' } });
  fireEvent.click(screen.getByTestId('ranked-search-submit'));
  await waitFor(() =>
    expect(lastPayload('project/rankedIssues')).toEqual({
      limit: 50,
      statusCategory: 'all',
      level: 'epic',
      segment: 'enterprise',
      sourceKind: 'nps',
      journeyStage: 'renewal',
      query: 'export'
    })
  );
  expect(payloadsOf('project/rankedIssues').every((p) => !(p as { cursor?: string }).cursor)).toBe(true);
});

it('loads the next page with the cursor', async () => {
  render(<ProjectPage />);
  await screen.findAllByTestId('ranked-row');
  fireEvent.click(screen.getByTestId('ranked-load-more'));
  await waitFor(() => expect(screen.queryByTestId('ranked-load-more')).not.toBeInTheDocument());
  expect(lastPayload('project/rankedIssues')).toEqual({
    limit: 50,
    statusCategory: 'open',
    level: 'all',
    cursor: 'page-2'
  });
});

it('opens an issue in Jira through the router', async () => {
  render(<ProjectPage />);
  const rows = await screen.findAllByTestId('ranked-row');
  fireEvent.click(within(rows[1] as HTMLElement).getByTestId('ranked-open'));
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
  render(<ProjectPage />);
  const rows = await screen.findAllByTestId('ranked-row');
  const toggle = within(rows[0] as HTMLElement).getByTestId('ranked-expand');
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  fireEvent.click(toggle);
  const details = await screen.findByTestId('row-evidence');
  expect(lastPayload('project/getEvidence')).toEqual({ issueId: '10001' });
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const shown = within(details)
    .getAllByTestId('card-summary')
    .map((e) => e.textContent);
  expect(shown).toEqual(['Evidence a', 'Evidence b', 'Evidence c']);
  expect(details).toHaveTextContent('Top evidence (3 of 4)');
  const contributions = within(details).getAllByTestId('contribution-row');
  expect(contributions[0]).toHaveTextContent('+12.4 · Acme · critical · $240k ARR · 14 d');
  expect(contributions[1]).toHaveTextContent('+3 · Globex');
  // Read-only here: no editing controls.
  expect(within(details).queryByTestId('unlink-button')).not.toBeInTheDocument();
  expect(forgeBridgeMock.router.navigate).not.toHaveBeenCalled();

  fireEvent.click(toggle);
  expect(screen.queryByTestId('row-evidence')).not.toBeInTheDocument();
});

it('charts the shown rows’ impact by segment, or by journey stage', async () => {
  render(<ProjectPage />);
  await screen.findAllByTestId('ranked-row');
  const bars = (): [string | null, string | null][] =>
    screen
      .getAllByTestId('chart-bar')
      .map((b) => [b.getAttribute('data-label'), b.getAttribute('data-value')]);
  expect(bars()).toEqual([
    ['Enterprise', '30'],
    ['SMB', '12.5'],
    ['Mid-market', '12.25']
  ]);
  expect(screen.getAllByTestId('chart-bar')[1]).toHaveTextContent('SMB12.5');
  expect(screen.getByRole('img', { name: /Impact by segment · 2 issues shown/ })).toBeInTheDocument();

  fireEvent.click(screen.getByTestId('chart-by-stage'));
  expect(bars()).toEqual([
    ['Usage', '40'],
    ['Onboarding', '12.25'],
    ['No stage', '2.5']
  ]);
  expect(screen.getByTestId('chart-by-stage')).toHaveAttribute('aria-pressed', 'true');
});

it('says the breakdown is hidden when identity is masked, instead of charting nothing', async () => {
  const facets = { segments: {}, stages: {}, sourceKinds: {} };
  onResolver('project/rankedIssues', () =>
    ok({ items: ROWS.map((row) => ({ ...row, arr: 0, facets, identityHidden: true })) })
  );
  render(<ProjectPage />);
  await screen.findAllByTestId('ranked-row');
  expect(screen.getByTestId('chart-hidden')).toHaveTextContent(
    'Impact by segment is hidden. Hidden by your admin’s privacy settings.'
  );
  expect(screen.queryByTestId('chart-bar')).not.toBeInTheDocument();
  expect(screen.queryByTestId('chart-empty')).not.toBeInTheDocument();
});

it('says so when nothing matches, and offers a retry when the ranking fails', async () => {
  onResolver('project/rankedIssues', () => ok({ items: [] }));
  const { unmount } = render(<ProjectPage />);
  expect(await screen.findByTestId('ranked-empty')).toBeInTheDocument();
  unmount();

  let calls = 0;
  onResolver('project/rankedIssues', () => {
    calls += 1;
    return calls === 1
      ? { ok: false, error: { code: 'UPSTREAM_FAILED', message: 'down', fieldIssues: [] } }
      : ok({ items: ROWS });
  });
  render(<ProjectPage />);
  fireEvent.click(await screen.findByTestId('ranked-error-retry'));
  expect(await screen.findAllByTestId('ranked-row')).toHaveLength(2);
});

it('shows masked ARR as "Hidden" with the reason, never "$0"', async () => {
  onResolver('project/rankedIssues', () => ok({ items: [rankedRow({ arr: 0, identityHidden: true })] }));
  render(<ProjectPage />);
  const row = within(await screen.findByTestId('ranked-row'));
  expect(row.getByTestId('ranked-arr-hidden')).toHaveTextContent(/^Hidden/);
  expect(row.getByTestId('ranked-arr-hidden')).toHaveAttribute(
    'title',
    'Hidden by your admin’s privacy settings'
  );
  expect(screen.getByTestId('ranked-row')).not.toHaveTextContent('$0');
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
  render(<ProjectPage />);
  await screen.findAllByTestId('ranked-row');
  expect(payloadsOf('project/rankedIssues')).toHaveLength(1);

  fireEvent.click(screen.getByTestId('tab-library'));
  fireEvent.click(await screen.findByTestId('link-button'));
  const item = within(screen.getByTestId('library-item'));
  fireEvent.change(item.getByLabelText('Find the issue this is evidence for'), {
    target: { value: 'DEMO-1' }
  });
  fireEvent.click(item.getByRole('button', { name: 'Search' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Select' }));
  fireEvent.click(screen.getByRole('button', { name: 'Link to DEMO-1' }));
  await waitFor(() => expect(screen.queryByTestId('library-item')).not.toBeInTheDocument());
  // Hidden tabs do not reload on every link of a triage session.
  expect(payloadsOf('project/rankedIssues')).toHaveLength(1);

  fireEvent.click(screen.getByTestId('tab-ranked'));
  await waitFor(() => expect(screen.getAllByTestId('ranked-score')[0]).toHaveTextContent('50'));
  expect(payloadsOf('project/rankedIssues')).toHaveLength(2);

  // Nothing changed since: switching back and forth does not reload again.
  fireEvent.click(screen.getByTestId('tab-library'));
  fireEvent.click(screen.getByTestId('tab-ranked'));
  expect(payloadsOf('project/rankedIssues')).toHaveLength(2);
});
