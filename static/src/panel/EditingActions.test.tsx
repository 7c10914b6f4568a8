import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../test/render';
import type { InsightView } from '../../../src/contract/views';
import { card, view } from '../test/fixtures';
import { fail, forgeBridgeMock, lastPayload, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { evidenceCards, findEvidenceCards } from '../test/panel-screen';
import { setupUser } from '../test/user';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

function insight(id: string, summary: string): InsightView {
  return {
    id,
    projectId: '10000',
    summary,
    quote: '',
    sourceKind: 'interview',
    severity: 'high',
    sentiment: 'negative',
    observedAt: '2025-05-01T00:00:00.000Z',
    tags: [],
    status: 'new',
    linkCount: 0,
    createdAt: '2025-05-01T00:00:00.000Z',
    createdBy: 'user-2',
    updatedAt: '2025-05-01T00:00:00.000Z',
    version: 1
  };
}

beforeEach(() => {
  resetBridge();
  onResolver('panel/getEvidence', () =>
    ok(view([card(), card({ insightId: 'ins-2', summary: 'Second card' })]))
  );
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
});

describe('unlink', () => {
  it('asks once more, unlinks, flags and shows the returned view', async () => {
    onResolver('panel/unlink', () => ok(view([card({ insightId: 'ins-2', summary: 'Second card' })])));
    const user = setupUser();
    render(<PanelApp />);
    const first = within((await findEvidenceCards())[0] as HTMLElement);
    await user.click(await first.findByRole('button', { name: 'Unlink' }));
    expect(first.getByText('Unlink this evidence?')).toBeInTheDocument();
    expect(forgeBridgeMock.invoke).not.toHaveBeenCalledWith('panel/unlink', expect.anything());
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(evidenceCards()).toHaveLength(1));
    expect(lastPayload('panel/unlink')).toEqual({ insightId: 'ins-1' });
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: 'Evidence unlinked' })
    );
  });

  it('offers Undo, which links the card again with the note it had', async () => {
    onResolver('panel/getEvidence', () =>
      ok(view([card({ note: 'Asked twice' }), card({ insightId: 'ins-2', summary: 'Second card' })]))
    );
    onResolver('panel/unlink', () => ok(view([card({ insightId: 'ins-2', summary: 'Second card' })])));
    onResolver('panel/link', () =>
      ok({
        view: view([card({ note: 'Asked twice' }), card({ insightId: 'ins-2', summary: 'Second card' })]),
        alreadyLinked: [],
        linked: ['ins-1']
      })
    );
    const user = setupUser();
    render(<PanelApp />);
    const first = within((await findEvidenceCards())[0] as HTMLElement);
    const summary = card().summary;
    await user.click(await first.findByRole('button', { name: 'Unlink' }));
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(evidenceCards()).toHaveLength(1));
    expect(await screen.findByText(`Unlinked “${summary}”.`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(evidenceCards()).toHaveLength(2));
    expect(lastPayload('panel/link')).toEqual({ insightIds: ['ins-1'], note: 'Asked twice' });
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Evidence (2)' })).toHaveFocus());
  });

  it('flags a failure and keeps the card', async () => {
    onResolver('panel/unlink', () => fail('FORBIDDEN', 'no'));
    const user = setupUser();
    render(<PanelApp />);
    const first = within((await findEvidenceCards())[0] as HTMLElement);
    await user.click(await first.findByRole('button', { name: 'Unlink' }));
    await user.click(first.getByRole('button', { name: 'Unlink' }));
    await waitFor(() =>
      expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'error',
          title: 'Could not unlink the evidence',
          description:
            'You can’t change evidence on this issue. Ask a Jira admin for permission to edit it, or to add you as a contributor on the app’s admin page.'
        })
      )
    );
    expect(evidenceCards()).toHaveLength(2);
    // The question is gone and the card offers Unlink again.
    expect(await first.findByRole('button', { name: 'Unlink' })).toBeEnabled();
    expect(first.queryByText('Unlink this evidence?')).not.toBeInTheDocument();
  });
});

