import { screen, waitFor, within, type BoundFunctions, type queries } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import { insightView } from '../../test/fixtures';
import { forgeBridgeMock, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import { setupUser } from '../../test/user';
import { InsightLibrary } from './InsightLibrary';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

/**
 * Escape cancels whatever an insight has open (the delete confirmation, the merge and
 * link searches, the capture form), and focus goes back to the button that opened it.
 */
const A = insightView({ id: 'ins-a', summary: 'Export times out' });
const B = insightView({ id: 'ins-b', summary: 'Export is slow' });
const CURATOR = { canEdit: true, canContribute: true, canCurate: true };

beforeEach(() => {
  resetBridge();
  onResolver('project/listInsights', () => ok({ items: [A, B] }));
  onResolver('project/searchIssues', () => ok([]));
});

async function item(summary: string): Promise<BoundFunctions<typeof queries>> {
  return within(await screen.findByRole('listitem', { name: summary }));
}

it('Escape closes the delete confirmation, deletes nothing and gives focus back to Delete', async () => {
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const a = await item('Export times out');
  await user.click(a.getByRole('button', { name: 'Delete' }));
  expect(a.getByRole('button', { name: 'Delete insight' })).toBeInTheDocument();
  await user.tab();
  expect(a.getByRole('button', { name: 'Delete insight' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(a.queryByRole('button', { name: 'Delete insight' })).not.toBeInTheDocument();
  await waitFor(() => expect(a.getByRole('button', { name: 'Delete' })).toHaveFocus());
  expect(forgeBridgeMock.invoke).not.toHaveBeenCalledWith('project/deleteInsight', expect.anything());
});

it('Cancel on the delete confirmation gives focus back to Delete', async () => {
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const a = await item('Export times out');
  await user.click(a.getByRole('button', { name: 'Delete' }));
  await user.click(a.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(a.getByRole('button', { name: 'Delete' })).toHaveFocus());
});

it('Escape in the merge search closes it and gives focus back to Merge duplicate…', async () => {
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const b = await item('Export is slow');
  await user.click(b.getByRole('button', { name: 'Merge duplicate…' }));
  await user.click(b.getByLabelText('Find the insight to keep'));
  await user.keyboard('{Escape}');
  expect(b.queryByLabelText('Find the insight to keep')).not.toBeInTheDocument();
  await waitFor(() => expect(b.getByRole('button', { name: 'Merge duplicate…' })).toHaveFocus());
});

it('Escape in the link search closes it and gives focus back to Link to issue', async () => {
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const a = await item('Export times out');
  await user.click(a.getByRole('button', { name: 'Link to issue' }));
  await user.type(a.getByLabelText('Find the issue this is evidence for'), 'DEMO');
  await user.keyboard('{Escape}');
  expect(a.queryByLabelText('Find the issue this is evidence for')).not.toBeInTheDocument();
  await waitFor(() => expect(a.getByRole('button', { name: 'Link to issue' })).toHaveFocus());
});

it('Escape in the capture form closes it and gives focus back to Capture insight', async () => {
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await screen.findByRole('listitem', { name: 'Export times out' });
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  const form = within(await screen.findByRole('form', { name: 'Capture insight' }));
  await user.type(form.getByLabelText(/^Summary/), 'Half typed');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('form', { name: 'Capture insight' })).not.toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('button', { name: 'Capture insight' })).toHaveFocus());
});
