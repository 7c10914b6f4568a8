import { screen, waitFor, within, type BoundFunctions, type queries } from '@testing-library/react';
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
import { setupUser } from '../../test/user';
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

/** The list of insights, once the library has loaded it. */
async function insightList(): Promise<HTMLElement> {
  return screen.findByRole('list', { name: 'Insights' });
}

/** The insights shown (no item here has a form with its own list open). */
function shownItems(): HTMLElement[] {
  return screen.queryAllByRole('listitem');
}

/** One insight, found by the summary it shows. */
async function item(summary: string): Promise<BoundFunctions<typeof queries>> {
  return within(await screen.findByRole('listitem', { name: summary }));
}

/** A status filter, e.g. "Inbox" or "Not actionable" (an item's action has that name too). */
function statusFilter(label: string): HTMLElement {
  return within(screen.getByRole('group', { name: 'Show insights' })).getByRole('button', { name: label });
}

async function search(user: ReturnType<typeof setupUser>, query: string): Promise<void> {
  await user.type(screen.getByLabelText('Search insights'), query);
  await user.click(within(screen.getByRole('search')).getByRole('button', { name: 'Search' }));
}

it('opens on the inbox, newest first as the server sends them', async () => {
  render(<InsightLibrary access={CURATOR} />);
  const items = within(await insightList()).getAllByRole('listitem');
  expect(items).toHaveLength(2);
  expect(items[0]).toHaveAccessibleName('Export times out');
  expect(items[1]).toHaveAccessibleName('Export is slow');
  expect(lastPayload('project/listInsights')).toEqual({ limit: 25, status: 'new' });
  expect(statusFilter('Inbox')).toHaveAttribute('aria-pressed', 'true');
});

it('dismisses an inbox item (it leaves the inbox) and restores it from "Not actionable"', async () => {
  onResolver('project/setInsightStatus', (p) =>
    ok({
      ...(p.insightId === 'ins-a' ? A : insightView({ id: 'ins-d', summary: 'Old complaint' })),
      status: p.status
    })
  );
  const user = setupUser();
  const { client } = render(<InsightLibrary access={CURATOR} />);
  const rankingStale = loadedRanking(client);
  await user.click((await item('Export times out')).getByRole('button', { name: 'Not actionable' }));
  await waitFor(() => expect(shownItems()).toHaveLength(1));
  expect(lastPayload('project/setInsightStatus')).toEqual({ insightId: 'ins-a', status: 'dismissed' });
  expect(await screen.findByText('Dismissed “Export times out”.')).toBeInTheDocument();

  await user.click(statusFilter('Not actionable'));
  await waitFor(() =>
    expect(lastPayload('project/listInsights')).toEqual({ limit: 25, status: 'dismissed' })
  );
  const dismissed = await item('Old complaint');
  expect(dismissed.queryByRole('button', { name: 'Not actionable' })).not.toBeInTheDocument();
  await user.click(dismissed.getByRole('button', { name: 'Restore to inbox' }));
  await waitFor(() => expect(shownItems()).toHaveLength(0));
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
  const user = setupUser();
  const { client } = render(<InsightLibrary access={CURATOR} />);
  const rankingStale = loadedRanking(client);
  const a = await item('Export times out');
  await user.click(a.getByRole('button', { name: 'Link to issue' }));
  expect(a.getByRole('button', { name: 'Link' })).toBeDisabled();
  await user.clear(a.getByLabelText('Find the issue this is evidence for'));
  await user.type(a.getByLabelText('Find the issue this is evidence for'), 'export');
  await user.click(a.getByRole('button', { name: 'Search' }));
  const hits = within(await a.findByRole('list', { name: 'Matching issues' })).getAllByRole('listitem');
  expect(lastPayload('project/searchIssues')).toEqual({ query: 'export' });
  expect(hits[1]).toHaveTextContent('DEMO-2Export to PDFStory');
  await user.click(within(hits[1] as HTMLElement).getByRole('button', { name: 'Select' }));
  await user.type(a.getByLabelText('Why this is evidence'), 'Same root cause');
  await user.click(a.getByRole('button', { name: 'Link to DEMO-2' }));

  // Linked: it leaves the inbox.
  await waitFor(() => expect(shownItems()).toHaveLength(1));
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
  const user = setupUser();
  const { client } = render(<InsightLibrary access={CURATOR} />);
  const rankingStale = loadedRanking(client);
  const b = await item('Export is slow');
  await user.click(b.getByRole('button', { name: 'Merge duplicate…' }));
  await user.clear(b.getByLabelText('Find the insight to keep'));
  await user.type(b.getByLabelText('Find the insight to keep'), 'export');
  await user.click(b.getByRole('button', { name: 'Search' }));
  // The insight being merged is never offered as its own target.
  const candidates = within(await b.findByRole('list', { name: 'Insights to keep' })).getAllByRole(
    'listitem'
  );
  expect(candidates).toHaveLength(1);
  expect(candidates[0]).toHaveTextContent('Export times out');
  expect(b.getByRole('button', { name: 'Merge and delete this one' })).toBeDisabled();
  await user.click(within(candidates[0] as HTMLElement).getByRole('button', { name: 'Keep this one' }));
  expect(b.getByRole('heading', { name: 'Merge these insights?' })).toBeInTheDocument();
  expect(
    b.getByText(
      '“Export is slow” will be merged into “Export times out”. Its links to issues and its tags are carried over to “Export times out”, and “Export is slow” is deleted. This cannot be undone.'
    )
  ).toBeInTheDocument();
  expect(forgeBridgeMock.invoke).not.toHaveBeenCalledWith('project/mergeInsights', expect.anything());
  await user.click(b.getByRole('button', { name: 'Merge and delete this one' }));
  await waitFor(() => expect(shownItems()).toHaveLength(1));
  expect(lastPayload('project/mergeInsights')).toEqual({ sourceId: 'ins-b', targetId: 'ins-a' });
  expect(screen.getByRole('listitem', { name: 'Export times out' })).toHaveTextContent(
    'Tags: export, csv, perf'
  );
  expect(rankingStale()).toBe(true);
});

