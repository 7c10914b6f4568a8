import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel, type UserEvent } from '@testing-library/user-event';
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
    unknownGroups: [],
    ...overrides
  };
}

const ROWS: ScorePreviewRow[] = [
  { issueId: '1', key: 'CE-1', summary: 'Export times out', current: 10, preview: 15.5 },
  { issueId: '2', key: 'CE-2', summary: 'SSO login loops', current: 8, preview: 6.25 },
  { issueId: '3', key: 'CE-3', summary: 'Dark mode contrast', current: 3, preview: 3 }
];

/** Replaces what the field labelled `label` holds, key by key. */
async function retype(user: UserEvent, label: string, value: string): Promise<void> {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  if (value !== '') await user.type(field, value);
}

const scoringForm = (): HTMLElement => screen.getByRole('form', { name: 'Scoring settings' });
const privacyForm = (): HTMLElement => screen.getByRole('form', { name: 'Privacy settings' });
const groupList = (): HTMLElement => screen.getByRole('list', { name: /^Allowed groups/ });
/** A value the settings page names, e.g. "Formula version". */
const shown = (term: string): HTMLElement => screen.getByRole('definition', { name: term });

/**
 * Someone at the settings page. The page is long and styled by many atomic classes:
 * user-event's check of every ancestor's computed `pointer-events` before each click
 * would cost more than the rest of a test on a busy runner, and no control here turns
 * pointer events off (disabled buttons are `disabled`, which user-event still honours).
 */
function admin(): UserEvent {
  return userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}

async function loaded(): Promise<UserEvent> {
  const user = admin();
  render(<AdminPage />);
  // The forms are a lazy chunk: the file's first test waits for ts-jest to transpile it
  // and the shared schemas, which on a busy shared runner can outlast the default wait.
  await screen.findByRole('form', { name: 'Scoring settings' }, { timeout: 10_000 });
  return user;
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
  expect(screen.queryByText('Some scores could not be published to Jira')).not.toBeInTheDocument();
});

it('loads the settings into labelled fields, with the formula version and settings hash', async () => {
  render(<AdminPage />);
  expect(screen.getByRole('status')).toHaveTextContent('Loading the settings');
  await screen.findByRole('form', { name: 'Scoring settings' });

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
  expect(screen.getByLabelText('Half-life')).toHaveAccessibleDescription(
    'An insight loses half its weight every 90 days, but never below the floor (0.2).'
  );
  expect(shown('Formula version')).toHaveTextContent('1');
  expect(shown('Settings hash')).toHaveTextContent('aaaa1111bbbb2222');
  expect(screen.getByRole('switch', { name: 'Restrict customer identity and revenue' })).toHaveAttribute(
    'aria-checked',
    'false'
  );
  expect(screen.getByLabelText('Find a Jira group')).toBeInTheDocument();
  expect(
    within(groupList())
      .getAllByRole('listitem')
      .map((li) => li.textContent)
  ).toEqual(['product-leadsRemove']);
  // Nothing was edited, so there is nothing to preview.
  expect(
    screen.getByText(/^Change a setting to see how the top issues’ scores would move/)
  ).toBeInTheDocument();
  expect(payloads('admin/previewScoring')).toHaveLength(0);
});

it('validates a bad half-life with the shared schema, without previewing or saving', async () => {
  const user = await loaded();
  const halfLife = screen.getByLabelText('Half-life');
  await retype(user, 'Half-life', '0');
  expect(halfLife).toHaveAccessibleDescription(expect.stringContaining('Half-life must be at least 1 day'));
  expect(halfLife).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByText('Fix the highlighted fields to update the preview.')).toBeInTheDocument();

  await user.click(within(scoringForm()).getByRole('button', { name: 'Save scoring settings' }));
  expect(halfLife).toHaveFocus();

  await retype(user, 'Half-life', 'soon');
  expect(halfLife).toHaveAccessibleDescription(expect.stringContaining('Half-life must be a finite number'));
  // Weights may not decrease with severity: the rule lives in the shared schema.
  await retype(user, 'High', '10');
  expect(screen.getByLabelText('Critical')).toHaveAccessibleDescription(
    expect.stringContaining('Must be at least the high weight (10)')
  );

  await act(() => new Promise((r) => setTimeout(r, 500)));
  expect(payloads('admin/previewScoring')).toHaveLength(0);
  expect(payloads('admin/saveSettings')).toHaveLength(0);
});

