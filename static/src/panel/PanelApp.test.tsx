import { act, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import { EMPTY_VIEW, card, contribution, score, view } from '../test/fixtures';
import {
  fail,
  forgeBridgeMock,
  hangResolver,
  ok,
  onJira,
  onResolver,
  resetBridge
} from '../test/forge-bridge';
import { HIDDEN_REASON } from '../shared/HiddenValue';
import { evidenceCards, findEvidenceCards } from '../test/panel-screen';
import { setupUser } from '../test/user';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

beforeEach(() => {
  resetBridge();
  onResolver('panel/getAccess', () => ok({ canEdit: false, canContribute: false, canCurate: false }));
});

/** A headline figure, by the label it is read with. */
function stat(label: string): HTMLElement {
  return screen.getByRole('group', { name: label });
}

describe('loading', () => {
  it('shows a spinner until the evidence arrives', () => {
    hangResolver('panel/getEvidence');
    hangResolver('panel/getAccess');
    render(<PanelApp />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading customer evidence');
  });

  it('asks for evidence and access in parallel', async () => {
    hangResolver('panel/getEvidence');
    hangResolver('panel/getAccess');
    render(<PanelApp />);
    await waitFor(() => expect(forgeBridgeMock.invoke).toHaveBeenCalledTimes(2));
    expect(forgeBridgeMock.invoke.mock.calls.map((c) => c[0]).sort()).toEqual([
      'panel/getAccess',
      'panel/getEvidence'
    ]);
  });
});

describe('empty', () => {
  it('invites an editor to add the first evidence', async () => {
    onResolver('panel/getEvidence', () => ok(EMPTY_VIEW));
    onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
    const user = setupUser();
    render(<PanelApp />);
    expect(
      await screen.findByRole('heading', { name: 'No customer evidence yet — add the first' })
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add evidence' }));
    expect(await screen.findByRole('form', { name: 'Add evidence' })).toBeInTheDocument();
  });

  it('offers a viewer no edit action', async () => {
    onResolver('panel/getEvidence', () => ok(EMPTY_VIEW));
    render(<PanelApp />);
    expect(await screen.findByRole('heading', { name: 'No customer evidence yet' })).toBeInTheDocument();
    expect(screen.queryByText(/add the first/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add evidence' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Link existing' })).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        'You can read this evidence. Adding or linking needs permission to edit this issue.'
      )
    ).toBeInTheDocument();
  });
});

