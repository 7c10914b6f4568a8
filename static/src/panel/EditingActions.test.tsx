import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { InsightView } from '../../../src/contract/views';
import { card, view } from '../test/fixtures';
import { fail, forgeBridgeMock, lastPayload, ok, onResolver, resetBridge } from '../test/forge-bridge';
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
    render(<PanelApp />);
    const [first] = await screen.findAllByTestId('evidence-card');
    fireEvent.click(within(first as HTMLElement).getByTestId('unlink-button'));
    fireEvent.click(within(first as HTMLElement).getByTestId('unlink-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-card')).toHaveLength(1));
    expect(lastPayload('panel/unlink')).toEqual({ insightId: 'ins-1' });
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: 'Evidence unlinked' })
    );
  });

  it('flags a failure and keeps the card', async () => {
    onResolver('panel/unlink', () => fail('FORBIDDEN', 'no'));
    render(<PanelApp />);
    const [first] = await screen.findAllByTestId('evidence-card');
    fireEvent.click(within(first as HTMLElement).getByTestId('unlink-button'));
    fireEvent.click(within(first as HTMLElement).getByTestId('unlink-confirm'));
    await waitFor(() =>
      expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'error',
          title: 'Could not unlink the evidence',
          description: 'You don’t have permission to change evidence on this issue.'
        })
      )
    );
    expect(screen.getAllByTestId('evidence-card')).toHaveLength(2);
    expect(await within(first as HTMLElement).findByTestId('unlink-button')).toBeInTheDocument();
  });
});

describe('edit note', () => {
  it('saves the note and shows it', async () => {
    onResolver('panel/editNote', (p) => ok(view([card({ note: p.note ?? '' })])));
    render(<PanelApp />);
    const [first] = await screen.findAllByTestId('evidence-card');
    fireEvent.click(within(first as HTMLElement).getByTestId('edit-note-button'));
    const input = await screen.findByTestId('note-input');
    expect(input).toHaveValue('Top-3 account, renewal in Q3');
    fireEvent.change(input, { target: { value: 'Churn risk' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect(await screen.findByText('Why this is evidence: Churn risk')).toBeInTheDocument();
    expect(screen.queryByTestId('note-input')).not.toBeInTheDocument();
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
    render(<PanelApp />);
    const [first] = await screen.findAllByTestId('evidence-card');
    fireEvent.click(within(first as HTMLElement).getByTestId('edit-note-button'));
    fireEvent.click(await screen.findByTestId('note-save'));
    expect(await screen.findByTestId('note-error')).toHaveTextContent('Note must be at most 1000 characters');
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
    render(<PanelApp />);
    fireEvent.click(await screen.findByTestId('link-existing-button'));
    fireEvent.change(await screen.findByLabelText('Search insights in this project'), {
      target: { value: 'slow' }
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    const list = await screen.findByRole('list', { name: 'Matching insights' });
    const results = within(list).getAllByRole('listitem');
    expect(results).toHaveLength(3);
    expect(lastPayload('panel/searchInsights')).toEqual({ query: 'slow', limit: 20 });
    // The insight already on this issue is marked, not offered again.
    expect(within(results[0] as HTMLElement).getByText('Already linked')).toBeInTheDocument();
    expect(within(results[0] as HTMLElement).queryByRole('button')).not.toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Link insight' })).toBeDisabled();
    fireEvent.click(within(results[1] as HTMLElement).getByRole('button', { name: 'Select' }));
    expect(within(results[1] as HTMLElement).getByRole('button', { name: 'Selected' })).toHaveAttribute(
      'aria-pressed',
      'true'
    );
    fireEvent.change(screen.getByLabelText('Why this is evidence'), { target: { value: 'Same root cause' } });
    fireEvent.click(screen.getByRole('button', { name: 'Link insight' }));

    await waitFor(() =>
      expect(screen.queryByLabelText('Search insights in this project')).not.toBeInTheDocument()
    );
    expect(lastPayload('panel/link')).toEqual({ insightIds: ['ins-7'], note: 'Same root cause' });
    expect(screen.getAllByTestId('evidence-card')).toHaveLength(2);
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', title: '1 insight linked' })
    );
  });

  it('says when nothing matches', async () => {
    onResolver('panel/searchInsights', () => ok({ items: [] }));
    render(<PanelApp />);
    fireEvent.click(await screen.findByTestId('link-existing-button'));
    fireEvent.change(await screen.findByLabelText('Search insights in this project'), {
      target: { value: 'zzz' }
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No insights match “zzz”.')).toBeInTheDocument();
  });
});