it('previews the edited settings once the admin pauses, with each change as arrow, delta and text', async () => {
  const user = await loaded();
  await retype(user, 'Critical', '1');
  await retype(user, 'Critical', '16');
  await retype(user, 'Floor', '0.1');

  const table = await screen.findByRole('table', { name: /^Scores of the site’s highest-scored issues/ });
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

  // Below the column headers, one row per issue, headed by its key.
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['CE-1', 'CE-2', 'CE-3']);
  const cells = (row: HTMLElement | undefined): HTMLElement[] =>
    within(row as HTMLElement).getAllByRole('cell');
  const [summary, current, next] = cells(rows[0]);
  expect(summary).toHaveTextContent('Export times out');
  expect(current).toHaveTextContent('10');
  expect(next).toHaveTextContent('15.5');
  // The change is the last column; its direction also sets its colour.
  const changes = rows.map((r) => cells(r)[3]?.firstElementChild);
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
  const user = await loaded();
  await retype(user, 'Half-life', '30');
  await user.click(screen.getByRole('button', { name: 'Linear' }));
  expect(screen.getByRole('group', { name: 'Revenue curve' })).toHaveAccessibleDescription(
    expect.stringContaining('Points × (1 + ARR ÷ unit)')
  );
  expect(within(scoringForm()).getByText('Unsaved changes')).toBeInTheDocument();
  await user.click(within(scoringForm()).getByRole('button', { name: 'Save scoring settings' }));

  expect(await screen.findByText('✓ Saved')).toBeInTheDocument();
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
  expect(shown('Settings hash')).toHaveTextContent('cccc3333dddd4444');
  expect(within(scoringForm()).getByText('No unsaved changes')).toBeInTheDocument();
  expect(screen.getByLabelText('Half-life')).toHaveValue('30');
  expect(
    screen.getByText(/recomputed with the new settings as evidence changes and by the daily refresh/)
  ).toBeInTheDocument();
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
  const user = await loaded();
  await retype(user, 'Half-life', '365');
  await user.click(within(scoringForm()).getByRole('button', { name: 'Save scoring settings' }));

  const halfLife = screen.getByLabelText('Half-life');
  const smb = screen.getByLabelText('SMB');
  await waitFor(() =>
    expect(halfLife).toHaveAccessibleDescription(
      expect.stringContaining('Half-life must be at most 3650 days')
    )
  );
  expect(smb).toHaveAccessibleDescription(expect.stringContaining('Weight must be at most 100'));
  expect(within(scoringForm()).getByText('scoring.extra: Unknown field')).toBeInTheDocument();
  // Focus goes to the first field in form order that needs attention.
  expect(smb).toHaveFocus();
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({
      type: 'error',
      title: 'Could not save the scoring settings',
      description: 'Some fields need attention.'
    })
  );
  // What the admin typed stays; editing the field clears the server's message for it.
  expect(screen.getByLabelText('Half-life')).toHaveValue('365');
  await retype(user, 'Half-life', '366');
  expect(halfLife).not.toHaveAccessibleDescription(expect.stringContaining('at most 3650 days'));
  expect(smb).toHaveAccessibleDescription(expect.stringContaining('Weight must be at most 100'));
});

it('resets the form to the default settings without saving', async () => {
  onAdmin('admin/getSettings', () =>
    ok(settingsView({ scoring: { ...defaults(), recency: { halfLifeDays: 30, floor: 0 } } }))
  );
  const user = await loaded();
  expect(screen.getByLabelText('Half-life')).toHaveValue('30');
  await user.click(within(scoringForm()).getByRole('button', { name: 'Reset to defaults' }));
  expect(screen.getByLabelText('Half-life')).toHaveValue('90');
  expect(screen.getByLabelText('Floor')).toHaveValue('0.2');
  expect(within(scoringForm()).getByText('Unsaved changes')).toBeInTheDocument();
  await user.click(within(scoringForm()).getByRole('button', { name: 'Undo changes' }));
  expect(screen.getByLabelText('Half-life')).toHaveValue('30');
  expect(payloads('admin/saveSettings')).toHaveLength(0);
});

it('tells a non-administrator that only Jira administrators can change the settings', async () => {
  onAdmin('admin/getSettings', () =>
    fail('FORBIDDEN', 'Only Jira administrators can see or change these settings.')
  );
  render(<AdminPage />);
  expect(
    await screen.findByRole('heading', {
      name: 'Only Jira administrators can change customer-evidence settings'
    })
  ).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  expect(screen.queryByRole('form', { name: 'Scoring settings' })).not.toBeInTheDocument();
  expect(screen.queryByRole('form', { name: 'Privacy settings' })).not.toBeInTheDocument();
});

