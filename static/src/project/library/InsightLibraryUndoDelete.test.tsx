import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import { insightView } from '../../test/fixtures';
import { fail, forgeBridgeMock, lastPayload, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { InsightLibrary } from './InsightLibrary';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const CURATOR = { canEdit: true, canContribute: true, canCurate: true };
const A = insightView({ id: 'ins-a', summary: 'Export times out', createdAt: '2025-05-03T00:00:00.000Z' });
const B = insightView({ id: 'ins-b', summary: 'Export is slow', createdAt: '2025-05-02T00:00:00.000Z' });
const LATER = new Date(Date.now() + 10 * 60_000).toISOString();

beforeEach(() => {
  resetBridge();
  onResolver('project/listInsights', () => ok({ items: [A, B] }));
  onResolver('project/deleteInsight', (p) => ok({ deleted: p.insightId, restorableUntil: LATER }));
});

const summaries = (): (string | null)[] =>
  screen.queryAllByRole('listitem').map((li) => within(li).getAllByText(/Export/)[0]!.textContent);

const flagged = (title: string): boolean =>
  forgeBridgeMock.showFlag.mock.calls.some(([flag]) => (flag as { title: string }).title === title);

async function deleteExportTimesOut(user: ReturnType<typeof setupUser>): Promise<HTMLElement> {
  const item = within(await screen.findByRole('listitem', { name: 'Export times out' }));
  await user.click(item.getByRole('button', { name: 'Delete' }));
  await user.click(item.getByRole('button', { name: 'Delete insight' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  return screen.getByRole('button', { name: 'Undo' });
}

it('says the delete with an Undo that brings the insight back, in its place and focused', async () => {
  onResolver('project/restoreInsight', () => ok({ insight: { ...A, linkCount: 0 }, linksNotRestored: 0 }));
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const undo = await deleteExportTimesOut(user);
  expect(screen.getByRole('status')).toHaveTextContent('Deleted “Export times out”.');
  await waitFor(() => expect(undo).toHaveFocus());
  expect(flagged('Insight deleted')).toBe(false);

  await user.click(undo);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  expect(lastPayload('project/restoreInsight')).toEqual({ insightId: 'ins-a' });
  expect(summaries()).toEqual(['Export times out', 'Export is slow']);
  // In the inbox, focus lands on its box for the next bulk action.
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Export times out' })).toHaveFocus());
  expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  expect(flagged('Insight restored')).toBe(true);
});

it('says which links could not come back', async () => {
  onResolver('project/restoreInsight', () => ok({ insight: A, linksNotRestored: 2 }));
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await user.click(await deleteExportTimesOut(user));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Insight restored without some links',
        description: '2 of the issues it backed are gone, or no longer yours to change.'
      })
    )
  );
});

it('keeps the Undo and the list as they are when the server refuses the restore', async () => {
  onResolver('project/restoreInsight', () => fail('NOT_FOUND'));
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await user.click(await deleteExportTimesOut(user));
  await waitFor(() => expect(flagged('Could not restore the insight')).toBe(true));
  expect(screen.getAllByRole('listitem')).toHaveLength(1);
  expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
});

it('offers no Undo for a delete the server cannot take back', async () => {
  onResolver('project/deleteInsight', (p) => ok({ deleted: p.insightId }));
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const item = within(await screen.findByRole('listitem', { name: 'Export times out' }));
  await user.click(item.getByRole('button', { name: 'Delete' }));
  await user.click(item.getByRole('button', { name: 'Delete insight' }));
  await waitFor(() => expect(flagged('Insight deleted')).toBe(true));
  expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
});
