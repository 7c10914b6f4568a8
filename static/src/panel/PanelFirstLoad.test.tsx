import { screen, waitFor, within } from '@testing-library/react';
import type { PanelView } from '../../../src/contract/views';
import { card, view } from '../test/fixtures';
import { fail, forgeBridgeMock, ok, onResolver, resetBridge } from '../test/forge-bridge';
import { evidenceCards, findEvidenceCards } from '../test/panel-screen';
import { renderWithQueries as render } from '../test/render';
import { setupUser } from '../test/user';
import { startPanelLoad } from './first-load';
import { PanelApp } from './PanelApp';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('../test/forge-bridge')>('../test/forge-bridge').forgeBridgeMock
);

/** The panel's opening reads, as the boot script hands them over before React renders. */

beforeEach(() => {
  resetBridge();
  onResolver('panel/getAccess', () => ok({ canEdit: true, canContribute: true, canCurate: false }));
});

function evidenceCalls(): number {
  return forgeBridgeMock.invoke.mock.calls.filter((c) => c[0] === 'panel/getEvidence').length;
}

it('shows evidence that arrived before React on the first render, without asking again', async () => {
  onResolver('panel/getEvidence', () => ok(view([card({ summary: 'Exports time out' })])));
  const first = startPanelLoad();
  await Promise.all([first.evidence, first.access]);
  render(<PanelApp first={first} />);
  // No waiting: the first render already has the answer.
  expect(within(evidenceCards()[0] as HTMLElement).getByText('Exports time out')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Unlink' })).toBeInTheDocument();
  expect(evidenceCalls()).toBe(1);
  expect(await screen.findByText(/^Linked by someone /)).toBeInTheDocument();
});

it('waits for reads still on their way instead of sending them again', async () => {
  let answer: (value: ReturnType<typeof ok<PanelView>>) => void = () => undefined;
  onResolver('panel/getEvidence', () => new Promise((resolve) => (answer = resolve)));
  const first = startPanelLoad();
  render(<PanelApp first={first} />);
  expect(screen.getByRole('status')).toHaveTextContent('Loading customer evidence');
  await waitFor(() => expect(evidenceCalls()).toBe(1));
  answer(ok(view([card({ summary: 'Slow search' })])));
  const [only] = await findEvidenceCards();
  expect(within(only as HTMLElement).getByText('Slow search')).toBeInTheDocument();
  expect(evidenceCalls()).toBe(1);
});

it('asks again when the person retries a failed first read', async () => {
  let calls = 0;
  onResolver('panel/getEvidence', () =>
    ++calls === 1 ? fail('UPSTREAM_FAILED', 'KVS timed out') : ok(view([card({ summary: 'Second try' })]))
  );
  const first = startPanelLoad();
  const user = setupUser();
  render(<PanelApp first={first} />);
  const error = await screen.findByRole('alert');
  await user.click(within(error).getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Second try')).toBeInTheDocument();
  expect(calls).toBe(2);
});
