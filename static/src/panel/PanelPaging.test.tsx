import { screen, waitFor, within } from '@testing-library/react';
import { card, view } from '../test/fixtures';
import { fail, forgeBridgeMock, ok, onResolver, payloadsOf, resetBridge } from '../test/forge-bridge';
import { evidenceCards, findEvidenceCards } from '../test/panel-screen';
import { renderWithQueries as render } from '../test/render';
import { setupUser } from '../test/user';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

/** "Show more" on the panel: the cards past the view's first page. */

beforeEach(() => {
  resetBridge();
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
  onResolver('panel/getEvidence', () => ok(view([card()], { totalCards: 2 })));
});

it('asks for nothing past the first page until someone wants more', async () => {
  render(<PanelApp />);
  await findEvidenceCards();
  expect(await screen.findByRole('button', { name: 'Show more (1 more)' })).toBeInTheDocument();
  expect(payloadsOf('panel/listCards')).toEqual([]);
});

it('flags a failed "Show more", keeps the cards shown, and loads them on the next try', async () => {
  let calls = 0;
  onResolver('panel/listCards', () =>
    ++calls === 1
      ? fail('UPSTREAM_FAILED', 'KVS timed out')
      : ok({ items: [card({ insightId: 'ins-2', summary: 'Second' })] })
  );
  const user = setupUser();
  render(<PanelApp />);
  await user.click(await screen.findByRole('button', { name: 'Show more (1 more)' }));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'error', title: 'Could not load more evidence' })
    )
  );
  expect(evidenceCards()).toHaveLength(1);
  await user.click(screen.getByRole('button', { name: 'Show more (1 more)' }));
  expect(await screen.findByText('Second')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /^Show more/ })).not.toBeInTheDocument();
});

it('fetches the loaded later pages again after a change to the evidence', async () => {
  let pageTwo = 'Second';
  onResolver('panel/listCards', () => ok({ items: [card({ insightId: 'ins-2', summary: pageTwo })] }));
  onResolver('panel/editNote', () => {
    pageTwo = 'Second, renamed elsewhere';
    return ok(view([card()], { totalCards: 2 }));
  });
  const user = setupUser();
  render(<PanelApp />);
  await user.click(await screen.findByRole('button', { name: 'Show more (1 more)' }));
  expect(await screen.findByText('Second')).toBeInTheDocument();
  const first = within(evidenceCards()[0] as HTMLElement);
  await user.click(await first.findByRole('button', { name: 'Edit note' }));
  await user.type(await first.findByRole('textbox', { name: 'Why this is evidence' }), ', and churn');
  await user.click(first.getByRole('button', { name: 'Save note' }));
  expect(await screen.findByText('Second, renamed elsewhere')).toBeInTheDocument();
  // Both pages shown once each, each card with its own summary.
  const cards = evidenceCards();
  expect(cards).toHaveLength(2);
  expect(within(cards[0] as HTMLElement).getByText(card().summary)).toBeInTheDocument();
  expect(within(cards[1] as HTMLElement).getByText('Second, renamed elsewhere')).toBeInTheDocument();
  expect(payloadsOf('panel/listCards')).toEqual([{}, {}]);
});

it('shows every card of a full first page, in the order the server ranked them', async () => {
  const summaries = Array.from({ length: 20 }, (_, i) => `Insight ${i + 1}`);
  onResolver('panel/getEvidence', () =>
    ok(view(summaries.map((summary, i) => card({ insightId: `ins-${i + 1}`, summary }))))
  );
  render(<PanelApp />);
  await waitFor(() => expect(evidenceCards()).toHaveLength(20));
  expect(evidenceCards().map((c) => within(c).getByTestId('card-summary').textContent)).toEqual(summaries);
  expect(screen.queryByRole('button', { name: /^Show more/ })).not.toBeInTheDocument();
});
