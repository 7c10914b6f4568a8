import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import { insightView, shippedIssue, view } from '../../test/fixtures';
import {
  fail,
  forgeBridgeMock,
  hangResolver,
  lastPayload,
  ok,
  onResolver,
  resetBridge
} from '../../test/forge-bridge';
import { chooseOption } from '../../test/select';
import { ProjectPage } from '../ProjectPage';
import { ShippedForCustomers } from './ShippedForCustomers';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const HIDDEN = shippedIssue({
  issueId: '10005',
  key: 'DEMO-5',
  summary: 'SSO for contractors',
  identityHidden: true,
  accounts: [
    { key: 'account-1', name: 'Hidden account', arr: 0 },
    { key: 'account-2', name: 'Hidden account', arr: 0 }
  ]
});

beforeEach(resetBridge);

it('says it is looking while the answer is on its way', () => {
  hangResolver('project/shipped');
  render(<ShippedForCustomers />);
  expect(screen.getByTestId('shipped-loading')).toHaveTextContent('Finding recently done work');
  expect(screen.getByTestId('shipped-export')).toBeDisabled();
});

it('lists done issues with the accounts to tell and the insights they answered', async () => {
  onResolver('project/shipped', () => ok([shippedIssue({ insightCount: 5 })]));
  render(<ShippedForCustomers />);
  const issue = within(await screen.findByTestId('shipped-issue'));
  expect(lastPayload('project/shipped')).toEqual({ days: 30 });
  expect(issue.getByTestId('shipped-open')).toHaveTextContent('DEMO-3');
  expect(issue.getByTestId('shipped-summary')).toHaveTextContent('Scheduled CSV export');
  expect(issue.getByText(/Score 18\.5/)).toBeInTheDocument();
  expect(issue.getAllByTestId('shipped-account').map((r) => r.textContent)).toEqual([
    'Acme$240k',
    'Globex$1.2M'
  ]);
  expect(issue.getAllByTestId('shipped-insight').map((r) => r.textContent)).toEqual([
    'Export to CSV times outSupport ticketOpen source',
    'We export by hand every MondayInterview'
  ]);
  // Two of five insights came with the answer: the rest are one click away.
  expect(issue.getByText('and 3 more — open DEMO-3 for all of its evidence')).toBeInTheDocument();
  expect(issue.queryByTestId('hidden-value')).not.toBeInTheDocument();

  fireEvent.click(issue.getByTestId('shipped-open'));
  expect(forgeBridgeMock.router.navigate).toHaveBeenCalledWith({ target: 'issue', issueKey: 'DEMO-3' });
});

it('shows masked accounts as "Hidden" with the reason, never a blank name or "$0"', async () => {
  onResolver('project/shipped', () => ok([HIDDEN]));
  render(<ShippedForCustomers />);
  const issue = within(await screen.findByTestId('shipped-issue'));
  const rows = issue.getAllByTestId('shipped-account');
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    const cells = within(row);
    expect(cells.getByTestId('shipped-account-hidden')).toHaveTextContent(/^Hidden/);
    expect(cells.getByTestId('shipped-arr-hidden')).toHaveAttribute(
      'title',
      'Hidden by your admin’s privacy settings'
    );
  }
  expect(issue.getByTestId('shipped-accounts').textContent).not.toMatch(/\$0|Hidden account/);
});

it('says when only anonymous feedback backed the work', async () => {
  onResolver('project/shipped', () => ok([shippedIssue({ accounts: [] })]));
  render(<ShippedForCustomers />);
  expect(await screen.findByTestId('shipped-anonymous')).toHaveTextContent('no account to tell');
});

it('says so when nothing was shipped, and asks again for a longer period', async () => {
  onResolver('project/shipped', (p) => ok(p.days === 90 ? [shippedIssue()] : []));
  render(<ShippedForCustomers />);
  expect(await screen.findByTestId('shipped-empty')).toHaveTextContent(
    'Nothing with customer evidence was done in the last 30 days'
  );
  expect(screen.getByTestId('shipped-export')).toBeDisabled();
  await chooseOption('Done in', 'Last 90 days');
  expect(await screen.findByTestId('shipped-issue')).toBeInTheDocument();
  expect(lastPayload('project/shipped')).toEqual({ days: 90 });
});