it('deletes after an inline confirmation, and keeps the item when the server refuses', async () => {
  onResolver('project/deleteInsight', () => fail('FORBIDDEN'));
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  const a = await item('Export times out');
  await user.click(a.getByRole('button', { name: 'Delete' }));
  await user.click(a.getByRole('button', { name: 'Delete insight' }));
  await waitFor(() =>
    expect(forgeBridgeMock.showFlag).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Could not delete the insight',
        description:
          'You can’t change customer evidence in this project. Ask a Jira admin to add you as a contributor or curator on the app’s admin page.'
      })
    )
  );
  expect(shownItems()).toHaveLength(2);

  onResolver('project/deleteInsight', (p) => ok({ deleted: p.insightId }));
  await user.click(a.getByRole('button', { name: 'Delete insight' }));
  await waitFor(() => expect(shownItems()).toHaveLength(1));
});

it('captures an insight with the shared form, without a link note, into the inbox', async () => {
  onResolver('project/captureInsight', (p) =>
    ok(insightView({ id: 'ins-new', summary: String((p.insight as { summary: string }).summary).trim() }))
  );
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await insightList();
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  const form = within(await screen.findByRole('form', { name: 'Capture insight' }));
  expect(form.queryByLabelText(/^Why this is evidence/)).not.toBeInTheDocument();
  await user.type(form.getByLabelText(/^Summary/), 'Dark mode for reports');
  await user.clear(form.getByLabelText(/^Observed on/));
  await user.type(form.getByLabelText(/^Observed on/), '2025-06-01');
  await user.click(form.getByRole('button', { name: 'Capture insight' }));
  await waitFor(() =>
    expect(screen.queryByRole('form', { name: 'Capture insight' })).not.toBeInTheDocument()
  );
  const sent = lastPayload('project/captureInsight') as PayloadOf<'project/captureInsight'>;
  expect(Object.keys(sent)).toEqual(['insight']);
  expect(sent.insight).toMatchObject({ summary: 'Dark mode for reports', observedAt: '2025-06-01' });
  expect(shownItems()[0]).toHaveAccessibleName('Dark mode for reports');
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
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await insightList();
  await user.click(screen.getByRole('button', { name: 'Export CSV' }));
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
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  await insightList();
  await search(user, 'quarantined');
  expect(
    await screen.findByText('No match for “quarantined” in the insights searched so far.')
  ).toBeInTheDocument();
  // Not the empty state: the library may still hold a match.
  expect(
    screen.queryByRole('heading', { name: /^(Nothing here|No insights match)/ })
  ).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Search further' }));
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
  const user = setupUser();
  render(<InsightLibrary access={CURATOR} />);
  expect(await screen.findByRole('heading', { name: 'Nothing here' })).toBeInTheDocument();
  expect(screen.getByText(/^The inbox is empty/)).toBeInTheDocument();
  await search(user, 'zephyr');
  expect(await screen.findByRole('heading', { name: 'No insights match “zephyr”' })).toBeInTheDocument();
  expect(
    screen.getByText('No summary, quote, tag or account name here contains every word of the search.')
  ).toBeInTheDocument();
});

describe('shows only the actions the user may take', () => {
  const actionNames = /^(Capture insight|Link to issue|Not actionable|Merge duplicate…|Delete)$/;

  it('offers a viewer no changes at all', async () => {
    render(<InsightLibrary access={VIEWER} />);
    const list = within(await insightList());
    expect(list.getAllByRole('listitem')).toHaveLength(2);
    expect(list.queryAllByRole('button', { name: actionNames })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Capture insight' })).not.toBeInTheDocument();
  });

  it('offers a contributor capture and linking, but not triage, merge or deletion', async () => {
    render(<InsightLibrary access={CONTRIBUTOR} />);
    const list = within(await insightList());
    expect(screen.getByRole('button', { name: 'Capture insight' })).toBeInTheDocument();
    expect(list.getAllByRole('button', { name: 'Link to issue' })).toHaveLength(2);
    for (const name of ['Not actionable', 'Merge duplicate…', 'Delete']) {
      expect(list.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(
      screen.getByText(
        'Merging, dismissing and deleting insights is for this project’s curators. Ask a Jira admin to add you on the app’s admin page.'
      )
    ).toBeInTheDocument();
  });

  it('offers a curator every action', async () => {
    render(<InsightLibrary access={CURATOR} />);
    const list = within(await insightList());
    expect(screen.queryByText(/is for this project’s curators/)).not.toBeInTheDocument();
    for (const name of ['Not actionable', 'Merge duplicate…', 'Delete', 'Link to issue']) {
      expect(list.getAllByRole('button', { name })).toHaveLength(2);
    }
  });
});
