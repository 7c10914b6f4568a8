import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import type { Result } from '../../../src/contract/result';
import type { AdminContract, PayloadOf, ResultOf } from '../../../src/contract/surfaces';
import type { AdminSettingsView, ScorePreviewRow } from '../../../src/contract/views';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from '../../../src/domain/scoring/settings';
import { fail, forgeBridgeMock, ok, resetBridge } from '../test/forge-bridge';
import { AdminPage } from './AdminPage';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

// The shared bridge double's `onResolver` is typed for the panel's keys; the admin
// page's resolvers are answered here, typed from the admin contract the same way.
type Handler = (payload: unknown) => unknown;
const handlers = new Map<string, Handler>();
function onAdmin<K extends keyof AdminContract>(
  key: K,
  handler: (payload: PayloadOf<K>) => Result<ResultOf<K>>
): void {
  handlers.set(key, handler as Handler);
}
function payloads(key: keyof AdminContract): unknown[] {
  return forgeBridgeMock.invoke.mock.calls.filter((call) => call[0] === key).map((call) => call[1]);
}

function defaults(): ScoringSettings {
  return JSON.parse(JSON.stringify(DEFAULT_SCORING_SETTINGS)) as ScoringSettings;
}

function settingsView(overrides: Partial<AdminSettingsView> = {}): AdminSettingsView {
  return {
    scoring: defaults(),
    privacy: { restrictIdentity: false, allowedGroups: ['product-leads'] },
    formulaVersion: 1,
    settingsHash: 'aaaa1111bbbb2222',
    rescore: null,
    ...overrides
  };
}

const ROWS: ScorePreviewRow[] = [
  { issueId: '1', key: 'CE-1', summary: 'Export times out', current: 10, preview: 15.5 },
  { issueId: '2', key: 'CE-2', summary: 'SSO login loops', current: 8, preview: 6.25 },
  { issueId: '3', key: 'CE-3', summary: 'Dark mode contrast', current: 3, preview: 3 }
];

function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function loaded(): Promise<void> {
  render(<AdminPage />);
  await screen.findByTestId('scoring-form');
}

beforeEach(() => {
  resetBridge();
  handlers.clear();
  forgeBridgeMock.invoke.mockImplementation((key: string, payload: unknown) => {
    const handler = handlers.get(key);
    if (!handler) return Promise.reject(new Error(`No test handler for ${key}`));
    return Promise.resolve().then(() => handler(payload));
  });
  onAdmin('admin/getSettings', () => ok(settingsView()));
  onAdmin('admin/previewScoring', () => ok(ROWS));
  onAdmin('admin/publishFailures', () => ok([]));
});

it('lists the issues Jira keeps refusing the customer-impact property for', async () => {
  onAdmin('admin/publishFailures', () =>
    ok([
      {
        issueId: '10363',
        projectId: '10003',
        attempts: 3,
        lastError: 'Jira could not set the customer-impact property.',
        firstFailedAt: '2026-01-01T00:00:00.000Z',
        lastFailedAt: '2026-01-02T00:00:00.000Z'
      }
    ])
  );
  await loaded();
  const list = await screen.findByRole('list', { name: 'Issues not published' });
  expect(within(list).getByText(/Issue 10363 in project 10003: refused 3 times/)).toBeInTheDocument();
  expect(screen.getByText(/Jira refused the customer-impact property for 1 issue\./)).toBeInTheDocument();
});

it('shows no publishing notice when every score reached Jira', async () => {
  await loaded();
  await waitFor(() => expect(payloads('admin/publishFailures')).toHaveLength(1));
  expect(screen.queryByTestId('publish-failures')).not.toBeInTheDocument();
});

