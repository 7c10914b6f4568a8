import {
  fireEvent,
  screen,
  waitFor,
  within,
  type BoundFunctions,
  type queries
} from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { renderWithQueries as render } from '../../test/render';
import type { PayloadOf } from '../../../../src/contract/surfaces';
import type { InsightView } from '../../../../src/contract/views';
import { insightView, view } from '../../test/fixtures';
import {
  fail,
  forgeBridgeMock,
  lastPayload,
  ok,
  onResolver,
  payloadsOf,
  resetBridge
} from '../../test/forge-bridge';
import { InsightLibrary } from './InsightLibrary';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const A = insightView({ id: 'ins-a', summary: 'Export times out' });
const B = insightView({ id: 'ins-b', summary: 'Export is slow', account: undefined, accountKey: undefined });

/** The library's answer per status filter (the server filters; here, by the payload). */
function library(items: InsightView[]): void {
  onResolver('project/listInsights', (p) => {
    const shown = items.filter((i) => p.status === undefined || i.status === p.status);
    const query = p.query?.toLowerCase();
    return ok({ items: query ? shown.filter((i) => i.summary.toLowerCase().includes(query)) : shown });
  });
}

const CURATOR = { canEdit: true, canContribute: true, canCurate: true };
const CONTRIBUTOR = { canEdit: true, canContribute: true, canCurate: false };
const VIEWER = { canEdit: false, canContribute: false, canCurate: false };

/** A ranking the page has loaded: a change that can move issues' scores makes it stale. */
const RANKING = ['project/rankedIssues', { limit: 50 }] as const;
function loadedRanking(client: QueryClient): () => boolean | undefined {
  client.setQueryData(RANKING, { pages: [{ items: [] }], pageParams: [undefined] });
  return () => client.getQueryState(RANKING)?.isInvalidated;
}

beforeEach(() => {
  resetBridge();
  library([A, B, insightView({ id: 'ins-d', summary: 'Old complaint', status: 'dismissed' })]);
});

async function item(summary: string): Promise<BoundFunctions<typeof queries>> {
  const items = await screen.findAllByTestId('library-item');
  const found = items.find((i) => within(i).getByTestId('library-item-summary').textContent === summary);
  if (!found) throw new Error(`No library item "${summary}"`);
  return within(found);
}

it('opens on the inbox, newest first as the server sends them', async () => {
  render(<InsightLibrary access={CURATOR} />);
  const items = await screen.findAllByTestId('library-item');
  expect(items.map((i) => within(i).getByTestId('library-item-summary').textContent)).toEqual([
    'Export times out',
    'Export is slow'
  ]);
  expect(lastPayload('project/listInsights')).toEqual({ limit: 25, status: 'new' });
  expect(screen.getByTestId('library-status-new')).toHaveAttribute('aria-pressed', 'true');
});

it('dismisses an inbox item (it leaves the inbox) and restores it from "Not actionable"', async () => {
  onResolver('project/setInsightStatus', (p) =>
    ok({
      ...(p.insightId === 'ins-a' ? A : insightView({ id: 'ins-d', summary: 'Old complaint' })),
      status: p.status
    })
  );
  const { client } = render(<InsightLibrary access={CURATOR} />);
  const rankingStale = loadedRanking(client);
  fireEvent.click((await item('Export times out')).getByTestId('dismiss-button'));
  await waitFor(() => expect(screen.getAllByTestId('library-item')).toHaveLength(1));
  expect(lastPayload('project/setInsightStatus')).toEqual({ insightId: 'ins-a', status: 'dismissed' });
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Marked not actionable' })
  );

  fireEvent.click(screen.getByTestId('library-status-dismissed'));
  await waitFor(() =>
    expect(lastPayload('project/listInsights')).toEqual({ limit: 25, status: 'dismissed' })
  );
  const dismissed = await item('Old complaint');
  expect(dismissed.queryByTestId('dismiss-button')).not.toBeInTheDocument();
  fireEvent.click(dismissed.getByTestId('restore-button'));
  await waitFor(() => expect(screen.queryAllByTestId('library-item')).toHaveLength(0));
  expect(lastPayload('project/setInsightStatus')).toEqual({ insightId: 'ins-d', status: 'new' });
  // Triage of unlinked insights moves no score: the ranking need not reload.
  expect(rankingStale()).toBe(false);
});

