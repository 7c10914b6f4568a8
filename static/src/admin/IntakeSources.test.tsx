import { screen, waitFor, within } from '@testing-library/react';
import type { IntakeSourceLogView } from '../../../src/contract/views';
import { renderWithQueries as render } from '../test/render';
import { fail, lastPayload, ok, onResolver, payloadsOf, resetBridge } from '../test/forge-bridge';
import { chooseOption } from '../test/select';
import { setupUser } from '../test/user';
import { IntakeSources } from './IntakeSources';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

const URL_BASE = 'https://example.invalid/x/webtrigger/evidence-intake';

const desk: IntakeSourceLogView = {
  sourceId: 'src-desk',
  name: 'Zendesk EU',
  projectId: '10000',
  projectKey: 'CHK',
  mapping: { preset: 'zendesk' },
  status: 'active',
  createdAt: '2026-11-30T08:00:00.000Z',
  secretSetAt: '2026-11-30T08:00:00.000Z',
  url: `${URL_BASE}/src-desk`,
  deliveries: [
    {
      deliveryId: 'd2',
      receivedAt: '2026-12-01T09:05:00.000Z',
      status: 'done',
      items: 3,
      accepted: 1,
      created: 1,
      updated: 0,
      duplicates: 1,
      rejected: 1,
      rejections: [{ index: 1, externalId: '4813', reason: 'Invalid item: summary must not be blank' }]
    },
    {
      deliveryId: 'd1',
      receivedAt: '2026-11-30T10:00:00.000Z',
      status: 'done',
      items: 2,
      accepted: 2,
      created: 2,
      updated: 0,
      duplicates: 0,
      rejected: 0,
      rejections: []
    }
  ]
};

const SECRET = 'a'.repeat(64);

beforeEach(() => {
  resetBridge();
  onResolver('admin/listRoles', () =>
    ok([
      { projectId: '10000', projectKey: 'CHK', contributors: [], curators: [] },
      { projectId: '10001', projectKey: 'MOB', contributors: [], curators: [] }
    ])
  );
  onResolver('admin/listIntakeSources', () => ok([desk]));
  onResolver('admin/createIntakeSource', (p) =>
    ok({
      source: {
        sourceId: 'src-new',
        name: p.name,
        projectId: p.projectId,
        projectKey: 'MOB',
        mapping: { preset: 'intercom' },
        status: 'active',
        createdAt: '2026-12-02T03:00:00.000Z',
        secretSetAt: '2026-12-02T03:00:00.000Z',
        url: `${URL_BASE}/src-new`
      },
      secret: SECRET
    })
  );
  onResolver('admin/rotateIntakeSecret', () => ok({ source: desk, secret: 'b'.repeat(64) }));
  onResolver('admin/setIntakeSourceStatus', (p) => ok({ ...desk, status: p.status }));
});

const sourceRow = async (name: string): Promise<HTMLElement> =>
  (await screen.findByRole('rowheader', { name })).closest('tr')!;

it('explains what a source is when there is none, and points to the signature recipe', async () => {
  onResolver('admin/listIntakeSources', () => ok([]));
  render(<IntakeSources />);
  expect(await screen.findByText(/No sources yet/)).toHaveTextContent(/README’s “Evidence intake” section/);
  expect(screen.getByRole('region', { name: 'Evidence intake' })).toHaveTextContent(
    /signed with the source’s secret/
  );
  expect(screen.queryByRole('table', { name: 'Intake sources' })).not.toBeInTheDocument();
});

it('creates a source and shows its URL and secret once, with a warning', async () => {
  const user = setupUser();
  render(<IntakeSources />);
  await user.click(await screen.findByRole('button', { name: 'Add source' }));
  await user.type(screen.getByLabelText(/^Name/), 'Intercom inbox');
  await waitFor(() => expect(payloadsOf('admin/listRoles')).toHaveLength(1));
  await chooseOption(/^Project/, 'MOB');
  await chooseOption(/^Payload format/, 'Intercom');
  await user.click(screen.getByRole('button', { name: 'Create source' }));

  await waitFor(() =>
    expect(lastPayload('admin/createIntakeSource')).toEqual({
      name: 'Intercom inbox',
      projectId: '10001',
      mapping: { preset: 'intercom' }
    })
  );
  const panel = await screen.findByRole('group', { name: 'Intercom inbox is ready' });
  expect(panel).toHaveTextContent('it will not be shown again');
  expect(within(panel).getByLabelText('Delivery URL')).toHaveValue(`${URL_BASE}/src-new`);
  expect(within(panel).getByLabelText('Signing secret')).toHaveValue(SECRET);
  expect(within(panel).getByRole('button', { name: 'Copy signing secret' })).toBeInTheDocument();
  expect(screen.queryByRole('form', { name: 'New intake source' })).not.toBeInTheDocument();

  await user.click(within(panel).getByRole('button', { name: 'I have copied the secret' }));
  expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
});