it('loads the settings into labelled fields, with the formula version and settings hash', async () => {
  render(<AdminPage />);
  expect(screen.getByTestId('admin-loading')).toBeInTheDocument();
  await screen.findByTestId('scoring-form');

  const expected: [string, string][] = [
    ['Low', '1'],
    ['Medium', '2'],
    ['High', '4'],
    ['Critical', '8'],
    ['Enterprise', '1.5'],
    ['Mid-market', '1.2'],
    ['SMB', '1'],
    ['Self-serve', '0.8'],
    ['Unknown segment', '1'],
    ['ARR unit (USD)', '1000'],
    ['Half-life', '90'],
    ['Floor', '0.2']
  ];
  for (const [label, value] of expected) expect(screen.getByLabelText(label)).toHaveValue(value);
  const curve = screen.getByRole('group', { name: 'Revenue curve' });
  expect(within(curve).getByRole('button', { name: 'Logarithmic' })).toHaveAttribute('aria-pressed', 'true');
  expect(within(curve).getByRole('button', { name: 'Linear' })).toHaveAttribute('aria-pressed', 'false');
  expect(screen.getByTestId('scoring-form')).toHaveTextContent(
    'An insight loses half its weight every 90 days, but never below the floor (0.2).'
  );
  expect(screen.getByTestId('settings-formula-version')).toHaveTextContent('1');
  expect(screen.getByTestId('settings-hash')).toHaveTextContent('aaaa1111bbbb2222');
  expect(screen.getByRole('switch', { name: 'Restrict customer identity and revenue' })).toHaveAttribute(
    'aria-checked',
    'false'
  );
  expect(screen.getByLabelText('Jira group name')).toBeInTheDocument();
  expect(screen.getAllByTestId('privacy-group').map((li) => li.textContent)).toEqual(['product-leadsRemove']);
  // Nothing was edited, so there is nothing to preview.
  expect(screen.getByTestId('score-preview-unchanged')).toBeInTheDocument();
  expect(payloads('admin/previewScoring')).toHaveLength(0);
});

it('validates a bad half-life with the shared schema, without previewing or saving', async () => {
  await loaded();
  type('scoring-recency-halfLifeDays', '0');
  expect(screen.getByTestId('scoring-recency-halfLifeDays-error')).toHaveTextContent(
    'Half-life must be at least 1 day'
  );
  expect(screen.getByTestId('scoring-recency-halfLifeDays')).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByTestId('score-preview-invalid')).toBeInTheDocument();

  fireEvent.click(screen.getByTestId('scoring-save'));
  expect(screen.getByTestId('scoring-recency-halfLifeDays')).toHaveFocus();

  type('scoring-recency-halfLifeDays', 'soon');
  expect(screen.getByTestId('scoring-recency-halfLifeDays-error')).toHaveTextContent(
    'Half-life must be a finite number'
  );
  // Weights may not decrease with severity: the rule lives in the shared schema.
  type('scoring-severityWeights-high', '10');
  expect(screen.getByTestId('scoring-severityWeights-critical-error')).toHaveTextContent(
    'Must be at least the high weight (10)'
  );

  await act(() => new Promise((r) => setTimeout(r, 500)));
  expect(payloads('admin/previewScoring')).toHaveLength(0);
  expect(payloads('admin/saveSettings')).toHaveLength(0);
});

it('previews the edited settings once the admin pauses, with each change as arrow, delta and text', async () => {
  await loaded();
  type('scoring-severityWeights-critical', '1');
  type('scoring-severityWeights-critical', '16');
  type('scoring-recency-floor', '0.1');

  const table = await screen.findByTestId('score-preview-table');
  // Debounced: one call for the settled settings, not one per keystroke.
  expect(payloads('admin/previewScoring')).toEqual([
    {
      scoring: {
        ...defaults(),
        severityWeights: { low: 1, medium: 2, high: 4, critical: 16 },
        recency: { halfLifeDays: 90, floor: 0.1 }
      }
    }
  ]);

  const rows = within(table).getAllByTestId('score-preview-row');
  expect(rows.map((r) => within(r).getByTestId('preview-key').textContent)).toEqual(['CE-1', 'CE-2', 'CE-3']);
  expect(within(rows[0] as HTMLElement).getByTestId('preview-current')).toHaveTextContent('10');
  expect(within(rows[0] as HTMLElement).getByTestId('preview-new')).toHaveTextContent('15.5');
  const changes = rows.map((r) => within(r).getByTestId('preview-change'));
  expect(changes[0]).toHaveTextContent('↑ Up by +5.5');
  expect(changes[0]).toHaveAttribute('data-direction', 'up');
  expect(changes[1]).toHaveTextContent('↓ Down by −1.75');
  expect(changes[1]).toHaveAttribute('data-direction', 'down');
  expect(changes[2]).toHaveTextContent('No change');
  expect(within(table).getByRole('columnheader', { name: 'New score' })).toBeInTheDocument();
  // Previewing saves nothing.
  expect(payloads('admin/saveSettings')).toHaveLength(0);
});