it('offers a retry when the settings fail to load', async () => {
  let calls = 0;
  onAdmin('admin/getSettings', () => (++calls === 1 ? fail('UPSTREAM_FAILED') : ok(settingsView())));
  const user = admin();
  render(<AdminPage />);
  expect(await screen.findByRole('alert')).toHaveTextContent('The settings didn’t load');
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('form', { name: 'Scoring settings' })).toBeInTheDocument();
});

/** Jira's groups, as `admin/findGroups` offers them: names containing the query, any case. */
const JIRA_GROUPS = ['customer-success', 'Finance', 'finance-ops', 'product-leads'];
function answerGroups(): void {
  onAdmin('admin/findGroups', ({ query }) =>
    ok(
      JIRA_GROUPS.filter((name) => name.toLowerCase().includes((query ?? '').toLowerCase())).map((name) => ({
        name
      }))
    )
  );
}

it('picks allowed groups from Jira’s groups and saves them with the switch', async () => {
  answerGroups();
  onAdmin('admin/saveSettings', (p) =>
    ok(settingsView({ privacy: { restrictIdentity: true, allowedGroups: p.privacy?.allowedGroups ?? [] } }))
  );
  const user = await loaded();
  const privacy = within(privacyForm());
  await user.click(privacy.getByRole('switch', { name: 'Restrict customer identity and revenue' }));
  expect(privacy.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  expect(privacy.getByText('On')).toBeInTheDocument();

  const add = privacy.getByRole('button', { name: 'Add group' });
  const name = screen.getByLabelText('Find a Jira group');
  await user.click(add);
  expect(name).toHaveAccessibleDescription(expect.stringContaining('Enter a Jira group name.'));

  // Typing offers Jira's matching groups; one already allowed is shown as added.
  await retype(user, 'Find a Jira group', 'CUST');
  const matches = await screen.findByRole('list', { name: 'Matching Jira groups' });
  await user.click(within(matches).getByRole('button', { name: 'Add customer-success' }));
  expect(name).toHaveValue('');
  await retype(user, 'Find a Jira group', 'lead');
  expect(
    within(await screen.findByRole('list', { name: 'Matching Jira groups' })).getByText(
      'product-leads (added)'
    )
  ).toBeInTheDocument();

  // A name typed in full is added as Jira spells it; one Jira does not have is refused.
  await retype(user, 'Find a Jira group', 'finanse{Enter}');
  await waitFor(() =>
    expect(name).toHaveAccessibleDescription(
      expect.stringContaining('Jira has no group called “finanse”. Pick one of Jira’s groups.')
    )
  );
  await retype(user, 'Find a Jira group', 'finance{Enter}');
  await waitFor(() => expect(name).toHaveValue(''));
  await user.click(within(groupList()).getByRole('button', { name: 'Remove product-leads' }));
  expect(
    within(groupList())
      .getAllByRole('listitem')
      .map((li) => li.textContent)
  ).toEqual(['customer-successRemove', 'FinanceRemove']);

  await user.click(within(privacyForm()).getByRole('button', { name: 'Save privacy settings' }));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: 'Privacy settings saved' })
    )
  );
  expect(payloads('admin/saveSettings')).toEqual([
    { privacy: { restrictIdentity: true, allowedGroups: ['customer-success', 'Finance'] } }
  ]);
  expect(privacy.getByText('No unsaved changes')).toBeInTheDocument();
});

const SELF_MASK =
  'You are not in any of these groups: after saving, account names and revenue will be hidden from you too.';

