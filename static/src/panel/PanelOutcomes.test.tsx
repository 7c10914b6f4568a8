import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import type { UserEvent } from '@testing-library/user-event';
import { card, insightView, view } from '../test/fixtures';
import { forgeBridgeMock, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { evidenceCards } from '../test/panel-screen';
import { setupUser } from '../test/user';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

/** What the panel says when a write did not do all it was asked: never a plain success. */
beforeEach(() => {
  resetBridge();
  onResolver('panel/getEvidence', () => ok(view([card()])));
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
});

function flagWith(title: string): { title: string; description?: string; type?: string } | undefined {
  return forgeBridgeMock.showFlag.mock.calls
    .map((c) => c[0] as { title: string; description?: string; type?: string })
    .find((f) => f.title === title);
}

async function searchFor(user: UserEvent, query: string): Promise<HTMLElement[]> {
  render(<PanelApp />);
  await user.click(await screen.findByRole('button', { name: 'Link existing' }));
  await user.type(await screen.findByLabelText('Search insights in this project'), query);
  await user.click(screen.getByRole('button', { name: 'Search' }));
  return within(await screen.findByRole('list', { name: 'Matching insights' })).getAllByRole('listitem');
}

it('says which insights were linked and which were not, and why', async () => {
  onResolver('panel/searchInsights', () =>
    ok({
      items: [
        insightView({ id: 'ins-7', summary: 'Bulk edit is slow' }),
        insightView({ id: 'ins-8', summary: 'SSO breaks' })
      ]
    })
  );
  onResolver('panel/link', () =>
    ok({
      view: view([card(), card({ insightId: 'ins-7', summary: 'Bulk edit is slow' })]),
      alreadyLinked: [],
      linked: ['ins-7'],
      notLinked: { insightIds: ['ins-8'], code: 'BUSY', message: 'Storage is busy' }
    })
  );
  const user = setupUser();
  const results = await searchFor(user, 'slow');
  for (const result of results) await user.click(within(result).getByRole('button', { name: 'Select' }));
  await user.click(screen.getByRole('button', { name: 'Link 2 insights' }));
  const title = 'Linked 1 of 2 insights to this issue';
  await waitFor(() => expect(flagWith(title)).toBeDefined());
  expect(flagWith(title)).toMatchObject({
    type: 'warning',
    description:
      'Linked: “Bulk edit is slow”. Not linked: “SSO breaks”. Storage is busy right now. Nothing was changed; wait a few seconds and try again.'
  });
  expect(flagWith('2 insights linked')).toBeUndefined();
  // What did land is shown.
  expect(evidenceCards()).toHaveLength(2);
});

it('never offers an insight being deleted or merged away', async () => {
  onResolver('panel/searchInsights', () =>
    ok({
      items: [
        insightView({ id: 'ins-7', summary: 'Bulk edit is slow', pending: 'merge', mergeInto: 'ins-9' }),
        insightView({ id: 'ins-8', summary: 'SSO breaks', pending: 'delete' }),
        insightView({ id: 'ins-9', summary: 'Bulk edit hangs', pending: 'rescore' })
      ]
    })
  );
  const [merging, deleting, rescoring] = await searchFor(setupUser(), 'slow');
  expect(within(merging!).getByText('Being merged…')).toBeInTheDocument();
  expect(within(merging!).queryByRole('button')).not.toBeInTheDocument();
  expect(within(deleting!).getByText('Being deleted…')).toBeInTheDocument();
  expect(within(deleting!).queryByRole('button')).not.toBeInTheDocument();
  // Rescoring after an edit: still an insight one can link.
  expect(within(rescoring!).getByRole('button', { name: 'Select' })).toBeInTheDocument();
});

it('names the account fields a capture kept instead of claiming plain success', async () => {
  onResolver('panel/captureAndLink', () =>
    ok({
      view: view([card(), card({ insightId: 'new-1', summary: 'Slow export' })]),
      alreadyLinked: [],
      linked: ['new-1'],
      accountConflicts: [
        { accountKey: 'globex', field: 'name', stored: 'Globex Corporation', given: 'Globex' }
      ]
    })
  );
  const user = setupUser();
  render(<PanelApp />);
  await user.click(await screen.findByRole('button', { name: 'Add evidence' }));
  const form = within(await screen.findByRole('form', { name: 'Add evidence' }));
  await user.type(form.getByRole('textbox', { name: 'Summary' }), 'Slow export');
  await user.type(form.getByRole('textbox', { name: 'Account' }), 'Globex');
  const observedOn = form.getByLabelText(/^Observed on/);
  await user.clear(observedOn);
  await user.type(observedOn, '2025-06-10');
  await user.click(form.getByRole('button', { name: 'Add and link' }));
  const title = 'Evidence added; the stored account was kept';
  await waitFor(() => expect(flagWith(title)).toBeDefined());
  expect(flagWith(title)).toMatchObject({
    type: 'warning',
    description: 'Name stays Globex Corporation (you entered Globex). A curator can change the account.'
  });
  expect(flagWith('Evidence added')).toBeUndefined();
});