it('saves the whole scoring settings, flags success and shows the new settings hash', async () => {
  onAdmin('admin/saveSettings', (p) =>
    ok(settingsView({ scoring: p.scoring as ScoringSettings, settingsHash: 'cccc3333dddd4444' }))
  );
  await loaded();
  type('scoring-recency-halfLifeDays', '30');
  fireEvent.click(screen.getByRole('button', { name: 'Linear' }));
  expect(screen.getByTestId('scoring-curve-help')).toHaveTextContent('Points × (1 + ARR ÷ unit)');
  expect(screen.getByTestId('scoring-dirty')).toHaveTextContent('Unsaved changes');
  fireEvent.click(screen.getByTestId('scoring-save'));

  expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Saved');
  expect(payloads('admin/saveSettings')).toEqual([
    {
      scoring: {
        ...defaults(),
        revenue: { curve: 'linear', unit: 1000 },
        recency: { halfLifeDays: 30, floor: 0.2 }
      }
    }
  ]);
  expect(screen.getByRole('button', { name: 'Linear' })).toHaveAttribute('aria-pressed', 'true');
  expect(screen.getByTestId('settings-hash')).toHaveTextContent('cccc3333dddd4444');
  expect(screen.getByTestId('scoring-dirty')).toHaveTextContent('No unsaved changes');
  expect(screen.getByLabelText('Half-life')).toHaveValue('30');
  expect(screen.getByTestId('settings-recompute-note')).toHaveTextContent(
    'recomputed with the new settings as evidence changes and by the daily refresh'
  );
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ type: 'success', title: 'Scoring settings saved' })
  );
});

it('shows the server’s field issues on the matching fields and flags the failure', async () => {
  onAdmin('admin/saveSettings', () =>
    fail('VALIDATION_FAILED', 'Invalid scoring settings', [
      { path: 'scoring.recency.halfLifeDays', message: 'Half-life must be at most 3650 days' },
      { path: 'scoring.segmentWeights.smb', message: 'Weight must be at most 100' },
      { path: 'scoring.extra', message: 'Unknown field' }
    ])
  );
  await loaded();
  type('scoring-recency-halfLifeDays', '365');
  fireEvent.click(screen.getByTestId('scoring-save'));

  expect(await screen.findByTestId('scoring-recency-halfLifeDays-error')).toHaveTextContent(
    'Half-life must be at most 3650 days'
  );
  expect(screen.getByTestId('scoring-segmentWeights-smb-error')).toHaveTextContent(
    'Weight must be at most 100'
  );
  expect(screen.getByTestId('scoring-form-errors')).toHaveTextContent('scoring.extra: Unknown field');
  // Focus goes to the first field in form order that needs attention.
  expect(screen.getByTestId('scoring-segmentWeights-smb')).toHaveFocus();
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({
      type: 'error',
      title: 'Could not save the scoring settings',
      description: 'Some fields need attention.'
    })
  );
  // What the admin typed stays; editing the field clears the server's message for it.
  expect(screen.getByLabelText('Half-life')).toHaveValue('365');
  type('scoring-recency-halfLifeDays', '366');
  expect(screen.queryByTestId('scoring-recency-halfLifeDays-error')).not.toBeInTheDocument();
  expect(screen.getByTestId('scoring-segmentWeights-smb-error')).toBeInTheDocument();
});

it('resets the form to the default settings without saving', async () => {
  onAdmin('admin/getSettings', () =>
    ok(settingsView({ scoring: { ...defaults(), recency: { halfLifeDays: 30, floor: 0 } } }))
  );
  await loaded();
  expect(screen.getByLabelText('Half-life')).toHaveValue('30');
  fireEvent.click(screen.getByTestId('scoring-reset'));
  expect(screen.getByLabelText('Half-life')).toHaveValue('90');
  expect(screen.getByLabelText('Floor')).toHaveValue('0.2');
  expect(screen.getByTestId('scoring-dirty')).toHaveTextContent('Unsaved changes');
  fireEvent.click(screen.getByTestId('scoring-discard'));
  expect(screen.getByLabelText('Half-life')).toHaveValue('30');
  expect(payloads('admin/saveSettings')).toHaveLength(0);
});