it('asks before a save that hides identity from the admin, and saves only when confirmed', async () => {
  onAdmin('admin/saveSettings', (p) =>
    p.confirmSelfMask === true
      ? ok(settingsView({ privacy: { restrictIdentity: true, allowedGroups: ['product-leads'] } }))
      : fail('VALIDATION_FAILED', SELF_MASK, [{ path: 'confirmSelfMask', message: SELF_MASK }])
  );
  const user = await loaded();
  await user.click(
    within(privacyForm()).getByRole('switch', { name: 'Restrict customer identity and revenue' })
  );
  await user.click(within(privacyForm()).getByRole('button', { name: 'Save privacy settings' }));

  const question = await screen.findByRole('group', {
    name: 'Hide account names and revenue from yourself?'
  });
  expect(question).toHaveAccessibleDescription(SELF_MASK);
  expect(question).toHaveFocus();
  // A question, not a failure: no error flag.
  expect(forgeBridgeMock.showFlag).not.toHaveBeenCalled();

  await user.click(within(question).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('group', { name: /Hide account names/ })).not.toBeInTheDocument();
  expect(within(privacyForm()).getByText('Unsaved changes')).toBeInTheDocument();
  expect(payloads('admin/saveSettings')).toHaveLength(1);

  await user.click(within(privacyForm()).getByRole('button', { name: 'Save privacy settings' }));
  const again = await screen.findByRole('group', { name: 'Hide account names and revenue from yourself?' });
  await user.click(within(again).getByRole('button', { name: 'Save and hide them from me' }));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: 'Privacy settings saved' })
    )
  );
  expect(payloads('admin/saveSettings')).toEqual([
    { privacy: { restrictIdentity: true, allowedGroups: ['product-leads'] } },
    { privacy: { restrictIdentity: true, allowedGroups: ['product-leads'] } },
    { privacy: { restrictIdentity: true, allowedGroups: ['product-leads'] }, confirmSelfMask: true }
  ]);
  expect(screen.queryByRole('group', { name: /Hide account names/ })).not.toBeInTheDocument();
});

it('warns about saved groups Jira does not have, until they are removed', async () => {
  onAdmin('admin/getSettings', () =>
    ok(
      settingsView({
        privacy: { restrictIdentity: true, allowedGroups: ['product-leads', 'trust-and-saftey'] },
        unknownGroups: ['trust-and-saftey']
      })
    )
  );
  const user = await loaded();
  expect(screen.getByText('Some allowed groups are not Jira groups')).toBeInTheDocument();
  expect(screen.getByText(/Jira has no group called “trust-and-saftey”, so nobody sees/)).toBeInTheDocument();
  const item = within(groupList())
    .getAllByRole('listitem')
    .find((li) => li.textContent?.startsWith('trust-and-saftey'));
  expect(within(item!).getByText('Not a Jira group')).toBeInTheDocument();
  await user.click(within(groupList()).getByRole('button', { name: 'Remove trust-and-saftey' }));
  expect(screen.queryByText('Some allowed groups are not Jira groups')).not.toBeInTheDocument();
});

it('warns when nobody could see identity, and stops adding at 20 groups', async () => {
  const twenty = Array.from({ length: 20 }, (_, i) => `group-${i + 1}`);
  onAdmin('admin/getSettings', () =>
    ok(settingsView({ privacy: { restrictIdentity: true, allowedGroups: twenty } }))
  );
  const user = await loaded();
  expect(within(privacyForm()).getByRole('button', { name: 'Add group' })).toBeDisabled();
  expect(screen.getByRole('list', { name: 'Allowed groups (20 of 20)' })).toBeInTheDocument();
  expect(screen.queryByRole('note')).not.toBeInTheDocument();
  const removes = within(groupList()).getAllByRole('button', { name: /^Remove group-/ });
  expect(removes).toHaveLength(20);
  for (const remove of removes) await user.click(remove);
  expect(screen.getByRole('note')).toHaveTextContent(
    'With no allowed groups, nobody will see account names or ARR — administrators included.'
  );
  expect(within(privacyForm()).getByText('No groups yet.')).toBeInTheDocument();
});

it('puts the server’s privacy issues on the group list', async () => {
  onAdmin('admin/saveSettings', () =>
    fail('VALIDATION_FAILED', 'Invalid privacy settings', [
      { path: 'privacy.allowedGroups.0', message: 'Too big: expected string to have <=255 characters' }
    ])
  );
  const user = await loaded();
  await user.click(within(privacyForm()).getByRole('button', { name: 'Save privacy settings' }));
  await waitFor(() =>
    expect(groupList()).toHaveAccessibleDescription(
      expect.stringContaining('product-leads: Too big: expected string to have <=255 characters')
    )
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
    expect(await screen.findByText(/1 of 3 projects, 120 issues rescored/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Rescore progress' })).toHaveAttribute(
      'aria-valuenow',
      '1'
    );
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2100);
    });
    expect(screen.getByText(/3 of 3 projects, 410 issues rescored/)).toBeInTheDocument();
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
  const user = await loaded();
  expect(screen.getByText('Recomputing scores has stopped')).toBeInTheDocument();
  expect(screen.getByText(/^1 project could not be rescored\./)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Retry' }));
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
    await screen.findByText(/10 of 2000 projects/);
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