it('asks for the field paths of a generic source before sending anything', async () => {
  const user = setupUser();
  render(<IntakeSources />);
  await user.click(await screen.findByRole('button', { name: 'Add source' }));
  await user.type(screen.getByLabelText(/^Name/), 'Survey tool');
  await chooseOption(/^Project/, 'CHK');
  await chooseOption(/^Payload format/, 'Generic JSON (field paths)');
  await user.type(screen.getByLabelText(/^Summary path/), 'answer title');
  await user.click(screen.getByRole('button', { name: 'Create source' }));

  expect(
    await screen.findByText(/dotted path such as ticket.org.name/, { selector: '[id$="-summary-message"] *' })
  ).toBeInTheDocument();
  expect(screen.getByLabelText(/^External id path/)).toHaveAttribute('aria-invalid', 'true');
  expect(payloadsOf('admin/createIntakeSource')).toEqual([]);
});

it('shows the refusal of a project on the project field', async () => {
  const user = setupUser();
  onResolver('admin/createIntakeSource', () =>
    fail('VALIDATION_FAILED', 'Pick a project that exists and that you can browse.', [
      { path: 'projectId', message: 'Pick a project that exists and that you can browse.' }
    ])
  );
  render(<IntakeSources />);
  await user.click(await screen.findByRole('button', { name: 'Add source' }));
  await user.type(screen.getByLabelText(/^Name/), 'Help desk');
  await chooseOption(/^Project/, 'CHK');
  await chooseOption(/^Payload format/, 'Zendesk');
  await user.click(screen.getByRole('button', { name: 'Create source' }));
  expect(await screen.findByText('Pick a project that exists and that you can browse.')).toBeInTheDocument();
  expect(screen.getByRole('form', { name: 'New intake source' })).toBeInTheDocument();
  expect(screen.queryByRole('group', { name: /is ready/ })).not.toBeInTheDocument();
});

it("lists sources and opens a source's delivery log with the reasons of refused items", async () => {
  const user = setupUser();
  render(<IntakeSources />);
  const row = await sourceRow('Zendesk EU');
  expect(row).toHaveTextContent('CHK');
  expect(row).toHaveTextContent('Zendesk');
  expect(row).toHaveTextContent('Active');
  expect(row).not.toHaveTextContent(SECRET);

  await user.click(within(row).getByRole('button', { name: 'Deliveries (2)' }));
  const log = screen.getByRole('table', { name: 'Deliveries to Zendesk EU' });
  const [, latest, first] = within(log).getAllByRole('row');
  expect(latest).toHaveTextContent('1 Dec 2026, 09:05 UTC');
  expect(
    within(latest!)
      .getAllByRole('cell')
      .map((c) => c.textContent)
  ).toEqual([
    '1 Dec 2026, 09:05 UTC',
    'Done',
    '3',
    '1',
    '1',
    '1',
    'Why 1 item was refusedItem 2 (4813): Invalid item: summary must not be blank'
  ]);
  expect(first).toHaveTextContent('—');
  const reasons = within(latest!).getByText('Why 1 item was refused');
  expect(within(latest!).getByText(/summary must not be blank/)).not.toBeVisible();
  await user.click(reasons);
  expect(within(latest!).getByText(/summary must not be blank/)).toBeVisible();
});

it('asks before rotating a secret, Escape cancels, and the new secret is shown once', async () => {
  const user = setupUser();
  render(<IntakeSources />);
  const row = await sourceRow('Zendesk EU');
  await user.click(within(row).getByRole('button', { name: 'Rotate secret' }));
  expect(screen.getByRole('group', { name: 'Rotate the secret of Zendesk EU?' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('group', { name: 'Rotate the secret of Zendesk EU?' })).not.toBeInTheDocument();
  expect(within(row).getByRole('button', { name: 'Rotate secret' })).toHaveFocus();
  expect(payloadsOf('admin/rotateIntakeSecret')).toEqual([]);

  await user.click(within(row).getByRole('button', { name: 'Rotate secret' }));
  await user.click(screen.getByRole('button', { name: 'Rotate the secret' }));
  await waitFor(() => expect(lastPayload('admin/rotateIntakeSecret')).toEqual({ sourceId: 'src-desk' }));
  const panel = await screen.findByRole('group', { name: 'Zendesk EU has a new secret' });
  expect(within(panel).getByLabelText('Signing secret')).toHaveValue('b'.repeat(64));
  expect(panel).toHaveTextContent('signed with the old secret are refused');
});

it('disables a source', async () => {
  const user = setupUser();
  render(<IntakeSources />);
  const row = await sourceRow('Zendesk EU');
  await user.click(within(row).getByRole('button', { name: 'Disable' }));
  await waitFor(() =>
    expect(lastPayload('admin/setIntakeSourceStatus')).toEqual({ sourceId: 'src-desk', status: 'disabled' })
  );
});

it('cancels the form with Escape and gives focus back to Add source', async () => {
  const user = setupUser();
  render(<IntakeSources />);
  await user.click(await screen.findByRole('button', { name: 'Add source' }));
  await user.type(screen.getByLabelText(/^Name/), 'Half typed');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('form', { name: 'New intake source' })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Add source' })).toHaveFocus();
  expect(payloadsOf('admin/createIntakeSource')).toEqual([]);
});
