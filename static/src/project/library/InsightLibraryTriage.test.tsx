import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { InboxCountsView, TriageOutcome } from '../../../../src/contract/views';
import { insightView } from '../../test/fixtures';
import {
  forgeBridgeMock,
  lastPayload,
  ok,
  onResolver,
  payloadsOf,
  resetBridge
} from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { InsightLibrary } from './InsightLibrary';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const CURATOR = { canEdit: true, canContribute: true, canCurate: true };
const CONTRIBUTOR = { canEdit: true, canContribute: true, canCurate: false };
const VIEWER = { canEdit: false, canContribute: false, canCurate: false };

const INBOX = [
  insightView({ id: 'ins-a', summary: 'Export times out', createdAt: '2025-05-03T00:00:00.000Z' }),
  insightView({ id: 'ins-b', summary: 'Export is slow', createdAt: '2025-05-02T00:00:00.000Z' }),
  insightView({ id: 'ins-c', summary: 'Cannot find export', createdAt: '2025-05-01T00:00:00.000Z' })
];

const COUNTS: InboxCountsView = {
  total: 3,
  bySource: { ticket: 2, interview: 1, survey: 0, nps: 0, sales_call: 0, review: 0, social: 0, other: 0 },
  byAge: { week: 1, month: 0, older: 2 }
};

/** The server: the inbox as stored, changed by each triage call as the endpoint would. */
function server(): void {
  const status = new Map(INBOX.map((i) => [i.id, i.status]));
  onResolver('project/listInsights', (p) =>
    ok({ items: INBOX.filter((i) => !p.status || status.get(i.id) === p.status) })
  );
  onResolver('project/inboxCounts', () => ok(COUNTS));
  onResolver('project/triageInsights', (p: PayloadOf<'project/triageInsights'>) => {
    const next = p.action.kind === 'dismiss' ? 'dismissed' : p.action.kind === 'restore' ? 'new' : 'linked';
    const items: TriageOutcome['items'] = p.insightIds.map((insightId) => {
      status.set(insightId, next);
      return { insightId, outcome: 'done', status: next };
    });
    return ok({ items });
  });
}

beforeEach(() => {
  resetBridge();
  server();
});

const checkbox = (summary: string): Promise<HTMLElement> => screen.findByRole('checkbox', { name: summary });
it('counts the inbox by source and age above the list', async () => {
  render(<InsightLibrary access={VIEWER} />);
  const counts = await screen.findByText('3 insights to triage');
  expect(counts).toBeInTheDocument();
  const bySource = within(screen.getByRole('group', { name: 'Inbox by source' }));
  expect(bySource.getAllByRole('button').map((b) => b.textContent)).toEqual([
    'Support ticket 2',
    'Interview 1'
  ]);
  const byAge = within(screen.getByRole('group', { name: 'Inbox by age' }));
  expect(byAge.getAllByRole('button').map((b) => b.textContent)).toEqual([
    'This week 1',
    'This month 0',
    'Older 2'
  ]);
  // A viewer triages nothing: no boxes to select with.
  expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
});

it('dismisses the selected insights at once, and Undo brings them back with focus on the first', async () => {
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await user.click(await checkbox('Export times out'));
  await user.click(await checkbox('Cannot find export'));
  await user.click(screen.getByRole('button', { name: 'Dismiss 2' }));

  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(lastPayload('project/triageInsights')).toEqual({
    insightIds: ['ins-a', 'ins-c'],
    action: { kind: 'dismiss' }
  });
  const undo = screen.getByRole('button', { name: 'Undo' });
  expect(screen.getByText('Dismissed 2 insights.')).toBeInTheDocument();
  await waitFor(() => expect(undo).toHaveFocus());

  await user.click(undo);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  expect(lastPayload('project/triageInsights')).toEqual({
    insightIds: ['ins-a', 'ins-c'],
    action: { kind: 'restore' }
  });
  // Back in the order the server keeps, newest first, and focus on the restored item.
  expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-labelledby'))).toEqual(
    ['Export times out', 'Export is slow', 'Cannot find export'].map((name) =>
      screen.getByRole('listitem', { name }).getAttribute('aria-labelledby')
    )
  );
  const restored = await checkbox('Export times out');
  await waitFor(() => expect(restored).toHaveFocus());
  expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
});

it('selects all shown, and links them to an issue picked by search with one note', async () => {
  onResolver('project/searchIssues', () =>
    ok([{ issueId: '10042', key: 'DEMO-42', summary: 'Faster export', issueType: 'Story' }])
  );
  const user = setupUser();
  render(<InsightLibrary access={CONTRIBUTOR} />);
  await user.click(await screen.findByRole('checkbox', { name: 'Select all shown' }));
  // A contributor links but does not dismiss.
  expect(screen.queryByRole('button', { name: 'Dismiss 3' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Link 3 to issue…' }));
  await user.type(screen.getByLabelText('Find the issue these 3 insights are evidence for'), 'DEMO-42');
  await user.keyboard('{Enter}');
  await user.click(await screen.findByRole('button', { name: 'Select' }));
  await user.type(screen.getByLabelText('Why this is evidence'), 'All about export speed');
  await user.click(screen.getByRole('button', { name: 'Link 3 insights to DEMO-42' }));

  await waitFor(() => expect(screen.queryByRole('list', { name: 'Insights' })).not.toBeInTheDocument());
  expect(payloadsOf('project/triageInsights')).toEqual([
    {
      insightIds: ['ins-a', 'ins-b', 'ins-c'],
      action: { kind: 'link', issueId: '10042', note: 'All about export speed' }
    }
  ]);
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Linked 3 insights to DEMO-42' })
  );
});

it('says which insights the server refused, and keeps them listed', async () => {
  onResolver('project/triageInsights', (p) =>
    ok({
      items: p.insightIds.map((insightId): TriageOutcome['items'][number] =>
        insightId === 'ins-b'
          ? { insightId, outcome: 'refused', code: 'VALIDATION_FAILED', reason: 'Unlink it first.' }
          : { insightId, outcome: 'done', status: 'dismissed' }
      )
    })
  );
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await user.click(await checkbox('Export times out'));
  await user.click(await checkbox('Export is slow'));
  await user.click(screen.getByRole('button', { name: 'Dismiss 2' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  expect(screen.getByText('Dismissed 1 insight.')).toBeInTheDocument();
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({
      title: '1 insight not changed',
      description: '“Export is slow”: Unlink it first.'
    })
  );
  expect(await checkbox('Export is slow')).not.toBeChecked();
});