describe('edit note', () => {
  it('saves the note and shows it', async () => {
    onResolver('panel/editNote', (p) => ok(view([card({ note: p.note ?? '' })])));
    const user = setupUser();
    render(<PanelApp />);
    const first = within((await findEvidenceCards())[0] as HTMLElement);
    await user.click(await first.findByRole('button', { name: 'Edit note' }));
    const input = await first.findByRole('textbox', { name: 'Why this is evidence' });
    expect(input).toHaveValue('Top-3 account, renewal in Q3');
    await user.clear(input);
    await user.type(input, 'Churn risk');
    await user.click(first.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Why this is evidence: Churn risk')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Why this is evidence' })).not.toBeInTheDocument();
    expect(lastPayload('panel/editNote')).toEqual({ insightId: 'ins-1', note: 'Churn risk' });
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: 'Note saved' })
    );
  });

  it('shows a server issue on the note', async () => {
    onResolver('panel/editNote', () =>
      fail('VALIDATION_FAILED', 'Invalid', [
        { path: 'note', message: 'Note must be at most 1000 characters' }
      ])
    );
    const user = setupUser();
    render(<PanelApp />);
    const first = within((await findEvidenceCards())[0] as HTMLElement);
    await user.click(await first.findByRole('button', { name: 'Edit note' }));
    await user.click(await first.findByRole('button', { name: 'Save note' }));
    const input = await first.findByRole('textbox', { name: 'Why this is evidence' });
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Note must be at most 1000 characters/));
  });
});

describe('link existing', () => {
  it('searches, selects and links with a note', async () => {
    onResolver('panel/searchInsights', () =>
      ok({
        items: [
          insight('ins-1', 'Already here'),
          insight('ins-7', 'Bulk edit is slow'),
          insight('ins-8', 'SSO breaks')
        ]
      })
    );
    onResolver('panel/link', () =>
      ok({
        view: view([card(), card({ insightId: 'ins-7', summary: 'Bulk edit is slow' })]),
        alreadyLinked: []
      })
    );
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Link existing' }));
    await user.type(await screen.findByLabelText('Search insights in this project'), 'slow');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    const list = await screen.findByRole('list', { name: 'Matching insights' });
    const results = within(list).getAllByRole('listitem');
    expect(results).toHaveLength(3);
    expect(lastPayload('panel/searchInsights')).toEqual({ query: 'slow', limit: 20 });
    // The insight already on this issue is marked, not offered again.
    expect(within(results[0] as HTMLElement).getByText('Already linked')).toBeInTheDocument();
    expect(within(results[0] as HTMLElement).queryByRole('button')).not.toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Link insight' })).toBeDisabled();
    await user.click(within(results[1] as HTMLElement).getByRole('button', { name: 'Select' }));
    expect(within(results[1] as HTMLElement).getByRole('button', { name: 'Selected' })).toHaveAttribute(
      'aria-pressed',
      'true'
    );
    await user.type(screen.getByLabelText('Why this is evidence'), 'Same root cause');
    await user.click(screen.getByRole('button', { name: 'Link insight' }));

    await waitFor(() =>
      expect(screen.queryByLabelText('Search insights in this project')).not.toBeInTheDocument()
    );
    expect(lastPayload('panel/link')).toEqual({ insightIds: ['ins-7'], note: 'Same root cause' });
    expect(evidenceCards()).toHaveLength(2);
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: '1 insight linked' })
    );
  });

  it('shows the latest search’s matches when an earlier search answers after it', async () => {
    let answerFirst = (): void => undefined;
    onResolver('panel/searchInsights', (payload) =>
      payload.query === 'export'
        ? new Promise((resolve) => {
            answerFirst = () => resolve(ok({ items: [insight('ins-7', 'Export is slow')] }));
          })
        : ok({ items: [insight('ins-8', 'SSO breaks')] })
    );
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Link existing' }));
    const field = await screen.findByLabelText('Search insights in this project');
    await user.type(field, 'export{Enter}');
    // While a search is out the Search button swallows clicks, Enter's implicit one
    // included; the newer search goes straight to the form.
    await user.clear(field);
    await user.type(field, 'sso');
    fireEvent.submit(screen.getByRole('search'));
    expect(await screen.findByText('SSO breaks')).toBeInTheDocument();

    // The earlier answer arrives, and every promise waiting on it runs.
    await act(async () => {
      answerFirst();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const list = screen.getByRole('list', { name: 'Matching insights' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByText('Export is slow')).not.toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    onResolver('panel/searchInsights', () => ok({ items: [] }));
    const user = setupUser();
    render(<PanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Link existing' }));
    // Enter in the field searches, as the button does.
    await user.type(await screen.findByLabelText('Search insights in this project'), 'zzz{Enter}');
    expect(await screen.findByText('No insights match “zzz”.')).toBeInTheDocument();
  });
});
