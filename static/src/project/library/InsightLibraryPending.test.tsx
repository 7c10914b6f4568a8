import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries as render } from '../../test/render';
import type { InsightView } from '../../../../src/contract/views';
import { insightView, view } from '../../test/fixtures';
import { forgeBridgeMock, ok, onResolver, resetBridge } from '../../test/forge-bridge';
import type { UserEvent } from '@testing-library/user-event';
import { setupUser } from '../../test/user';
import { InsightLibrary } from './InsightLibrary';

jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

const CURATOR = { canEdit: true, canContribute: true, canCurate: true };
const A = insightView({ id: 'ins-a', summary: 'Export times out', linkCount: 1000 });
const B = insightView({ id: 'ins-b', summary: 'Export is slow', account: undefined, accountKey: undefined });

function library(items: InsightView[]): void {
  onResolver('project/listInsights', (p) =>
    ok({ items: items.filter((i) => p.status === undefined || i.status === p.status) })
  );
}

/** One insight in the library, found by the summary it shows. */
async function itemOf(summary: string): Promise<HTMLElement> {
  return screen.findByRole('listitem', { name: summary });
}

function flagWith(title: string): { title: string; description?: string } | undefined {
  const calls = forgeBridgeMock.showFlag.mock.calls.map(
    (c) => c[0] as { title: string; description?: string }
  );
  return calls.find((f) => f.title === title);
}

/** Searches the item's link form for issues and picks the first one found. */
async function pickIssue(user: UserEvent, summary: string, query: string): Promise<void> {
  const item = within(await itemOf(summary));
  await user.clear(item.getByLabelText('Find the issue this is evidence for'));
  await user.type(item.getByLabelText('Find the issue this is evidence for'), query);
  await user.click(item.getByRole('button', { name: 'Search' }));
  const hits = within(await item.findByRole('list', { name: 'Matching issues' })).getAllByRole('listitem');
  await user.click(within(hits[0] as HTMLElement).getByRole('button', { name: 'Select' }));
}

beforeEach(() => {
  resetBridge();
  library([A, B]);
});

const renderLibrary = (): void => {
  render(<InsightLibrary access={CURATOR} />);
};

it('shows an insight being deleted or merged as such, with no action on it', async () => {
  library([
    { ...A, pending: 'delete' },
    { ...B, pending: 'merge', mergeInto: 'ins-c' }
  ]);
  renderLibrary();
  const deleting = await itemOf('Export times out');
  expect(within(deleting).getByText('Being deleted…')).toBeInTheDocument();
  expect(within(deleting).queryByRole('button')).not.toBeInTheDocument();
  const merging = await itemOf('Export is slow');
  expect(within(merging).getByText('Being merged…')).toBeInTheDocument();
  expect(within(merging).queryByRole('button')).not.toBeInTheDocument();
});

it('says a large delete finishes in the background, and shows the insight as being deleted until then', async () => {
  const user = setupUser();
  onResolver('project/deleteInsight', (p) => ok({ deleted: p.insightId, pendingLinks: 1000 }));
  renderLibrary();
  const a = within(await itemOf('Export times out'));
  await user.click(a.getByRole('button', { name: 'Delete' }));
  await user.click(a.getByRole('button', { name: 'Delete insight' }));
  await waitFor(() => expect(flagWith('Deleting')).toBeDefined());
  expect(flagWith('Deleting')?.description).toBe(
    '1,000 links will be removed in the background. Until then the insight shows as being deleted.'
  );
  expect(flagWith('Insight deleted')).toBeUndefined();
  const still = await itemOf('Export times out');
  expect(within(still).getByText('Being deleted…')).toBeInTheDocument();
  expect(within(still).queryByRole('button')).not.toBeInTheDocument();
});

it('says a large merge finishes in the background, and never offers a leaving insight as a target', async () => {
  const user = setupUser();
  library([A, B, insightView({ id: 'ins-c', summary: 'Export hangs', pending: 'delete' })]);
  onResolver('project/mergeInsights', () => ok({ ...B, pendingLinks: 1000 }));
  renderLibrary();
  const a = within(await itemOf('Export times out'));
  await user.click(a.getByRole('button', { name: 'Merge duplicate…' }));
  onResolver('project/listInsights', () =>
    ok({ items: [A, B, insightView({ id: 'ins-c', summary: 'Export hangs', pending: 'delete' })] })
  );
  await user.clear(a.getByLabelText('Find the insight to keep'));
  await user.type(a.getByLabelText('Find the insight to keep'), 'export');
  await user.click(a.getByRole('button', { name: 'Search' }));
  const candidates = within(await a.findByRole('list', { name: 'Insights to keep' })).getAllByRole(
    'listitem'
  );
  expect(candidates.map((c) => c.textContent)).toEqual([expect.stringContaining('Export is slow')]);
  await user.click(within(candidates[0] as HTMLElement).getByRole('button', { name: 'Keep this one' }));
  await user.click(a.getByRole('button', { name: 'Merge and delete this one' }));
  await waitFor(() => expect(flagWith('Merging')).toBeDefined());
  expect(flagWith('Merging')?.description).toBe(
    '“Export times out” is being merged into “Export is slow”. 1,000 links will be moved in the background. Until then the duplicate shows as being merged.'
  );
  const merging = await itemOf('Export times out');
  expect(within(merging).getByText('Being merged…')).toBeInTheDocument();
});

