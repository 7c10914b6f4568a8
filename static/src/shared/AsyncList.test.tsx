import { screen, within } from '@testing-library/react';
import type { InsightView } from '../../../src/contract/views';
import { useContractInfiniteQuery } from '../api';
import { insightView } from '../test/fixtures';
import { fail, forgeBridgeMock, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { renderWithQueries as render } from '../test/render';
import { setupUser } from '../test/user';
import { AsyncList, type ListLoad } from './AsyncList';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

beforeEach(resetBridge);

/** A paged contract list shown through AsyncList, as a page would wire it. */
function Insights(): JSX.Element {
  const query = useContractInfiniteQuery('project/listInsights', { limit: 2 });
  const load: ListLoad<InsightView> =
    query.data !== undefined
      ? { status: 'ready', items: query.data.pages.flatMap((page) => page.items) }
      : query.isError && !query.isFetching
        ? { status: 'error', error: query.error }
        : { status: 'loading' };
  return (
    <AsyncList
      load={load}
      name={{ label: 'Insights' }}
      itemKey={(insight) => insight.id}
      renderItem={(insight) => <li>{insight.summary}</li>}
      loading={<p role="status">Loading insights…</p>}
      failure={(error) => (
        <div role="alert">
          {error.message}
          <button onClick={() => void query.refetch()}>Try again</button>
        </div>
      )}
      empty={<p>No insights yet</p>}
      more={{
        hasMore: query.hasNextPage,
        loadingMore: query.isFetchingNextPage,
        loadMore: () => void query.fetchNextPage(),
        label: 'Show more'
      }}
    />
  );
}

it('says the list is empty, with no list and no button for more', async () => {
  onResolver('project/listInsights', () => ok({ items: [] }));
  render(<Insights />);
  expect(screen.getByRole('status')).toHaveTextContent('Loading insights…');
  expect(await screen.findByText('No insights yet')).toBeInTheDocument();
  expect(screen.queryByRole('list')).not.toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
});

it('shows a failure with its retry instead of an empty list, and the items once the retry answers', async () => {
  let calls = 0;
  onResolver('project/listInsights', () =>
    ++calls === 1
      ? fail('UPSTREAM_FAILED', 'Storage did not answer')
      : ok({ items: [insightView({ id: 'a', summary: 'Exports time out' })] })
  );
  const user = setupUser();
  render(<Insights />);
  const failure = await screen.findByRole('alert');
  expect(failure).toHaveTextContent('Storage did not answer');
  expect(screen.queryByText('No insights yet')).not.toBeInTheDocument();
  await user.click(within(failure).getByRole('button', { name: 'Try again' }));
  const list = await screen.findByRole('list', { name: 'Insights' });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
  ).toEqual(['Exports time out']);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

it('adds the next page under the items shown, until the last page', async () => {
  onResolver('project/listInsights', (payload) =>
    payload.cursor === undefined
      ? ok({
          items: [insightView({ id: 'a', summary: 'First' }), insightView({ id: 'b', summary: 'Second' })],
          cursor: 'after-b'
        })
      : ok({ items: [insightView({ id: 'c', summary: 'Third' })] })
  );
  const user = setupUser();
  render(<Insights />);
  const list = await screen.findByRole('list', { name: 'Insights' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  await user.click(screen.getByRole('button', { name: 'Show more' }));
  expect(await within(list).findByText('Third')).toBeInTheDocument();
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
  ).toEqual(['First', 'Second', 'Third']);
  expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  const payloads = forgeBridgeMock.invoke.mock.calls
    .filter((call) => call[0] === 'project/listInsights')
    .map((call) => call[1]);
  expect(payloads).toEqual([{ limit: 2 }, { limit: 2, cursor: 'after-b' }]);
});