it('offers a retry when the list fails, and explains a permission refusal', async () => {
  let calls = 0;
  onResolver('project/shipped', () => (++calls === 1 ? fail('UPSTREAM_FAILED') : ok([shippedIssue()])));
  const { unmount } = render(<ShippedForCustomers />);
  expect(await screen.findByTestId('shipped-error')).toHaveTextContent('Shipped work didn’t load');
  fireEvent.click(screen.getByTestId('shipped-error-retry'));
  expect(await screen.findByTestId('shipped-issue')).toBeInTheDocument();
  unmount();

  onResolver('project/shipped', () => fail('FORBIDDEN'));
  render(<ShippedForCustomers />);
  expect(await screen.findByTestId('shipped-error')).toHaveTextContent(
    'You don’t have permission to see Shipped work'
  );
  expect(screen.queryByTestId('shipped-error-retry')).not.toBeInTheDocument();
});

it('shows work an insight was just linked to in the library, once the tab is shown again', async () => {
  let linked = false;
  onResolver('project/shipped', () => ok(linked ? [shippedIssue()] : []));
  onResolver('project/rankedIssues', () => ok({ items: [] }));
  onResolver('project/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: true }));
  onResolver('project/listInsights', () => ok({ items: linked ? [] : [insightView()] }));
  onResolver('project/searchIssues', () =>
    ok([{ issueId: '10003', key: 'DEMO-3', summary: 'Scheduled CSV export', issueType: 'Story' }])
  );
  onResolver('project/link', () => {
    linked = true;
    return ok({ view: view(), alreadyLinked: [] });
  });
  render(<ProjectPage />);
  fireEvent.click(screen.getByTestId('tab-shipped'));
  expect(await screen.findByTestId('shipped-empty')).toBeInTheDocument();

  fireEvent.click(screen.getByTestId('tab-library'));
  fireEvent.click(await screen.findByTestId('link-button'));
  fireEvent.change(screen.getByTestId('issue-search'), { target: { value: 'DEMO-3' } });
  fireEvent.click(screen.getByTestId('issue-search-submit'));
  fireEvent.click(await screen.findByTestId('issue-hit-select'));
  fireEvent.click(screen.getByTestId('link-confirm'));
  await waitFor(() => expect(screen.queryByTestId('library-item')).not.toBeInTheDocument());

  // No prop or counter tells the shipped tab: the link declared what it makes stale.
  fireEvent.click(screen.getByTestId('tab-shipped'));
  expect(await screen.findByTestId('shipped-issue')).toHaveTextContent('Scheduled CSV export');
  expect(screen.queryByTestId('shipped-empty')).not.toBeInTheDocument();
});

it('exports the list as CSV, with masked accounts left out', async () => {
  onResolver('project/shipped', () => ok([shippedIssue(), HIDDEN]));
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:shipped';
    }),
    revokeObjectURL: jest.fn()
  });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    expect(this.download).toMatch(/^shipped-for-customers-30d-\d{4}-\d{2}-\d{2}\.csv$/);
  });
  render(<ShippedForCustomers />);
  await screen.findAllByTestId('shipped-issue');
  fireEvent.click(screen.getByTestId('shipped-export'));
  await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
  // jsdom's Blob has no text(); FileReader it is.
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.readAsText(blobs[0] as Blob);
  });
  const rows = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(rows).toHaveLength(5);
  expect(rows[1]).toContain('DEMO-3,Scheduled CSV export,2025-06-12T09:00:00.000Z,18.5,Acme,240000,');
  expect(rows[3]).toContain('DEMO-5,SSO for contractors,2025-06-12T09:00:00.000Z,18.5,hidden,,');
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Exported 2 shipped issues' })
  );
  click.mockRestore();
});
