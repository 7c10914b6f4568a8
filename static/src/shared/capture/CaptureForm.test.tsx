import { render, screen, waitFor, within } from '@testing-library/react';
import type { Account } from '../../../../src/domain/account';
import { fail, lastPayload, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { CaptureForm } from './CaptureForm';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const account = (name: string, key: string, fields: Partial<Account> = {}): Account => ({
  key,
  name,
  segment: 'unknown',
  arr: 0,
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  ...fields
});
const ACME = account('Acme Corporation', 'acme-corporation', { segment: 'enterprise', arr: 480000 });
const ROCKETS = account('Acme Rockets', 'acme-rockets');

/** A field by its label as shown (a required field's label ends in an asterisk). */
function field(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( ?\\*)?$`));
}

function renderForm(): { submitted: jest.Mock } {
  const submitted = jest.fn(() => Promise.resolve(null));
  render(
    <CaptureForm
      withNote={false}
      title="Capture insight"
      submitLabel="Capture insight"
      onSubmit={submitted}
      onDone={() => undefined}
      accountsFrom="project"
    />
  );
  return { submitted };
}

beforeEach(() => {
  resetBridge();
  onResolver('project/searchAccounts', ({ query }) => {
    const key = query.toLowerCase().replace(/\s+/g, '-');
    const items = [ACME, ROCKETS].filter((a) => a.key.startsWith(key));
    const exact = items.find((a) => a.key === key);
    return ok(exact ? { items, exact: exact.key } : { items });
  });
});

it('offers the accounts whose name begins with what was typed, and picking one fills the account', async () => {
  const user = setupUser();
  const { submitted } = renderForm();
  await user.type(field('Summary'), 'Slow export');
  await user.type(field('Account'), 'acm');
  const matches = await screen.findByRole('list', { name: 'Matching accounts' });
  expect(lastPayload('project/searchAccounts')).toEqual({ query: 'acm' });
  expect(
    within(matches)
      .getAllByRole('button')
      .map((b) => b.textContent)
  ).toEqual(['Acme Corporation', 'Acme Rockets', 'Create account “acm”']);

  await user.click(within(matches).getByRole('button', { name: 'Acme Corporation' }));
  expect(field('Account')).toHaveValue('Acme Corporation');
  expect(field('ARR (USD)')).toHaveValue('480000');
  await waitFor(() =>
    expect(field('Account')).toHaveAccessibleDescription(
      'Existing account: Acme Corporation. Its name stays as stored.'
    )
  );
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
  expect(submitted.mock.calls[0]).toMatchObject([
    { insight: { account: { name: 'Acme Corporation', segment: 'enterprise', arr: 480000 } } }
  ]);
});

it('takes a spelling variant of a stored account as that account, without asking to create one', async () => {
  const user = setupUser();
  const { submitted } = renderForm();
  await user.type(field('Summary'), 'Slow export');
  await user.type(field('Account'), 'acme corporation');
  await waitFor(() =>
    expect(field('Account')).toHaveAccessibleDescription(
      'Existing account: Acme Corporation. Its name stays as stored.'
    )
  );
  expect(screen.queryByRole('button', { name: /Create account/ })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
});

it('creates a new account only when the user says so', async () => {
  const user = setupUser();
  const { submitted } = renderForm();
  await user.type(field('Summary'), 'Slow export');
  await user.type(field('Account'), 'Initech');
  const create = await screen.findByRole('button', { name: 'Create account “Initech”' });

  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  expect(field('Account')).toHaveAccessibleDescription(
    'Pick a matching account, or choose “Create account” to add a new one.'
  );
  expect(field('Account')).toHaveFocus();
  expect(submitted).not.toHaveBeenCalled();

  await user.click(create);
  expect(field('Account')).toHaveAccessibleDescription('A new account “Initech” will be created.');
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
  expect(submitted.mock.calls[0]).toMatchObject([{ insight: { account: { name: 'Initech' } } }]);
});

it('stays a plain text field when accounts cannot be looked up', async () => {
  onResolver('project/searchAccounts', () => fail('FORBIDDEN', 'Not a contributor'));
  const user = setupUser();
  const { submitted } = renderForm();
  await user.type(field('Summary'), 'Slow export');
  await user.type(field('Account'), 'Initech');
  await waitFor(() => expect(lastPayload('project/searchAccounts')).toEqual({ query: 'Initech' }));
  expect(screen.queryByRole('list', { name: 'Matching accounts' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
  expect(submitted.mock.calls[0]).toMatchObject([{ insight: { account: { name: 'Initech' } } }]);
});