it('links an insight to an issue found by key or text, with a note', async () => {
  onResolver('project/searchIssues', () =>
    ok([
      { issueId: '10001', key: 'DEMO-1', summary: 'Faster export', issueType: 'Epic' },
      { issueId: '10002', key: 'DEMO-2', summary: 'Export to PDF', issueType: 'Story' }
    ])
  );
  onResolver('project/link', (p) => ok({ view: { ...view(), issueId: p.issueId }, alreadyLinked: [] }));
  const { client } = render(<InsightLibrary access={CURATOR} />);
  const rankingStale = loadedRanking(client);
  const a = await item('Export times out');
  fireEvent.click(a.getByRole('button', { name: 'Link to issue' }));
  expect(a.getByRole('button', { name: 'Link' })).toBeDisabled();
  fireEvent.change(a.getByLabelText('Find the issue this is evidence for'), { target: { value: 'export' } });
  fireEvent.click(a.getByRole('button', { name: 'Search' }));
  const hits = within(await a.findByRole('list', { name: 'Matching issues' })).getAllByRole('listitem');
  expect(lastPayload('project/searchIssues')).toEqual({ query: 'export' });
  expect(hits[1]).toHaveTextContent('DEMO-2Export to PDFStory');
  fireEvent.click(within(hits[1] as HTMLElement).getByRole('button', { name: 'Select' }));
  fireEvent.change(a.getByLabelText('Why this is evidence'), { target: { value: 'Same root cause' } });
  fireEvent.click(a.getByRole('button', { name: 'Link to DEMO-2' }));

  // Linked: it leaves the inbox.
  await waitFor(() => expect(screen.getAllByTestId('library-item')).toHaveLength(1));
  expect(lastPayload('project/link')).toEqual({
    issueId: '10002',
    insightIds: ['ins-a'],
    note: 'Same root cause'
  });
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Linked to DEMO-2' })
  );
  expect(rankingStale()).toBe(true);
});

it('merges a duplicate only after saying what happens, and drops it from the list', async () => {
  onResolver('project/mergeInsights', () => ok({ ...A, tags: ['export', 'csv', 'perf'] }));
  const { client } = render(<InsightLibrary access={CURATOR} />);
  const rankingStale = loadedRanking(client);
  const b = await item('Export is slow');
  fireEvent.click(b.getByRole('button', { name: 'Merge duplicate…' }));
  fireEvent.change(b.getByLabelText('Find the insight to keep'), { target: { value: 'export' } });
  fireEvent.click(b.getByRole('button', { name: 'Search' }));
  // The insight being merged is never offered as its own target.
  const candidates = within(await b.findByRole('list', { name: 'Insights to keep' })).getAllByRole(
    'listitem'
  );
  expect(candidates).toHaveLength(1);
  expect(candidates[0]).toHaveTextContent('Export times out');
  expect(b.getByRole('button', { name: 'Merge and delete this one' })).toBeDisabled();
  fireEvent.click(within(candidates[0] as HTMLElement).getByRole('button', { name: 'Keep this one' }));
  expect(b.getByTestId('merge-confirmation')).toHaveTextContent(
    '“Export is slow” will be merged into “Export times out”. Its links to issues and its tags are carried over to “Export times out”, and “Export is slow” is deleted. This cannot be undone.'
  );
  expect(forgeBridgeMock.invoke).not.toHaveBeenCalledWith('project/mergeInsights', expect.anything());
  fireEvent.click(b.getByRole('button', { name: 'Merge and delete this one' }));
  await waitFor(() => expect(screen.getAllByTestId('library-item')).toHaveLength(1));
  expect(lastPayload('project/mergeInsights')).toEqual({ sourceId: 'ins-b', targetId: 'ins-a' });
  expect(screen.getByTestId('library-item')).toHaveTextContent('Tags: export, csv, perf');
  expect(rankingStale()).toBe(true);
});

it('deletes after an inline confirmation, and keeps the item when the server refuses', async () => {
  onResolver('project/deleteInsight', () => fail('FORBIDDEN'));
  render(<InsightLibrary access={CURATOR} />);
  const a = await item('Export times out');
  fireEvent.click(a.getByTestId('delete-button'));
  fireEvent.click(a.getByTestId('delete-confirm'));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Could not delete the insight',
        description: 'You don’t have permission to change customer evidence in this project.'
      })
    )
  );
  expect(screen.getAllByTestId('library-item')).toHaveLength(2);

  onResolver('project/deleteInsight', (p) => ok({ deleted: p.insightId }));
  fireEvent.click(a.getByTestId('delete-confirm'));
  await waitFor(() => expect(screen.getAllByTestId('library-item')).toHaveLength(1));
});

it('captures an insight with the shared form, without a link note, into the inbox', async () => {
  onResolver('project/captureInsight', (p) =>
    ok(insightView({ id: 'ins-new', summary: String((p.insight as { summary: string }).summary).trim() }))
  );
  render(<InsightLibrary access={CURATOR} />);
  await screen.findAllByTestId('library-item');
  fireEvent.click(screen.getByTestId('capture-insight-button'));
  await screen.findByTestId('capture-form');
  expect(screen.queryByTestId('capture-note')).not.toBeInTheDocument();
  fireEvent.change(screen.getByTestId('capture-summary'), { target: { value: 'Dark mode for reports' } });
  fireEvent.change(screen.getByTestId('capture-observed-at'), { target: { value: '2025-06-01' } });
  fireEvent.click(screen.getByTestId('capture-submit'));
  await waitFor(() => expect(screen.queryByTestId('capture-form')).not.toBeInTheDocument());
  const sent = lastPayload('project/captureInsight') as PayloadOf<'project/captureInsight'>;
  expect(Object.keys(sent)).toEqual(['insight']);
  expect(sent.insight).toMatchObject({ summary: 'Dark mode for reports', observedAt: '2025-06-01' });
  expect(screen.getAllByTestId('library-item')[0]).toHaveTextContent('Dark mode for reports');
});