it('tells a non-administrator that only Jira administrators can change the settings', async () => {
  onAdmin('admin/getSettings', () =>
    fail('FORBIDDEN', 'Only Jira administrators can see or change these settings.')
  );
  render(<AdminPage />);
  const forbidden = await screen.findByTestId('admin-forbidden');
  expect(forbidden).toHaveTextContent('Only Jira administrators can change customer-evidence settings');
  expect(screen.queryByTestId('admin-retry')).not.toBeInTheDocument();
  expect(screen.queryByTestId('scoring-form')).not.toBeInTheDocument();
  expect(screen.queryByTestId('privacy-form')).not.toBeInTheDocument();
});

it('offers a retry when the settings fail to load', async () => {
  let calls = 0;
  onAdmin('admin/getSettings', () => (++calls === 1 ? fail('UPSTREAM_FAILED') : ok(settingsView())));
  render(<AdminPage />);
  expect(await screen.findByTestId('admin-error')).toHaveTextContent('The settings didn’t load');
  fireEvent.click(screen.getByTestId('admin-retry'));
  expect(await screen.findByTestId('scoring-form')).toBeInTheDocument();
});

it('edits the allowed groups and saves them with the switch', async () => {
  onAdmin('admin/saveSettings', (p) =>
    ok(settingsView({ privacy: { restrictIdentity: true, allowedGroups: p.privacy?.allowedGroups ?? [] } }))
  );
  await loaded();
  const privacy = screen.getByTestId('privacy-form');
  fireEvent.click(within(privacy).getByRole('switch', { name: 'Restrict customer identity and revenue' }));
  expect(within(privacy).getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  expect(within(privacy).getByTestId('privacy-restrict-state')).toHaveTextContent('On');

  fireEvent.click(screen.getByTestId('privacy-group-add'));
  expect(screen.getByTestId('privacy-group-input-error')).toHaveTextContent('Enter a Jira group name.');
  type('privacy-group-input', '  Product-Leads ');
  fireEvent.click(screen.getByTestId('privacy-group-add'));
  expect(screen.getByTestId('privacy-group-input-error')).toHaveTextContent(
    'Product-Leads is already in the list.'
  );

  type('privacy-group-input', 'customer-success');
  fireEvent.click(screen.getByTestId('privacy-group-add'));
  type('privacy-group-input', 'finance');
  fireEvent.keyDown(screen.getByTestId('privacy-group-input'), { key: 'Enter' });
  expect(screen.getByTestId('privacy-group-input')).toHaveValue('');
  fireEvent.click(screen.getByRole('button', { name: 'Remove product-leads' }));
  expect(screen.getAllByTestId('privacy-group').map((li) => li.firstChild?.textContent)).toEqual([
    'customer-successRemove',
    'financeRemove'
  ]);

  fireEvent.click(screen.getByTestId('privacy-save'));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: 'Privacy settings saved' })
    )
  );
  expect(payloads('admin/saveSettings')).toEqual([
    { privacy: { restrictIdentity: true, allowedGroups: ['customer-success', 'finance'] } }
  ]);
  expect(screen.getByTestId('privacy-dirty')).toHaveTextContent('No unsaved changes');
});

it('warns when nobody could see identity, and stops adding at 20 groups', async () => {
  const twenty = Array.from({ length: 20 }, (_, i) => `group-${i + 1}`);
  onAdmin('admin/getSettings', () =>
    ok(settingsView({ privacy: { restrictIdentity: true, allowedGroups: twenty } }))
  );
  await loaded();
  expect(screen.getByTestId('privacy-group-add')).toBeDisabled();
  expect(screen.getByTestId('privacy-form')).toHaveTextContent('Allowed groups (20 of 20)');
  expect(screen.queryByTestId('privacy-nobody-warning')).not.toBeInTheDocument();
  for (const group of twenty) fireEvent.click(screen.getByRole('button', { name: `Remove ${group}` }));
  expect(screen.getByTestId('privacy-nobody-warning')).toBeInTheDocument();
  expect(screen.getByTestId('privacy-groups-empty')).toBeInTheDocument();
});

