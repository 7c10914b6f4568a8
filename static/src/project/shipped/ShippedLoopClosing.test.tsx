import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import { shippedIssue } from '../../test/fixtures';
import { fail, lastPayload, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { ShippedForCustomers } from './ShippedForCustomers';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

beforeEach(resetBridge);

const told = (requestKey: string) => [{ requestKey, toldAt: '2025-06-12T10:00:00.000Z' }];

async function findIssue(name: string): Promise<HTMLElement> {
  return within(await screen.findByRole('list', { name: 'Done issues with customer evidence' })).getByRole(
    'listitem',
    { name }
  );
}

it('says, per account, which service requests were told, and leaves the others to tell', async () => {
  onResolver('project/loopClosing', () => ok({ enabled: true, canEdit: false }));
  onResolver('project/shipped', () =>
    ok([
      shippedIssue({
        accounts: [
          { key: 'acme', name: 'Acme', arr: 240_000, told: told('HELP-4') },
          { key: 'globex', name: 'Globex', arr: 1_200_000 }
        ],
        otherTold: told('HELP-9')
      })
    ])
  );
  render(<ShippedForCustomers />);
  const item = await findIssue('DEMO-3: Scheduled CSV export');
  const table = within(item).getByRole('table', { name: /^Customers to tell/ });
  expect(within(table).getByRole('columnheader', { name: 'Requests told' })).toBeInTheDocument();
  const [acme, globex] = within(table).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];
  expect(within(acme).getAllByRole('cell')[2]).toHaveTextContent(/^HELP-4 \(told .+\)$/);
  expect(within(globex).getAllByRole('cell')[2]).toHaveTextContent('None: tell them yourself');
  expect(within(item).getByText(/Also told, without an account listed here/)).toHaveTextContent('HELP-9');
});

it('shows no told column while nothing was told', async () => {
  onResolver('project/loopClosing', () => ok({ enabled: false, canEdit: true }));
  onResolver('project/shipped', () => ok([shippedIssue()]));
  render(<ShippedForCustomers />);
  const item = await findIssue('DEMO-3: Scheduled CSV export');
  expect(within(item).queryByRole('columnheader', { name: 'Requests told' })).not.toBeInTheDocument();
});

it('lets a curator turn on telling service requests when work ships', async () => {
  onResolver('project/shipped', () => ok([]));
  onResolver('project/loopClosing', () => ok({ enabled: false, canEdit: true }));
  onResolver('project/setLoopClosing', (p) => ok({ enabled: p.enabled, canEdit: true }));
  const user = setupUser();
  render(<ShippedForCustomers />);
  const box = await screen.findByRole('checkbox', { name: 'Tell service requests when work ships' });
  expect(box).not.toBeChecked();
  expect(box).toHaveAccessibleDescription(/internal comment naming it, once/);
  await user.click(box);
  await waitFor(() => expect(box).toBeChecked());
  expect(lastPayload('project/setLoopClosing')).toEqual({ enabled: true });
});

it('shows others the setting without letting them change it, and says why', async () => {
  onResolver('project/shipped', () => ok([]));
  onResolver('project/loopClosing', () => ok({ enabled: true, canEdit: false }));
  render(<ShippedForCustomers />);
  const box = await screen.findByRole('checkbox', { name: 'Tell service requests when work ships' });
  expect(box).toBeChecked();
  expect(box).toBeDisabled();
  expect(box).toHaveAccessibleDescription('Only curators of this project can change this.');
});

it('keeps the setting as it was when saving it fails', async () => {
  onResolver('project/shipped', () => ok([]));
  onResolver('project/loopClosing', () => ok({ enabled: false, canEdit: true }));
  onResolver('project/setLoopClosing', () => fail('FORBIDDEN'));
  const user = setupUser();
  render(<ShippedForCustomers />);
  const box = await screen.findByRole('checkbox', { name: 'Tell service requests when work ships' });
  await user.click(box);
  await waitFor(() => expect(lastPayload('project/setLoopClosing')).toEqual({ enabled: true }));
  expect(box).not.toBeChecked();
});
