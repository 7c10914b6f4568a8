import { screen, within } from '@testing-library/react';
import type { AccountView } from '../../../../src/contract/views';
import { renderWithQueries as render } from '../../test/render';
import { insightView } from '../../test/fixtures';
import { fail, lastPayload, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { AccountsView } from './AccountsView';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const ACME = {
  key: 'acme-corp',
  name: 'Acme Corp',
  segment: 'enterprise' as const,
  arr: 240000,
  updatedAt: '2025-06-01T00:00:00Z',
  version: 3
};
const ACME_INC = { ...ACME, key: 'acme-inc', name: 'Acme Inc', segment: 'smb' as const, arr: 1000 };
const CURATOR = { canEdit: true, canContribute: true, canCurate: true };
const CONTRIBUTOR = { canEdit: true, canContribute: true, canCurate: false };

function accountView(overrides: Partial<AccountView> = {}): AccountView {
  const issue = {
    issueId: '10005',
    key: 'DEMO-5',
    summary: 'Invoice checkout',
    status: 'Done',
    done: true,
    score: 21.5,
    contribution: 14.25
  };
  return {
    account: ACME_INC,
    insights: [insightView({ id: 'i-1', summary: 'Invoice export is missing VAT', accountKey: 'acme-inc' })],
    issues: [
      issue,
      {
        ...issue,
        issueId: '10006',
        key: 'DEMO-6',
        summary: 'VAT export',
        status: 'To Do',
        done: false,
        score: 8,
        contribution: 3
      }
    ],
    shipped: [issue],
    totals: { insights: 1, issues: 2, contribution: 17.25 },
    mergeableInsights: 4,
    inOtherProjects: false,
    truncated: false,
    history: [
      { at: '2025-06-02T10:00:00Z', by: 'alice', changes: [{ field: 'arr', before: 500, after: 1000 }] }
    ],
    ...overrides
  };
}

beforeEach(() => {
  resetBridge();
  onResolver('project/searchAccounts', ({ query }) =>
    ok({ items: [ACME, ACME_INC].filter((a) => a.name.toLowerCase().startsWith(query.toLowerCase())) })
  );
});

async function openAcmeInc(user: ReturnType<typeof setupUser>): Promise<void> {
  await user.type(screen.getByLabelText(/Find an account/), 'Acme');
  const matches = await screen.findByRole('list', { name: 'Find an account: matching accounts' });
  await user.click(within(matches).getByRole('button', { name: 'Acme Inc' }));
}

it('shows the picked account’s issues with its share of each score, shipped work, insights and history', async () => {
  onResolver('project/accountView', () => ok(accountView()));
  const user = setupUser();
  render(<AccountsView access={CONTRIBUTOR} />);
  await openAcmeInc(user);
  expect(await screen.findByRole('heading', { name: 'Acme Inc' })).toBeInTheDocument();
  expect(lastPayload('project/accountView')).toEqual({ accountKey: 'acme-inc' });
  expect(
    screen.getByText(/1 insights in this project · backs 2 issues · contributes 17\.25 points/)
  ).toBeInTheDocument();
  const rows = within(screen.getByRole('table', { name: 'Issues this account backs' })).getAllByRole('row');
  expect(within(rows[1]!).getByText('14.25')).toBeInTheDocument();
  expect(
    within(screen.getByRole('list', { name: 'Shipped work to tell this account about' })).getAllByRole(
      'listitem'
    )
  ).toHaveLength(1);
  expect(
    within(screen.getByRole('list', { name: 'Insights from this account' })).getByText(
      'Invoice export is missing VAT'
    )
  ).toBeInTheDocument();
  expect(
    within(screen.getByRole('list', { name: 'Account history' })).getByText(/ARR: .*→/)
  ).toBeInTheDocument();
  // A contributor reads; only curators edit and merge.
  expect(screen.queryByRole('form', { name: 'Edit account' })).not.toBeInTheDocument();
});

it('says accounts are hidden when the privacy settings hide customer identity', async () => {
  onResolver('project/accountView', () => fail('FORBIDDEN'));
  const user = setupUser();
  render(<AccountsView access={CURATOR} />);
  await openAcmeInc(user);
  expect(await screen.findByText('Customer accounts are hidden for you')).toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});

it('lets a curator edit the account and sends only the account’s key and fields', async () => {
  onResolver('project/accountView', () => ok(accountView()));
  onResolver('project/upsertAccount', ({ account }) => ok({ ...ACME_INC, ...account, changes: [] }));
  const user = setupUser();
  render(<AccountsView access={CURATOR} />);
  await openAcmeInc(user);
  const form = await screen.findByRole('form', { name: 'Edit account' });
  const arr = within(form).getByLabelText(/ARR/);
  await user.clear(arr);
  await user.type(arr, '5000');
  await user.click(within(form).getByRole('button', { name: 'Save account' }));
  expect(lastPayload('project/upsertAccount')).toEqual({
    account: { key: 'acme-inc', name: 'Acme Inc', segment: 'smb', arr: 5000 }
  });
});

it('asks before merging, saying how many insights move, and merges only on confirmation', async () => {
  onResolver('project/accountView', ({ accountKey }) =>
    ok(accountKey === 'acme-inc' ? accountView() : accountView({ account: ACME, history: [] }))
  );
  onResolver('project/mergeAccounts', () => ok({ survivor: ACME, insightsMoved: 4 }));
  const user = setupUser();
  render(<AccountsView access={CURATOR} />);
  await openAcmeInc(user);
  await user.type(await screen.findByLabelText(/Merge into/), 'Acme');
  const matches = await screen.findByRole('list', { name: 'Merge into: matching accounts' });
  // The duplicate itself is not offered as the account to keep.
  expect(within(matches).queryByRole('button', { name: 'Acme Inc' })).not.toBeInTheDocument();
  await user.click(within(matches).getByRole('button', { name: 'Acme Corp' }));
  expect(screen.getByText(/4 insights will move to Acme Corp/)).toBeInTheDocument();
  expect(lastPayload('project/mergeAccounts')).toBeUndefined();
  await user.click(screen.getByRole('button', { name: 'Merge 4 insights' }));
  expect(lastPayload('project/mergeAccounts')).toEqual({ sourceKey: 'acme-inc', targetKey: 'acme-corp' });
  expect(await screen.findByRole('heading', { name: 'Acme Corp' })).toBeInTheDocument();
});

it('does not offer a merge for an account with evidence in other projects', async () => {
  onResolver('project/accountView', () => ok(accountView({ inOtherProjects: true })));
  const user = setupUser();
  render(<AccountsView access={CURATOR} />);
  await openAcmeInc(user);
  expect(await screen.findByText(/also has evidence in other projects/)).toBeInTheDocument();
  expect(screen.queryByLabelText(/Merge into/)).not.toBeInTheDocument();
});
