import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { setupUser } from '../../test/user';
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

async function searchFor(user: UserEvent, query: string): Promise<void> {
  const field = screen.getByLabelText('Find a fruit');
  await user.clear(field);
  if (query !== '') await user.type(field, query);
  await user.click(screen.getByRole('button', { name: 'Search' }));
}

async function matches(): Promise<HTMLElement[]> {
  return within(await screen.findByRole('list', { name: 'Matching fruit' })).getAllByRole('listitem');
}

function pick(user: UserEvent, item: HTMLElement | undefined): Promise<void> {
  return user.click(within(item as HTMLElement).getByRole('button', { name: 'Select' }));
}

it('shows the answer to the latest search even when an earlier one answers after it', async () => {
  const answers: Record<string, (items: Fruit[]) => void> = {};
  const find = (query: string): Promise<Fruit[]> =>
    new Promise((resolve) => {
      answers[query] = resolve;
    });
  const user = setupUser();
  render(<Picker find={find} />);
  await searchFor(user, 'apple');
  // While it searches, the Search button shows a spinner and swallows clicks, Enter's
  // implicit one included; the newer search is therefore sent straight to the form.
  const field = screen.getByLabelText('Find a fruit');
  await user.clear(field);
  await user.type(field, 'cherry');
  fireEvent.submit(screen.getByRole('search'));
  await act(() => Promise.resolve(answers['cherry']?.([FRUIT[2] as Fruit])));
  await act(() => Promise.resolve(answers['apple']?.([FRUIT[0] as Fruit])));
  const found = await matches();
  expect(found.map((f) => f.textContent)).toEqual([expect.stringContaining('Cherry')]);
});

it('replaces the single pick with the next one, and unpicks on a second press', async () => {
  const user = setupUser();
  render(<Picker find={() => Promise.resolve(FRUIT)} />);
  await searchFor(user, '');
  const [apple, banana] = await matches();
  await pick(user, apple);
  await pick(user, banana);
  expect(screen.getByText('Picked: Banana')).toBeInTheDocument();
  const selected = within(banana as HTMLElement).getByRole('button', { name: 'Selected' });
  expect(selected).toHaveAttribute('aria-pressed', 'true');
  await user.click(selected);
  expect(screen.getByText('Picked: nothing')).toBeInTheDocument();
});

it('keeps several picks up to the limit and ignores picks past it', async () => {
  const user = setupUser();
  render(<Picker find={() => Promise.resolve(FRUIT)} max={2} />);
  await searchFor(user, '');
  const [apple, banana, cherry] = await matches();
  await pick(user, apple);
  await pick(user, banana);
  await pick(user, cherry);
  expect(screen.getByText('Picked: Apple, Banana')).toBeInTheDocument();
});

it('says why a match cannot be picked instead of offering its button', async () => {
  render(
    <Picker
      find={() => Promise.resolve(FRUIT)}
      blockedBy={(f) => (f.id === 'b' ? 'Out of season' : undefined)}
    />
  );
  await searchFor(setupUser(), '');
  const [, banana] = await matches();
  expect(within(banana as HTMLElement).getByText('Out of season')).toBeInTheDocument();
  expect(within(banana as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
});

it('refuses an empty search when a query is required, and says when nothing matches', async () => {
  const find = jest.fn((_query: string) => Promise.resolve<Fruit[]>([]));
  const user = setupUser();
  render(<Picker find={find} required />);
  await searchFor(user, '   ');
  expect(find).not.toHaveBeenCalled();
  await searchFor(user, ' kiwi ');
  expect(await screen.findByText('No fruit matches “kiwi”.')).toBeInTheDocument();
  expect(find).toHaveBeenCalledWith('kiwi');
});

it('says the search did not answer, with the reason', async () => {
  render(<Picker find={() => Promise.reject(new Error('timed out'))} />);
  await searchFor(setupUser(), 'apple');
  expect(
    await screen.findByText(/Search didn’t answer — try again\. \(The app did not answer \(timed out\)\.\)/)
  ).toBeInTheDocument();
});