it('exports every page of the current filter as CSV', async () => {
  onResolver('project/listInsights', (p) =>
    ok(
      p.limit === 100
        ? p.cursor === undefined
          ? { items: [A], cursor: 'next' }
          : { items: [B] }
        : { items: [A, B] }
    )
  );
  const blobs: Blob[] = [];
  const createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:export';
  });
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    expect(this.download).toMatch(/^customer-insights-new-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(this.href).toBe('blob:export');
  });
  render(<InsightLibrary access={CURATOR} />);
  await screen.findAllByTestId('library-item');
  fireEvent.click(screen.getByTestId('export-csv'));
  await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
  expect(payloadsOf('project/listInsights').slice(1)).toEqual([
    { limit: 100, status: 'new' },
    { limit: 100, status: 'new', cursor: 'next' }
  ]);
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.readAsText(blobs[0] as Blob);
  });
  expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
    'id,summary,quote,source kind,source URL,account,segment,ARR,severity,sentiment,journey stage,observed at,status,tags',
    'ins-a,Export times out,We lose an hour every Monday.,ticket,https://support.example.com/t/42,Acme,enterprise,240000,high,negative,usage,2025-05-01T00:00:00.000Z,new,"export, csv"',
    'ins-b,Export is slow,We lose an hour every Monday.,ticket,https://support.example.com/t/42,,,,high,negative,usage,2025-05-01T00:00:00.000Z,new,"export, csv"'
  ]);
  expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Exported 2 insights' })
  );
  click.mockRestore();
});

it('offers to search further when a search has found nothing yet, then shows what it finds', async () => {
  const old = insightView({ id: 'ins-old', summary: 'Quarantined payments vanish' });
  onResolver('project/listInsights', (p) =>
    ok(
      p.query === undefined
        ? { items: [A] }
        : p.cursor === undefined
          ? { items: [], cursor: 'more' }
          : { items: [old] }
    )
  );
  render(<InsightLibrary access={CURATOR} />);
  await screen.findAllByTestId('library-item');
  fireEvent.change(screen.getByTestId('library-search'), { target: { value: 'quarantined' } });
  fireEvent.click(screen.getByTestId('library-search-submit'));
  expect(await screen.findByTestId('library-search-partial')).toHaveTextContent(
    'No match for “quarantined” in the insights searched so far.'
  );
  expect(screen.queryByTestId('library-empty')).not.toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Search further' }));
  await item('Quarantined payments vanish');
  expect(lastPayload('project/listInsights')).toEqual({
    limit: 25,
    status: 'new',
    query: 'quarantined',
    cursor: 'more'
  });
});

it('tells a search with no match from an empty library', async () => {
  library([]);
  render(<InsightLibrary access={CURATOR} />);
  expect(await screen.findByTestId('library-empty')).toHaveTextContent('The inbox is empty');
  fireEvent.change(screen.getByTestId('library-search'), { target: { value: 'zephyr' } });
  fireEvent.click(screen.getByTestId('library-search-submit'));
  await waitFor(() =>
    expect(screen.getByTestId('library-empty')).toHaveTextContent(
      'No summary, quote, tag or account name here contains every word of the search.'
    )
  );
});

describe('shows only the actions the user may take', () => {
  const actionNames = /^(Capture insight|Link to issue|Not actionable|Merge duplicate…|Delete)$/;

  it('offers a viewer no changes at all', async () => {
    render(<InsightLibrary access={VIEWER} />);
    await screen.findAllByTestId('library-item');
    expect(
      within(screen.getByTestId('library-list')).queryAllByRole('button', { name: actionNames })
    ).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Capture insight' })).not.toBeInTheDocument();
  });

  it('offers a contributor capture and linking, but not triage, merge or deletion', async () => {
    render(<InsightLibrary access={CONTRIBUTOR} />);
    await screen.findAllByTestId('library-item');
    expect(screen.getByRole('button', { name: 'Capture insight' })).toBeInTheDocument();
    const list = within(screen.getByTestId('library-list'));
    expect(list.getAllByRole('button', { name: 'Link to issue' })).toHaveLength(2);
    for (const name of ['Not actionable', 'Merge duplicate…', 'Delete']) {
      expect(list.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('offers a curator every action', async () => {
    render(<InsightLibrary access={CURATOR} />);
    await screen.findAllByTestId('library-item');
    const list = within(screen.getByTestId('library-list'));
    for (const name of ['Not actionable', 'Merge duplicate…', 'Delete', 'Link to issue']) {
      expect(list.getAllByRole('button', { name })).toHaveLength(2);
    }
  });
});
