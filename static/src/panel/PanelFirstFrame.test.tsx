import { screen, waitFor, within } from '@testing-library/react';
import type { PanelView } from '../../../src/contract/views';
import { card, view } from '../test/fixtures';
import { fail, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { renderWithQueries as render } from '../test/render';
import { showFirstFrame } from './first-frame';
import { startPanelLoad, withFirstFrame } from './first-load';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

/** The boot script's first frame: the evidence in plain DOM before React, then React's own. */

const FIVE_CARDS = [
  'Exports time out',
  'SSO loops',
  'Search misses tags',
  'Slow board',
  'Dark mode glare'
].map((summary, i) => card({ insightId: `ins-${i}`, summary, quote: `Quote number ${i}: it hurts.` }));

let root: HTMLElement;

beforeEach(() => {
  resetBridge();
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
  // The page's #root, as static/panel/index.html has it.
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
});

afterEach(() => {
  document.body.replaceChildren();
});

function quotesIn(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('blockquote')?.textContent ?? '');
}

it('shows the score and the first cards as soon as the evidence answers, before the panel has loaded', async () => {
  onResolver('panel/getEvidence', () => ok(view(FIVE_CARDS)));
  withFirstFrame(startPanelLoad(), showFirstFrame);
  const list = await screen.findByRole('list', { name: 'Evidence (5)' });
  expect(quotesIn(list)).toEqual([
    'Quote number 0: it hurts.',
    'Quote number 1: it hurts.',
    'Quote number 2: it hurts.'
  ]);
  expect(screen.getByRole('heading', { name: 'Exports time out' })).toBeInTheDocument();
  expect(screen.getByRole('group', { name: 'Customer impact' })).toHaveTextContent('12.4');
  // Read-only until the panel knows the person may edit: nothing to click that would not work.
  expect(screen.queryByRole('button', { name: 'Unlink' })).not.toBeInTheDocument();
  expect(root).not.toBeVisible();
});

it('gives way to the panel once it shows the same evidence, leaving one list of cards', async () => {
  onResolver('panel/getEvidence', () => ok(view(FIVE_CARDS)));
  const first = withFirstFrame(startPanelLoad(), showFirstFrame);
  const framed = quotesIn(await screen.findByRole('list', { name: 'Evidence (5)' }));
  render(<PanelApp first={first} />, { container: root });
  expect((await screen.findAllByRole('button', { name: 'Unlink' })).length).toBeGreaterThan(0);
  const [list, ...others] = screen.getAllByRole('list', { name: 'Evidence (5)' });
  expect(others).toHaveLength(0);
  expect(root).toBeVisible();
  // The panel's own cards start with the very cards the first frame showed, in its order.
  expect(quotesIn(list as HTMLElement).slice(0, 3)).toEqual(framed);
});

it('paints nothing early for an issue without evidence: the panel shows its empty state', async () => {
  onResolver('panel/getEvidence', () => ok<PanelView>({ ...view([]), impact: null }));
  const first = withFirstFrame(startPanelLoad(), showFirstFrame);
  await first.evidence;
  expect(root).toBeVisible();
  render(<PanelApp first={first} />, { container: root });
  expect(await screen.findByText(/No customer evidence/i)).toBeInTheDocument();
  expect(screen.queryByRole('list')).not.toBeInTheDocument();
});

it('paints nothing early when the read fails: the panel says so and offers a retry', async () => {
  onResolver('panel/getEvidence', () => fail('UPSTREAM_FAILED', 'KVS timed out'));
  const first = withFirstFrame(startPanelLoad(), showFirstFrame);
  await expect(first.evidence).rejects.toThrow();
  render(<PanelApp first={first} />, { container: root });
  const error = await screen.findByRole('alert');
  expect(within(error).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  await waitFor(() => expect(root).toBeVisible());
});
