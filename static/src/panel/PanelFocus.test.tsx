import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import { EMPTY_VIEW, card, view } from '../test/fixtures';
import { ok, onResolver, resetBridge } from '../test/forge-bridge';
import { findEvidenceCards } from '../test/panel-screen';
import { setupUser } from '../test/user';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

/**
 * Where focus goes after each action on the panel, and that Escape cancels: a keyboard
 * or screen reader user carries on from a sensible place, never from the top of the page.
 */
const FIRST = card();
const SECOND = card({ insightId: 'ins-2', summary: 'Second card' });

beforeEach(() => {
  resetBridge();
  onResolver('panel/getEvidence', () => ok(view([FIRST, SECOND])));
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
});

/** A card by the heading its summary gives it. */
async function cardOf(summary: string): Promise<HTMLElement> {
  const cards = await findEvidenceCards();
  const found = cards.find((c) => within(c).queryByRole('heading', { name: summary }) !== null);
  if (!found) throw new Error(`no card “${summary}”`);
  return found;
}

describe('unlink', () => {
  it('moves focus to the next card’s heading once the card is gone', async () => {
    onResolver('panel/unlink', () => ok(view([SECOND])));
    const user = setupUser();
    render(<PanelApp />);
    const first = within(await cardOf(FIRST.summary));
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    // The question takes the button's place: focus goes to its safe answer, not to the body.
    expect(first.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Second card' })).toHaveFocus());
    expect(screen.queryByRole('heading', { name: FIRST.summary })).not.toBeInTheDocument();
  });

  it('moves focus to the list’s heading when the last card goes', async () => {
    onResolver('panel/unlink', () => ok(view([FIRST])));
    const user = setupUser();
    render(<PanelApp />);
    const second = within(await cardOf('Second card'));
    await user.click(second.getByRole('button', { name: 'Unlink' }));
    await user.click(second.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(screen.getByText('Evidence (1)').closest('[tabindex]')).toHaveFocus());
  });

  it('moves focus to the empty state’s first action when no evidence is left', async () => {
    onResolver('panel/getEvidence', () => ok(view([FIRST])));
    onResolver('panel/unlink', () => ok(EMPTY_VIEW));
    const user = setupUser();
    render(<PanelApp />);
    const first = within(await cardOf(FIRST.summary));
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add evidence' })).toHaveFocus());
  });

  it('Escape or Cancel closes the question and gives focus back to Unlink', async () => {
    const user = setupUser();
    render(<PanelApp />);
    const first = within(await cardOf(FIRST.summary));
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await user.keyboard('{Escape}');
    expect(first.queryByText('Unlink this evidence?')).not.toBeInTheDocument();
    await waitFor(() => expect(first.getByRole('button', { name: 'Unlink' })).toHaveFocus());

    await user.keyboard('{Enter}');
    expect(first.getByText('Unlink this evidence?')).toBeInTheDocument();
    await user.click(first.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(first.getByRole('button', { name: 'Unlink' })).toHaveFocus());
  });
});

describe('the note editor', () => {
  it('takes focus when opened, and Escape closes it back to its button without saving', async () => {
    const user = setupUser();
    render(<PanelApp />);
    const first = within(await cardOf(FIRST.summary));
    await user.click(first.getByRole('button', { name: 'Edit note' }));
    const input = await first.findByRole('textbox', { name: 'Why this is evidence' });
    await waitFor(() => expect(input).toHaveFocus());
    await user.type(input, ' and more');
    await user.keyboard('{Escape}');
    expect(first.queryByRole('textbox', { name: 'Why this is evidence' })).not.toBeInTheDocument();
    await waitFor(() => expect(first.getByRole('button', { name: 'Edit note' })).toHaveFocus());
    expect(first.getByText(`Why this is evidence: ${FIRST.note}`)).toBeInTheDocument();
  });
});

describe('the capture form', () => {
  it('Escape closes it and gives focus back to Add evidence', async () => {
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Add evidence' }));
    const summary = await screen.findByRole('textbox', { name: /^Summary/ });
    await user.type(summary, 'Half typed');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Add evidence' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add evidence' })).toHaveFocus());
  });

  it('after a save, moves focus to the card that was added', async () => {
    const added = card({ insightId: 'new-1', summary: 'Slow export' });
    onResolver('panel/captureAndLink', () => ok({ view: view([FIRST, added, SECOND]), alreadyLinked: [] }));
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Add evidence' }));
    await user.type(await screen.findByRole('textbox', { name: /^Summary/ }), 'Slow export');
    await user.click(screen.getByRole('button', { name: 'Add and link' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Slow export' })).toHaveFocus());
  });

  it('from the empty state, Escape gives focus back to the empty state’s Add evidence', async () => {
    onResolver('panel/getEvidence', () => ok(EMPTY_VIEW));
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Add evidence' }));
    await user.click(await screen.findByRole('textbox', { name: /^Summary/ }));
    await user.keyboard('{Escape}');
    await screen.findByRole('heading', { name: 'No customer evidence yet — add the first' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add evidence' })).toHaveFocus());
  });
});

describe('the link-existing search', () => {
  it('Escape closes it and gives focus back to Link existing', async () => {
    onResolver('panel/searchInsights', () => ok({ items: [] }));
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Link existing' }));
    await user.click(await screen.findByRole('textbox', { name: 'Search insights in this project' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: 'Link existing evidence' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Link existing' })).toHaveFocus());
  });
});
