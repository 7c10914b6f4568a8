import { screen, waitFor, within } from '@testing-library/react';
import type { RequestPrefillView } from '../../../src/contract/views';
import {
  fail,
  forgeBridgeMock,
  lastPayload,
  ok,
  onResolver,
  payloadsOf,
  resetBridge
} from '../test/forge-bridge';
import { renderWithQueries as render } from '../test/render';
import { setupUser } from '../test/user';
import { RequestAction } from './RequestAction';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

const prefill = (overrides: Partial<RequestPrefillView> = {}): RequestPrefillView => ({
  request: {
    issueKey: 'SUP-1',
    summary: 'Invoice export times out for our finance team',
    quote: 'Every month-end the export fails.',
    priority: 'High',
    url: 'https://example.atlassian.net/servicedesk/customer/portal/1/SUP-1'
  },
  account: { name: 'Globex', known: true },
  organizations: ['Globex'],
  severity: 'high',
  severityFrom: 'preset',
  projects: [
    { id: '10000', key: 'CHK', name: 'Checkout' },
    { id: '10001', key: 'MOB', name: 'Mobile App' }
  ],
  projectId: '10000',
  ...overrides
});

beforeEach(() => {
  resetBridge();
  onResolver('request/prefill', (p) =>
    ok(
      p.projectId === '10001'
        ? prefill({ projectId: '10001', severity: 'critical', severityFrom: 'project' })
        : prefill()
    )
  );
  onResolver('request/findIssues', (p) =>
    ok([
      {
        issueId: p.projectId === '10000' ? '10042' : '20042',
        key: 'CHK-12',
        summary: 'Faster invoice export',
        issueType: 'Story'
      }
    ])
  );
  onResolver('request/send', (p) =>
    ok({
      insightId: 'i-1',
      issueId: p.issueId,
      issueKey: 'CHK-12',
      projectId: p.projectId,
      requestKey: 'SUP-1'
    })
  );
});

it("prefills the request's text, its customer's account and the severity its priority maps to", async () => {
  render(<RequestAction />);
  expect(await screen.findByLabelText(/^Summary/)).toHaveValue(
    'Invoice export times out for our finance team'
  );
  expect(screen.getByLabelText(/^Quote/)).toHaveValue('Every month-end the export fails.');
  expect(screen.getByLabelText(/^Customer account/)).toHaveValue('Globex');
  expect(
    screen.getByText('The customer’s organization, as the evidence already names it.')
  ).toBeInTheDocument();
  expect(screen.getByText(/Jira Service Management’s usual mapping/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Pick an issue to send to' })).toBeDisabled();
});

it('sends to the issue picked by key, with the edited text, and says where it went', async () => {
  const user = setupUser();
  render(<RequestAction />);
  const summary = await screen.findByLabelText(/^Summary/);
  await user.clear(summary);
  await user.type(summary, 'Invoice export fails at month-end');
  await user.type(screen.getByLabelText(/^Product issue this is evidence for/), 'CHK-12');
  await user.click(screen.getByRole('button', { name: 'Search' }));
  const hits = await screen.findByRole('list', { name: 'Matching issues' });
  await user.click(within(hits).getByRole('button', { name: /Select/ }));
  await user.type(screen.getByLabelText(/^Why this is evidence/), 'Finance blocked every month');
  await user.click(screen.getByRole('button', { name: 'Send to CHK-12' }));

  expect(await screen.findByText('Sent SUP-1 to CHK-12.')).toBeInTheDocument();
  expect(lastPayload('request/findIssues')).toEqual({ projectId: '10000', query: 'CHK-12' });
  expect(lastPayload('request/send')).toEqual({
    projectId: '10000',
    issueId: '10042',
    summary: 'Invoice export fails at month-end',
    quote: 'Every month-end the export fails.',
    severity: 'high',
    account: { name: 'Globex' },
    note: 'Finance blocked every month'
  });
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(expect.objectContaining({ title: 'Sent to CHK-12' }));
});

it("takes another project's severity mapping when the project changes", async () => {
  const user = setupUser();
  render(<RequestAction />);
  await screen.findByLabelText(/^Summary/);
  await user.click(screen.getByLabelText(/^Product project/));
  await user.click(await screen.findByText('Mobile App (MOB)'));
  await waitFor(() => expect(payloadsOf('request/prefill')).toContainEqual({ projectId: '10001' }));
  expect(
    await screen.findByText('From the request’s priority, as this project maps it.')
  ).toBeInTheDocument();
  // The text typed so far stays.
  expect(screen.getByLabelText(/^Summary/)).toHaveValue('Invoice export times out for our finance team');
});

it("says why someone who contributes nowhere can't send from here", async () => {
  onResolver('request/prefill', () => ok(prefill({ projects: [], projectId: null })));
  render(<RequestAction />);
  expect(await screen.findByText('You can’t send evidence from here')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Send/ })).not.toBeInTheDocument();
});

it('says the same to someone who may not see the request, without a retry', async () => {
  onResolver('request/prefill', () =>
    fail('NOT_FOUND', 'Issue does not exist or you do not have permission to see it.')
  );
  render(<RequestAction />);
  expect(await screen.findByText('You can’t send evidence from here')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
});

it('keeps the form and flags why when sending is refused', async () => {
  onResolver('request/send', () =>
    fail('FORBIDDEN', 'Only contributors and curators of this project can add customer evidence.')
  );
  const user = setupUser();
  render(<RequestAction />);
  await user.type(await screen.findByLabelText(/^Product issue this is evidence for/), 'CHK-12');
  await user.click(screen.getByRole('button', { name: 'Search' }));
  await user.click(
    within(await screen.findByRole('list', { name: 'Matching issues' })).getByRole('button', {
      name: /Select/
    })
  );
  await user.click(screen.getByRole('button', { name: 'Send to CHK-12' }));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'The request was not sent' })
    )
  );
  expect(screen.getByLabelText(/^Summary/)).toBeInTheDocument();
});