describe('evidence', () => {
  it('shows the score and headline numbers, and explains the score on demand', async () => {
    const s = score({
      score: 15.2,
      contributions: [
        contribution(),
        contribution({
          group: 'anon:ins-9',
          accountKey: undefined,
          accountName: undefined,
          anonymous: true,
          severity: 'low',
          severityWeight: 1,
          arr: 0,
          revenueFactor: 1,
          segment: 'unknown',
          segmentWeight: 1,
          ageDays: 3.2,
          recencyFactor: 0.95,
          points: 0.95,
          insightIds: ['ins-9']
        })
      ],
      uniqueAccounts: 3,
      anonymousVoices: 1,
      arrAtStake: 1_234_567,
      insightCount: 7
    });
    onResolver('panel/getEvidence', () => ok(view([card()], { score: s })));
    const user = setupUser();
    render(<PanelApp />);

    expect(await screen.findByRole('group', { name: 'Customer impact' })).toHaveTextContent(/15\.2$/);
    expect(stat('Accounts')).toHaveTextContent(/3 \+ 1 anonymous$/);
    expect(stat('ARR at stake')).toHaveTextContent(/\$1\.2M$/);
    expect(stat('Insights')).toHaveTextContent(/7$/);
    expect(stat('Newest evidence')).toHaveTextContent(/ago|yesterday|last|now/);
    expect(screen.queryByRole('group', { name: 'Score breakdown' })).not.toBeInTheDocument();

    const toggle = screen.getByRole('button', { name: 'Why this score?' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Hide breakdown');

    const breakdown = screen.getByRole('group', { name: 'Score breakdown' });
    expect(toggle).toHaveAttribute('aria-controls', breakdown.id);
    const rows = within(breakdown).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('+12.4 · Acme · critical · $240k ARR · 14 d');
    expect(rows[0]).toHaveTextContent(
      'Critical severity ×3 × revenue ×3.38 ($240k ARR) × Enterprise ×1.5 × recency ×0.82 (14 days old)'
    );
    expect(rows[1]).toHaveTextContent('+0.95 · Anonymous · low · 3 d');
    // 3 accounts + 1 anonymous voice, 2 contributions stored: 2 more.
    expect(within(breakdown).getByText('and 2 more accounts')).toBeInTheDocument();
  });

  it('renders a card with its facts, and marks evidence from a child issue', async () => {
    onJira((path, init) => {
      if (path.startsWith('/rest/api/3/user/bulk?'))
        return { status: 200, body: { values: [{ accountId: 'user-1', displayName: 'Bob Builder' }] } };
      if (path === '/rest/api/3/issue/bulkfetch' && init?.method === 'POST')
        return {
          status: 200,
          body: { issues: [{ id: '10077', key: 'DEMO-77', fields: { summary: 'Child story' } }] }
        };
      return { status: 404 };
    });
    onResolver('panel/getEvidence', () =>
      ok(view([card(), card({ insightId: 'ins-2', fromIssueId: '10077', summary: 'Child evidence' })]))
    );
    const user = setupUser();
    render(<PanelApp />);
    const cards = await findEvidenceCards();
    expect(cards).toHaveLength(2);
    const first = within(cards[0] as HTMLElement);
    expect(first.getByText('Export to CSV times out')).toBeInTheDocument();
    expect(first.getByText('Critical')).toBeInTheDocument();
    expect(
      first.getByText('Support ticket · Acme (Enterprise, $240k ARR) · Usage · observed 1 Jun 2025')
    ).toBeInTheDocument();
    expect(first.getByText('Why this is evidence: Top-3 account, renewal in Q3')).toBeInTheDocument();
    expect(await first.findByText(/^Linked by Bob Builder /)).toBeInTheDocument();
    expect(first.queryByText(/from (a )?child issue/)).not.toBeInTheDocument();
    const child = within(cards[1] as HTMLElement);
    const childKey = await child.findByRole('button', { name: 'DEMO-77' });
    expect(childKey.parentElement).toHaveTextContent(/^from child issue DEMO-77$/);

    // One bulk call of each kind, for the distinct ids of the shown cards.
    const paths = forgeBridgeMock.requestJira.mock.calls.map((c) => c[0]);
    expect(paths).toEqual([
      '/rest/api/3/user/bulk?accountId=user-1&maxResults=1',
      '/rest/api/3/issue/bulkfetch'
    ]);
    expect(JSON.parse(String(forgeBridgeMock.requestJira.mock.calls[1]?.[1]?.body))).toEqual({
      issueIdsOrKeys: ['10077'],
      fields: ['summary']
    });

    await user.click(childKey);
    expect(forgeBridgeMock.router.navigate).toHaveBeenCalledWith({ target: 'issue', issueKey: 'DEMO-77' });
  });

  it('says "someone" and shows no key when Jira cannot resolve them', async () => {
    onJira(() => ({ status: 500 }));
    onResolver('panel/getEvidence', () => ok(view([card({ fromIssueId: '10099' })])));
    render(<PanelApp />);
    const [only] = await findEvidenceCards();
    const item = within(only as HTMLElement);
    expect(await item.findByText(/^Linked by someone /)).toBeInTheDocument();
    expect(item.getByText('from a child issue')).toBeInTheDocument();
    // The only button left on a viewer's card would be the child issue's key.
    expect(item.queryByRole('button')).not.toBeInTheDocument();
  });

  it('pages through panel/listCards with the returned cursor', async () => {
    onResolver('panel/getEvidence', () => ok(view([card()], { totalCards: 3 })));
    onResolver('panel/listCards', (p) =>
      p.cursor === undefined
        ? ok({ items: [card({ insightId: 'ins-2', summary: 'Second' })], cursor: '2' })
        : ok({ items: [card({ insightId: 'ins-3', summary: 'Third' })] })
    );
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Show more (2 more)' }));
    expect(await screen.findByText('Second')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more (1 more)' }));
    expect(await screen.findByText('Third')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Show more/ })).not.toBeInTheDocument();
    expect(evidenceCards()).toHaveLength(3);
    const cursors = forgeBridgeMock.invoke.mock.calls
      .filter((c) => c[0] === 'panel/listCards')
      .map((c) => c[1]);
    expect(cursors).toEqual([{}, { cursor: '2' }]);
  });
});

describe('identity hidden by the privacy settings', () => {
  it('says "Hidden" with the reason where ARR and points were masked, never "$0" or "+0"', async () => {
    const masked = { accountName: 'Hidden account', arr: 0, revenueFactor: 0, points: 0 };
    const s = score({
      score: 15.2,
      arrAtStake: 0,
      uniqueAccounts: 1,
      anonymousVoices: 1,
      contributions: [
        contribution({ ...masked, group: 'account-1', accountKey: 'account-1' }),
        contribution({
          ...masked,
          group: 'anon:ins-9',
          accountKey: undefined,
          accountName: undefined,
          anonymous: true,
          severity: 'low',
          ageDays: 3.2
        })
      ]
    });
    const hiddenCard = card({
      account: { key: 'account-1', name: 'Hidden account', segment: 'enterprise', arr: 0 }
    });
    onResolver('panel/getEvidence', () => ok({ ...view([hiddenCard], { score: s }), identityHidden: true }));
    const user = setupUser();
    const { container } = render(<PanelApp />);

    expect(await screen.findByRole('group', { name: 'Customer impact' })).toHaveTextContent(/15\.2$/);
    const arr = within(stat('ARR at stake')).getByTitle(HIDDEN_REASON);
    expect(arr).toHaveTextContent(/^Hidden/);
    expect(arr).toHaveAttribute('title', 'Hidden by your admin’s privacy settings');
    expect(
      screen.getByText('Support ticket · Hidden account (Enterprise) · Usage · observed 1 Jun 2025')
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Why this score?' }));
    const breakdown = screen.getByRole('group', { name: 'Score breakdown' });
    const rows = within(breakdown).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent(/^Hidden account · critical · 14 d/);
    expect(rows[0]).toHaveTextContent('Critical severity ×3 × revenue Hidden');
    expect(rows[1]).toHaveTextContent(/^Anonymous · low · 3 d/);
    expect(breakdown).toHaveTextContent('Total 15.2');
    expect(container.textContent).not.toMatch(/\$0|\+0|no ARR|×0 /);
  });
});

describe('untrusted text and links', () => {
  it('renders markup in a quote as inert text', async () => {
    const hostile = '<script>window.pwned = true</script><img src=x onerror="window.pwned = true">';
    onResolver('panel/getEvidence', () => ok(view([card({ quote: hostile, summary: '<b>bold?</b>' })])));
    const { container } = render(<PanelApp />);
    const [only] = await findEvidenceCards();
    const quote = within(only as HTMLElement).getByRole('blockquote');
    expect(quote.textContent).toBe(hostile);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(within(only as HTMLElement).getByText('<b>bold?</b>')).toBeInTheDocument();
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('links only http(s) sources, and opens them through the bridge router', async () => {
    onResolver('panel/getEvidence', () =>
      ok(
        view([
          card({ insightId: 'a', sourceUrl: 'javascript:alert(1)' }),
          card({ insightId: 'b', sourceUrl: 'data:text/html,<script>alert(1)</script>' }),
          card({ insightId: 'c', sourceUrl: 'https://support.example.com/t/1' }),
          card({ insightId: 'd', sourceUrl: undefined })
        ])
      )
    );
    const user = setupUser();
    const { container } = render(<PanelApp />);
    await findEvidenceCards();
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('Open support ticket');
    expect(links[0]).toHaveAttribute('href', 'https://support.example.com/t/1');
    expect(container.innerHTML).not.toContain('javascript:');
    expect(container.innerHTML).not.toContain('data:text/html');
    await user.click(links[0] as HTMLElement);
    await waitFor(() =>
      expect(forgeBridgeMock.router.open).toHaveBeenCalledWith('https://support.example.com/t/1')
    );
  });
});

describe('errors', () => {
  it('says what to do and retries', async () => {
    let calls = 0;
    onResolver('panel/getEvidence', () =>
      ++calls === 1 ? fail('UPSTREAM_FAILED', 'KVS timed out') : ok(view())
    );
    const user = setupUser();
    render(<PanelApp />);
    const error = await screen.findByRole('alert');
    expect(error).toHaveTextContent('Jira or storage didn’t answer — try again');
    await user.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('group', { name: 'Customer impact' })).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('explains a permission problem without a pointless retry', async () => {
    onResolver('panel/getEvidence', () => fail('FORBIDDEN', 'nope'));
    render(<PanelApp />);
    const heading = await screen.findByRole('heading', {
      name: 'You can’t see customer evidence on this issue'
    });
    expect(screen.getByText(/Ask a Jira admin for Browse projects permission/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toContainElement(heading);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('treats a bridge rejection as the app not answering', async () => {
    forgeBridgeMock.invoke.mockImplementationOnce(() => Promise.reject(new Error('rate limited')));
    onResolver('panel/getEvidence', () => ok(view()));
    render(<PanelApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent('try again');
  });
});

describe('access', () => {
  it('shows a viewer no edit actions', async () => {
    onResolver('panel/getEvidence', () => ok(view()));
    render(<PanelApp />);
    await findEvidenceCards();
    await waitFor(() => expect(forgeBridgeMock.invoke).toHaveBeenCalledWith('panel/getAccess', {}));
    for (const name of ['Add evidence', 'Link existing', 'Unlink', 'Edit note', 'Add note']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('stays read-only until getAccess answers canEdit: true', async () => {
    let grant: (value: unknown) => void = () => undefined;
    onResolver('panel/getEvidence', () => ok(view()));
    onResolver('panel/getAccess', () => new Promise((resolve) => (grant = resolve)) as never);
    render(<PanelApp />);
    await findEvidenceCards();
    expect(screen.queryByRole('button', { name: 'Unlink' })).not.toBeInTheDocument();
    await act(async () => {
      grant(ok({ canEdit: true, canContribute: true, canCurate: false }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('button', { name: 'Unlink' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add evidence' })).toBeInTheDocument();
    expect(screen.queryByText(/You can read this evidence/)).not.toBeInTheDocument();
  });

  it('stays read-only when the access check fails', async () => {
    onResolver('panel/getEvidence', () => ok(view()));
    onResolver('panel/getAccess', () => fail('UPSTREAM_FAILED'));
    render(<PanelApp />);
    await findEvidenceCards();
    await waitFor(() => expect(forgeBridgeMock.invoke).toHaveBeenCalledWith('panel/getAccess', {}));
    expect(screen.queryByRole('button', { name: 'Unlink' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