it('says truthfully that an insight was not linked, and why', async () => {
  const user = setupUser();
  onResolver('project/searchIssues', () =>
    ok([{ issueId: '10002', key: 'DEMO-2', summary: 'Export to PDF', issueType: 'Story' }])
  );
  onResolver('project/link', () =>
    ok({
      view: view(),
      alreadyLinked: [],
      linked: [],
      notLinked: { insightIds: ['ins-b'], code: 'CONFLICT', message: 'Changed meanwhile' }
    })
  );
  renderLibrary();
  const b = within(await itemOf('Export is slow'));
  await user.click(b.getByRole('button', { name: 'Link to issue' }));
  await pickIssue(user, 'Export is slow', 'export');
  await user.click(b.getByRole('button', { name: 'Link to DEMO-2' }));
  await waitFor(() => expect(flagWith('Linked 0 of 1 insight to DEMO-2')).toBeDefined());
  expect(flagWith('Linked 0 of 1 insight to DEMO-2')).toMatchObject({
    type: 'warning',
    description:
      'None was linked. Not linked: “Export is slow”. Someone else changed this at the same time. Try again.'
  });
  expect(flagWith('Linked to DEMO-2')).toBeUndefined();
  // Not linked: it stays in the inbox as it was.
  expect(within(await itemOf('Export is slow')).getByText('Inbox')).toBeInTheDocument();
});

it('names the account fields a capture kept, with the masked values the answer carries', async () => {
  const user = setupUser();
  onResolver('project/captureInsight', () =>
    ok(
      insightView({
        id: 'ins-new',
        summary: 'Dark mode for reports',
        identityHidden: true,
        accountConflicts: [
          { accountKey: 'hidden', field: 'segment', stored: 'hidden', given: 'smb' },
          { accountKey: 'hidden', field: 'arr', stored: 'hidden', given: 5000 }
        ]
      })
    )
  );
  renderLibrary();
  await screen.findByRole('list', { name: 'Insights' });
  await user.click(screen.getByRole('button', { name: 'Capture insight' }));
  const form = within(await screen.findByRole('form', { name: 'Capture insight' }));
  await user.type(form.getByLabelText(/^Summary/), 'Dark mode for reports');
  await user.clear(form.getByLabelText(/^Observed on/));
  await user.type(form.getByLabelText(/^Observed on/), '2025-06-01');
  await user.click(form.getByRole('button', { name: 'Capture insight' }));
  const title = 'Insight captured; the stored account was kept';
  await waitFor(() => expect(flagWith(title)).toBeDefined());
  expect(flagWith(title)).toMatchObject({
    type: 'warning',
    description:
      'Segment stays hidden (you entered SMB); ARR stays hidden (you entered $5k). A curator can change the account.'
  });
});

it('files an insight linked to done work as addressed, as the server derived it', async () => {
  const user = setupUser();
  onResolver('project/searchIssues', () =>
    ok([{ issueId: '10002', key: 'DEMO-2', summary: 'Export to PDF', issueType: 'Story' }])
  );
  onResolver('project/link', () =>
    ok({ view: view(), alreadyLinked: [], linked: ['ins-b'], statuses: { 'ins-b': 'addressed' } })
  );
  library([A, B]);
  onResolver('project/listInsights', () => ok({ items: [A, B] }));
  renderLibrary();
  await user.click(screen.getByRole('button', { name: 'All' }));
  const b = within(await itemOf('Export is slow'));
  await user.click(b.getByRole('button', { name: 'Link to issue' }));
  await pickIssue(user, 'Export is slow', 'export');
  await user.click(b.getByRole('button', { name: 'Link to DEMO-2' }));
  await waitFor(() => expect(flagWith('Linked to DEMO-2')).toBeDefined());
  expect(within(await itemOf('Export is slow')).getByText('Addressed')).toBeInTheDocument();
});
