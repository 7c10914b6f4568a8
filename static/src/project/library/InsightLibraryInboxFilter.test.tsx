import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { InboxCountsView } from '../../../../src/contract/views';
import { insightView } from '../../test/fixtures';
import { lastPayload, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { InsightLibrary } from './InsightLibrary';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const VIEWER = { canEdit: false, canContribute: false, canCurate: false };
const DAY_MS = 24 * 60 * 60 * 1000;
const ago = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

const band = (observedAt: string): 'week' | 'month' | 'older' =>
  observedAt > ago(7) ? 'week' : observedAt > ago(30) ? 'month' : 'older';

const INBOX = [
  insightView({ id: 'ins-a', summary: 'Export times out', sourceKind: 'ticket', observedAt: ago(2) }),
  insightView({ id: 'ins-b', summary: 'Wants a Gantt view', sourceKind: 'interview', observedAt: ago(90) }),
  insightView({ id: 'ins-c', summary: 'Cannot find export', sourceKind: 'ticket', observedAt: ago(100) })
];

const COUNTS: InboxCountsView = {
  total: 3,
  bySource: { ticket: 2, interview: 1, survey: 0, nps: 0, sales_call: 0, review: 0, social: 0, other: 0 },
  byAge: { week: 1, month: 0, older: 2 }
};

beforeEach(() => {
  resetBridge();
  onResolver('project/listInsights', () => ok({ items: INBOX }));
  onResolver('project/inboxCounts', () => ok(COUNTS));
  // The server narrows the inbox as the counts band it.
  onResolver('project/triageInbox', (p: PayloadOf<'project/triageInbox'>) =>
    ok({
      items: INBOX.filter(
        (i) =>
          (p.source === undefined || i.sourceKind === p.source) &&
          (p.age === undefined || p.age === band(i.observedAt))
      )
    })
  );
});

it('narrows the inbox to a source when its count is clicked, and clears it', async () => {
  const user = setupUser();
  render(<InsightLibrary access={VIEWER} />);
  const bySource = within(await screen.findByRole('group', { name: 'Inbox by source' }));
  const interview = bySource.getByRole('button', { name: 'Interview 1' });
  expect(interview).toHaveAttribute('aria-pressed', 'false');

  await user.click(interview);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(lastPayload('project/triageInbox')).toEqual({ source: 'interview', limit: 25 });
  expect(screen.getByRole('listitem', { name: 'Wants a Gantt view' })).toBeInTheDocument();
  expect(interview).toHaveAttribute('aria-pressed', 'true');
  expect(screen.getByText('Showing only: Interview')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Clear filter' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  expect(screen.queryByRole('button', { name: 'Clear filter' })).not.toBeInTheDocument();
  expect(bySource.getByRole('button', { name: 'Support ticket 2' })).toHaveFocus();
});

it('combines a source and an age, from the keyboard, and a second press lifts one', async () => {
  const user = setupUser();
  render(<InsightLibrary access={VIEWER} />);
  const byAge = within(await screen.findByRole('group', { name: 'Inbox by age' }));
  byAge.getByRole('button', { name: 'Older 2' }).focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  expect(lastPayload('project/triageInbox')).toEqual({ age: 'older', limit: 25 });

  const ticket = within(screen.getByRole('group', { name: 'Inbox by source' })).getByRole('button', {
    name: 'Support ticket 2'
  });
  ticket.focus();
  await user.keyboard(' ');
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(lastPayload('project/triageInbox')).toEqual({ source: 'ticket', age: 'older', limit: 25 });
  expect(screen.getByText('Showing only: Support ticket · Older')).toBeInTheDocument();
  expect(screen.getByRole('listitem', { name: 'Cannot find export' })).toBeInTheDocument();

  await user.click(ticket);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  expect(screen.getByText('Showing only: Older')).toBeInTheDocument();
});

it('says when nothing in the inbox matches the filter', async () => {
  const user = setupUser();
  render(<InsightLibrary access={VIEWER} />);
  const byAge = within(await screen.findByRole('group', { name: 'Inbox by age' }));
  await user.click(byAge.getByRole('button', { name: 'This month 0' }));
  expect(await screen.findByText('No insight in the inbox matches “This month”.')).toBeInTheDocument();
});
