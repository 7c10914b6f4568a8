import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
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
import { setupUser } from '../../test/user';
import { HIDDEN_REASON } from '../../shared/HiddenValue';
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

/** A done issue in the list, named by its key and summary, once the list has loaded. */
async function findIssue(name: string): Promise<HTMLElement> {
  return within(await screen.findByRole('list', { name: 'Done issues with customer evidence' })).getByRole(
    'listitem',
    { name }
  );
}

/** An issue's "Customers to tell" table, one row per account below its header. */
function accountRows(issue: HTMLElement): HTMLElement[] {
  return within(within(issue).getByRole('table', { name: /^Customers to tell/ }))
    .getAllByRole('row')
    .slice(1);
}

it('says it is looking while the answer is on its way', () => {
  hangResolver('project/shipped');
  render(<ShippedForCustomers />);
  expect(screen.getByRole('status')).toHaveTextContent('Finding recently done work');
  expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
});

it('lists done issues with the accounts to tell and the insights they answered', async () => {
  onResolver('project/shipped', () => ok([shippedIssue({ insightCount: 5 })]));
  const user = setupUser();
  render(<ShippedForCustomers />);
  const item = await findIssue('DEMO-3: Scheduled CSV export');
  const issue = within(item);
  expect(lastPayload('project/shipped')).toEqual({ days: 30 });
  const open = issue.getByRole('button', { name: 'DEMO-3' });
  expect(open).toHaveAccessibleDescription('Open DEMO-3 in Jira');
  expect(issue.getByText('Scheduled CSV export')).toBeInTheDocument();
  expect(issue.getByText(/Score 18\.5/)).toBeInTheDocument();
  expect(accountRows(item).map((r) => r.textContent)).toEqual(['Acme$240k', 'Globex$1.2M']);
  const insights = issue.getByRole('list', { name: 'Insights answered (5)' });
  expect(
    within(insights)
      .getAllByRole('listitem')
      .map((r) => r.textContent)
  ).toEqual(['Export to CSV times outSupport ticketOpen source', 'We export by hand every MondayInterview']);
  // Two of five insights came with the answer: the rest are one click away.
  expect(issue.getByText('and 3 more — open DEMO-3 for all of its evidence')).toBeInTheDocument();
  expect(issue.queryByTitle(HIDDEN_REASON)).not.toBeInTheDocument();

  await user.click(open);
  expect(forgeBridgeMock.router.navigate).toHaveBeenCalledWith({ target: 'issue', issueKey: 'DEMO-3' });
});

it('shows masked accounts as "Hidden" with the reason, never a blank name or "$0"', async () => {
  onResolver('project/shipped', () => ok([HIDDEN]));
  render(<ShippedForCustomers />);
  const issue = await findIssue('DEMO-5: SSO for contractors');
  const rows = accountRows(issue);
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    const [name, arr] = within(row).getAllByRole('cell');
    expect(name).toHaveTextContent(/^Hidden/);
    expect(within(arr as HTMLElement).getByText('Hidden')).toHaveAttribute(
      'title',
      'Hidden by your admin’s privacy settings'
    );
  }
  expect(within(issue).getByRole('table').textContent).not.toMatch(/\$0|Hidden account/);
});

it('says when only anonymous feedback backed the work', async () => {
  onResolver('project/shipped', () => ok([shippedIssue({ accounts: [] })]));
  render(<ShippedForCustomers />);
  const issue = await findIssue('DEMO-3: Scheduled CSV export');
  expect(within(issue).getByText(/no account to tell/)).toBeInTheDocument();
  expect(within(issue).queryByRole('table')).not.toBeInTheDocument();
});

it('says so when nothing was shipped, and asks again for a longer period', async () => {
  onResolver('project/shipped', (p) => ok(p.days === 90 ? [shippedIssue()] : []));
  render(<ShippedForCustomers />);
  expect(
    await screen.findByRole('heading', {
      name: 'Nothing with customer evidence was done in the last 30 days'
    })
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await chooseOption('Done in', 'Last 90 days');
  expect(await findIssue('DEMO-3: Scheduled CSV export')).toBeInTheDocument();
  expect(lastPayload('project/shipped')).toEqual({ days: 90 });
});

it('offers a retry when the list fails, and explains a permission refusal', async () => {
  let calls = 0;
  onResolver('project/shipped', () => (++calls === 1 ? fail('UPSTREAM_FAILED') : ok([shippedIssue()])));
  const user = setupUser();
  const { unmount } = render(<ShippedForCustomers />);
  expect(await screen.findByRole('heading', { name: 'Shipped work didn’t load' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await findIssue('DEMO-3: Scheduled CSV export')).toBeInTheDocument();
  unmount();

  onResolver('project/shipped', () => fail('FORBIDDEN'));
  render(<ShippedForCustomers />);
  expect(
    await screen.findByRole('heading', { name: 'You can’t see customer evidence in this project' })
  ).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
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
  // A journey across three tabs of the whole page: skip user-event's per-click walk of every
  // ancestor's computed `pointer-events`, which on this page costs more than the rest of the
  // test. What is checked here is what the link makes stale, not whether a button is reachable.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const nothingShipped = { name: 'Nothing with customer evidence was done in the last 30 days' };
  render(<ProjectPage />);
  await user.click(screen.getByRole('tab', { name: 'Shipped for customers' }));
  expect(await screen.findByRole('heading', nothingShipped)).toBeInTheDocument();

  await user.click(screen.getByRole('tab', { name: 'Insight library' }));
  const library = screen.getByRole('tabpanel', { name: 'Insight library' });
  await user.click(await within(library).findByRole('button', { name: 'Link to issue' }));
  // The library has a search of its own: Enter searches the field being typed in.
  await user.type(within(library).getByLabelText('Find the issue this is evidence for'), 'DEMO-3{Enter}');
  await user.click(await within(library).findByRole('button', { name: 'Select' }));
  await user.click(within(library).getByRole('button', { name: 'Link to DEMO-3' }));
  await waitFor(() => expect(within(library).queryByText('Export to CSV times out')).not.toBeInTheDocument());

  // No prop or counter tells the shipped tab: the link declared what it makes stale.
  await user.click(screen.getByRole('tab', { name: 'Shipped for customers' }));
  expect(await findIssue('DEMO-3: Scheduled CSV export')).toBeInTheDocument();
  expect(screen.queryByRole('heading', nothingShipped)).not.toBeInTheDocument();
  // The page loads three tabs' chunks in ts-jest on a shared runner: more than the default 15 s.
}, 30_000);

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
  const user = setupUser();
  render(<ShippedForCustomers />);
  await findIssue('DEMO-5: SSO for contractors');
  await user.click(screen.getByRole('button', { name: 'Export CSV' }));
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
