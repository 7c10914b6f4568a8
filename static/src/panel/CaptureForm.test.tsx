import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EMPTY_VIEW, card, view } from '../test/fixtures';
import { fail, forgeBridgeMock, lastPayload, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

async function openForm(): Promise<HTMLElement> {
  render(<PanelApp />);
  fireEvent.click(await screen.findByTestId('add-evidence-button'));
  return screen.findByTestId('capture-form');
}

function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function submit(): void {
  fireEvent.click(screen.getByTestId('capture-submit'));
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
    expect(
      screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( ?\\*)?$`))
    ).toBeInTheDocument();
  }
});

it('refuses an empty summary and a javascript: link before calling the server', async () => {
  await openForm();
  type('capture-source-url', 'javascript:alert(1)');
  submit();
  expect(await screen.findByTestId('capture-summary-error')).toHaveTextContent('Summary is required');
  expect(screen.getByTestId('capture-source-url-error')).toHaveTextContent(
    'Only http:// and https:// links are allowed'
  );
  expect(screen.getByTestId('capture-summary')).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByTestId('capture-summary')).toHaveFocus();
  expect(forgeBridgeMock.invoke).not.toHaveBeenCalledWith('panel/captureAndLink', expect.anything());
});

it('reports a name-less account and a non-numeric ARR on their fields', async () => {
  await openForm();
  type('capture-summary', 'Slow export');
  type('capture-arr', 'lots');
  submit();
  expect(await screen.findByTestId('capture-account-name-error')).toHaveTextContent('Name is required');
  expect(screen.getByTestId('capture-arr-error')).toHaveTextContent('ARR must be a finite number');
});

it('clears a field’s message once it is edited', async () => {
  await openForm();
  submit();
  await screen.findByTestId('capture-summary-error');
  type('capture-summary', 'Now filled in');
  expect(screen.queryByTestId('capture-summary-error')).not.toBeInTheDocument();
});

it('shows the server’s field issues on the matching fields', async () => {
  onResolver('panel/captureAndLink', () =>
    fail('VALIDATION_FAILED', 'Invalid insight', [
      { path: 'observedAt', message: 'Must not be more than 1 day in the future' },
      { path: 'insight.account.arr', message: 'ARR must be at most 1,000,000,000,000' },
      { path: 'insight.importKey', message: 'Unknown field' }
    ])
  );
  await openForm();
  type('capture-summary', 'Slow export');
  type('capture-account-name', 'Acme');
  type('capture-arr', '5000');
  submit();
  expect(await screen.findByTestId('capture-observed-at-error')).toHaveTextContent(
    'Must not be more than 1 day in the future'
  );
  expect(screen.getByTestId('capture-arr-error')).toHaveTextContent('ARR must be at most 1,000,000,000,000');
  expect(screen.getByTestId('capture-form-errors')).toHaveTextContent('insight.importKey: Unknown field');
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ type: 'error', title: 'Could not add the evidence' })
  );
  // The form stays open with what the user typed.
  expect(screen.getByTestId('capture-summary')).toHaveValue('Slow export');
});

it('sends the shared contract payload, flags success and shows the returned view', async () => {
  onResolver('panel/captureAndLink', () =>
    ok({ view: view([card(), card({ insightId: 'new-1', summary: 'Slow export' })]), alreadyLinked: [] })
  );
  await openForm();
  type('capture-summary', '  Slow export ');
  type('capture-quote', 'It takes forever');
  type('capture-source-url', 'https://support.example.com/t/9');
  type('capture-account-name', 'Globex');
  type('capture-arr', '$1,200,000');
  type('capture-observed-at', '2025-06-10');
  type('capture-tags', 'export, csv, ');
  type('capture-note', 'Blocks their month-end');
  submit();

  await waitFor(() => expect(screen.queryByTestId('capture-form')).not.toBeInTheDocument());
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
  const cards = screen.getAllByTestId('evidence-card');
  expect(within(cards[1] as HTMLElement).getByTestId('card-summary')).toHaveTextContent('Slow export');
});

it('adds the first evidence from the empty state', async () => {
  onResolver('panel/getEvidence', () => ok(EMPTY_VIEW));
  onResolver('panel/captureAndLink', () =>
    ok({ view: view([card({ summary: 'First one' })]), alreadyLinked: [] })
  );
  render(<PanelApp />);
  fireEvent.click(await screen.findByTestId('empty-add-evidence'));
  await screen.findByTestId('capture-form');
  type('capture-summary', 'First one');
  submit();
  expect(await screen.findByTestId('impact-score')).toBeInTheDocument();
  expect(screen.getByTestId('card-summary')).toHaveTextContent('First one');
});
