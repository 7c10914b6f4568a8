import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { SearchAndPick } from './SearchAndPick';
import { usePicks } from './usePicks';

// The component reaches the bridge only through the finders it is given; the api
// module it imports for error types still loads the bridge.
jest.mock(
  '@forge/bridge',
  () =>
    jest.requireActual<typeof import('../../test/forge-bridge')>('../../test/forge-bridge').forgeBridgeMock
);

interface Fruit {
  id: string;
  name: string;
}

const idOf = (f: Fruit): string => f.id;

/** A screen around the component: it owns the picks and says what is picked. */
function Picker({
  find,
  max = 1,
  required = false,
  blockedBy
}: {
  find: (query: string) => Promise<Fruit[]>;
  max?: number;
  required?: boolean;
  blockedBy?: (f: Fruit) => string | undefined;
}): JSX.Element {
  const picks = usePicks(idOf, max);
  return (
    <>
      <SearchAndPick
        label="Find a fruit"
        placeholder="Name"
        required={required}
        find={find}
        picks={picks}
        {...(blockedBy === undefined ? {} : { blockedBy })}
        describe={(f) => <span>{f.name}</span>}
        resultsLabel="Matching fruit"
        noMatches={(q) => `No fruit matches “${q}”.`}
        testId="fruit-search"
        itemTestId="fruit"
      />
      <p>Picked: {picks.picked.map((f) => f.name).join(', ') || 'nothing'}</p>
    </>
  );
}

const FRUIT: Fruit[] = [
  { id: 'a', name: 'Apple' },
  { id: 'b', name: 'Banana' },
  { id: 'c', name: 'Cherry' }
];

function searchFor(query: string): void {
  fireEvent.change(screen.getByLabelText('Find a fruit'), { target: { value: query } });
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
}

async function matches(): Promise<HTMLElement[]> {
  return within(await screen.findByRole('list', { name: 'Matching fruit' })).getAllByRole('listitem');
}

function pick(item: HTMLElement | undefined): void {
  fireEvent.click(within(item as HTMLElement).getByRole('button', { name: 'Select' }));
}

it('shows the answer to the latest search even when an earlier one answers after it', async () => {
  const answers: Record<string, (items: Fruit[]) => void> = {};
  const find = (query: string): Promise<Fruit[]> =>
    new Promise((resolve) => {
      answers[query] = resolve;
    });
  render(<Picker find={find} />);
  searchFor('apple');
  // While it searches the button shows a spinner; Enter in the field searches again.
  fireEvent.change(screen.getByLabelText('Find a fruit'), { target: { value: 'cherry' } });
  fireEvent.submit(screen.getByRole('search'));
  await act(() => Promise.resolve(answers['cherry']?.([FRUIT[2] as Fruit])));
  await act(() => Promise.resolve(answers['apple']?.([FRUIT[0] as Fruit])));
  const found = await matches();
  expect(found.map((f) => f.textContent)).toEqual([expect.stringContaining('Cherry')]);
});

it('replaces the single pick with the next one, and unpicks on a second press', async () => {
  render(<Picker find={() => Promise.resolve(FRUIT)} />);
  searchFor('');
  const [apple, banana] = await matches();
  pick(apple);
  pick(banana);
  expect(screen.getByText('Picked: Banana')).toBeInTheDocument();
  const selected = within(banana as HTMLElement).getByRole('button', { name: 'Selected' });
  expect(selected).toHaveAttribute('aria-pressed', 'true');
  fireEvent.click(selected);
  expect(screen.getByText('Picked: nothing')).toBeInTheDocument();
});

it('keeps several picks up to the limit and ignores picks past it', async () => {
  render(<Picker find={() => Promise.resolve(FRUIT)} max={2} />);
  searchFor('');
  const [apple, banana, cherry] = await matches();
  pick(apple);
  pick(banana);
  pick(cherry);
  expect(screen.getByText('Picked: Apple, Banana')).toBeInTheDocument();
});

it('says why a match cannot be picked instead of offering its button', async () => {
  render(
    <Picker
      find={() => Promise.resolve(FRUIT)}
      blockedBy={(f) => (f.id === 'b' ? 'Out of season' : undefined)}
    />
  );
  searchFor('');
  const [, banana] = await matches();
  expect(within(banana as HTMLElement).getByText('Out of season')).toBeInTheDocument();
  expect(within(banana as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
});

it('refuses an empty search when a query is required, and says when nothing matches', async () => {
  const find = jest.fn((_query: string) => Promise.resolve<Fruit[]>([]));
  render(<Picker find={find} required />);
  searchFor('   ');
  expect(find).not.toHaveBeenCalled();
  searchFor(' kiwi ');
  expect(await screen.findByText('No fruit matches “kiwi”.')).toBeInTheDocument();
  expect(find).toHaveBeenCalledWith('kiwi');
});

it('says the search did not answer, with the reason', async () => {
  render(<Picker find={() => Promise.reject(new Error('timed out'))} />);
  searchFor('apple');
  expect(
    await screen.findByText(/Search didn’t answer — try again\. \(The app did not answer \(timed out\)\.\)/)
  ).toBeInTheDocument();
});