it('puts the server’s privacy issues on the group list', async () => {
  onAdmin('admin/saveSettings', () =>
    fail('VALIDATION_FAILED', 'Invalid privacy settings', [
      { path: 'privacy.allowedGroups.0', message: 'Too big: expected string to have <=255 characters' }
    ])
  );
  await loaded();
  fireEvent.click(screen.getByTestId('privacy-save'));
  expect(await screen.findByTestId('privacy-groups-error')).toHaveTextContent(
    'product-leads: Too big: expected string to have <=255 characters'
  );
});

it('shows a running rescore and follows it until every project is done', async () => {
  const running = {
    runId: 'run-1',
    reason: 'settings' as const,
    startedAt: '2026-11-29T10:00:00.000Z',
    projects: 3,
    projectsDone: 1,
    projectsFailed: 0,
    issuesRescored: 120,
    done: false,
    stalled: false
  };
  onAdmin('admin/getSettings', () => ok(settingsView({ rescore: running })));
  onAdmin('admin/rescoreProgress', () =>
    ok({ ...running, projectsDone: 3, issuesRescored: 410, done: true })
  );
  jest.useFakeTimers();
  try {
    render(<AdminPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    const progress = await screen.findByTestId('rescore-progress-text');
    expect(progress).toHaveTextContent('1 of 3 projects, 120 issues rescored');
    expect(screen.getByRole('progressbar', { name: 'Rescore progress' })).toHaveAttribute(
      'aria-valuenow',
      '1'
    );
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2100);
    });
    expect(screen.getByTestId('rescore-progress-text')).toHaveTextContent(
      '3 of 3 projects, 410 issues rescored'
    );
    expect(screen.getByText('Scores are up to date')).toBeInTheDocument();
    // Done: no more polling.
    const polls = payloads('admin/rescoreProgress').length;
    await act(async () => {
      await jest.advanceTimersByTimeAsync(6000);
    });
    expect(payloads('admin/rescoreProgress')).toHaveLength(polls);
  } finally {
    jest.useRealTimers();
  }
});

it('shows a rescore that stopped on a failing project, and Retry continues it', async () => {
  const stopped = {
    runId: 'run-2',
    reason: 'daily' as const,
    startedAt: '2026-11-29T10:00:00.000Z',
    projects: 3,
    projectsDone: 2,
    projectsFailed: 1,
    issuesRescored: 300,
    done: false,
    stalled: false
  };
  onAdmin('admin/getSettings', () => ok(settingsView({ rescore: stopped })));
  onAdmin('admin/rescoreProgress', () => ok(stopped));
  onAdmin('admin/retryRescore', () => ok({ ...stopped, projectsFailed: 0 }));
  await loaded();
  expect(screen.getByText('Recomputing scores has stopped')).toBeInTheDocument();
  expect(screen.getByTestId('rescore-stopped-text')).toHaveTextContent('1 project could not be rescored.');
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(screen.getByText('Recomputing scores…')).toBeInTheDocument());
  expect(payloads('admin/retryRescore')).toHaveLength(1);
  expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
});

it('polls a rescore of many projects less often, to spare the storage quota', async () => {
  const running = {
    runId: 'run-3',
    reason: 'settings' as const,
    startedAt: '2026-11-29T10:00:00.000Z',
    projects: 2000,
    projectsDone: 10,
    projectsFailed: 0,
    issuesRescored: 1000,
    done: false,
    stalled: false
  };
  onAdmin('admin/getSettings', () => ok(settingsView({ rescore: running })));
  onAdmin('admin/rescoreProgress', () => ok(running));
  jest.useFakeTimers();
  try {
    render(<AdminPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    await screen.findByTestId('rescore-progress-text');
    // 2 000 projects: every 50 s, not every 2 s.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10_000);
    });
    expect(payloads('admin/rescoreProgress')).toHaveLength(0);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(45_000);
    });
    expect(payloads('admin/rescoreProgress')).toHaveLength(1);
  } finally {
    jest.useRealTimers();
  }
});
