import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import type { UserEvent } from '@testing-library/user-event';
import { EMPTY_VIEW, card, view } from '../test/fixtures';
import { fail, forgeBridgeMock, lastPayload, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { evidenceCards } from '../test/panel-screen';
import { setupUser } from '../test/user';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

/** A field by its label as shown (a required field's label ends in an asterisk). */
function field(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( ?\\*)?$`));
}

async function openForm(): Promise<UserEvent> {
  const user = setupUser();
  render(<PanelApp />);
  await user.click(await screen.findByRole('button', { name: 'Add evidence' }));
  await screen.findByRole('form', { name: 'Add evidence' });
  return user;
}

function submit(user: UserEvent): Promise<void> {
  return user.click(screen.getByRole('button', { name: 'Add and link' }));
}

beforeEach(() => {
  resetBridge();
  onResolver('panel/getEvidence', () => ok(view()));
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
});

it('labels every field', async () => {
  await openForm();
  for (const label of [
    'Summary',
    'Customer quote',
    'Source',
    'Severity',
    'Sentiment',
    'Source link',
    'Account',
    'Segment',
    'ARR (USD)',
    'Journey stage',
    'Observed on',
    'Tags',
    'Why this is evidence'
  ]) {
    expect(field(label)).toBeInTheDocument();
  }
});

it('refuses an empty summary and a javascript: link before calling the server', async () => {
  const user = await openForm();
  await user.type(field('Source link'), 'javascript:alert(1)');
  await submit(user);
  const summary = field('Summary');
  await waitFor(() => expect(summary).toHaveAccessibleDescription(/Summary is required/));
  expect(field('Source link')).toHaveAccessibleDescription(/Only http:\/\/ and https:\/\/ links are allowed/);
  expect(summary).toHaveAttribute('aria-invalid', 'true');
  expect(summary).toHaveFocus();
  expect(forgeBridgeMock.invoke).not.toHaveBeenCalledWith('panel/captureAndLink', expect.anything());
});

it('reports a name-less account and a non-numeric ARR on their fields', async () => {
  const user = await openForm();
  await user.type(field('Summary'), 'Slow export');
  await user.type(field('ARR (USD)'), 'lots');
  await submit(user);
  await waitFor(() => expect(field('Account')).toHaveAccessibleDescription(/Name is required/));
  expect(field('ARR (USD)')).toHaveAccessibleDescription(/ARR must be a finite number/);
});

it('clears a field’s message once it is edited', async () => {
  const user = await openForm();
  await submit(user);
  expect(await screen.findByText('Summary is required')).toBeInTheDocument();
  await user.type(field('Summary'), 'Now filled in');
  expect(screen.queryByText('Summary is required')).not.toBeInTheDocument();
  expect(field('Summary')).not.toHaveAccessibleDescription(/Summary is required/);
});

it('shows the server’s field issues on the matching fields', async () => {
  onResolver('panel/captureAndLink', () =>
    fail('VALIDATION_FAILED', 'Invalid insight', [
      { path: 'observedAt', message: 'Must not be more than 1 day in the future' },
      { path: 'insight.account.arr', message: 'ARR must be at most 1,000,000,000,000' },
      { path: 'insight.importKey', message: 'Unknown field' }
    ])
  );
  const user = await openForm();
  await user.type(field('Summary'), 'Slow export');
  await user.type(field('Account'), 'Acme');
  await user.type(field('ARR (USD)'), '5000');
  await submit(user);
  await waitFor(() =>
    expect(field('Observed on')).toHaveAccessibleDescription(/Must not be more than 1 day in the future/)
  );
  expect(field('ARR (USD)')).toHaveAccessibleDescription(/ARR must be at most 1,000,000,000,000/);
  expect(screen.getByText('insight.importKey: Unknown field')).toBeInTheDocument();
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ type: 'error', title: 'Could not add the evidence' })
  );
  // The form stays open with what the user typed.
  expect(screen.getByRole('form', { name: 'Add evidence' })).toBeInTheDocument();
  expect(field('Summary')).toHaveValue('Slow export');
});

it('sends the shared contract payload, flags success and shows the returned view', async () => {
  onResolver('panel/captureAndLink', () =>
    ok({ view: view([card(), card({ insightId: 'new-1', summary: 'Slow export' })]), alreadyLinked: [] })
  );
  const user = await openForm();
  await user.type(field('Summary'), '  Slow export ');
  await user.type(field('Customer quote'), 'It takes forever');
  await user.type(field('Source link'), 'https://support.example.com/t/9');
  await user.type(field('Account'), 'Globex');
  await user.type(field('ARR (USD)'), '$1,200,000');
  await user.clear(field('Observed on'));
  await user.type(field('Observed on'), '2025-06-10');
  await user.type(field('Tags'), 'export, csv, ');
  await user.type(field('Why this is evidence'), 'Blocks their month-end');
  await submit(user);

  await waitFor(() => expect(screen.queryByRole('form', { name: 'Add evidence' })).not.toBeInTheDocument());
  expect(lastPayload('panel/captureAndLink')).toEqual({
    insight: {
      summary: '  Slow export ',
      quote: 'It takes forever',
      sourceKind: 'ticket',
      sourceUrl: 'https://support.example.com/t/9',
      account: { name: 'Globex', segment: 'unknown', arr: 1_200_000 },
      severity: 'medium',
      sentiment: 'negative',
      observedAt: '2025-06-10',
      tags: ['export', 'csv']
    },
    note: 'Blocks their month-end'
  });
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ type: 'success', title: 'Evidence added' })
  );
  const cards = evidenceCards();
  expect(cards).toHaveLength(2);
  expect(within(cards[1] as HTMLElement).getByText('Slow export')).toBeInTheDocument();
});

it('adds the first evidence from the empty state', async () => {
  onResolver('panel/getEvidence', () => ok(EMPTY_VIEW));
  onResolver('panel/captureAndLink', () =>
    ok({ view: view([card({ summary: 'First one' })]), alreadyLinked: [] })
  );
  const user = setupUser();
  render(<PanelApp />);
  await user.click(await screen.findByRole('button', { name: 'Add evidence' }));
  await screen.findByRole('form', { name: 'Add evidence' });
  await user.type(field('Summary'), 'First one');
  await submit(user);
  expect(await screen.findByRole('group', { name: 'Customer impact' })).toBeInTheDocument();
  const [only] = evidenceCards();
  expect(within(only as HTMLElement).getByText('First one')).toBeInTheDocument();
});
