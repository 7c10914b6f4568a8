import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { setupUser } from '../test/user';
import { Tabs } from './Tabs';

type Id = 'one' | 'two';
const TABS = [
  { id: 'one', label: 'First view' },
  { id: 'two', label: 'Second view' }
] as const;

/** Tabs with their panels, laid out as the project page lays them out. */
function Page(): JSX.Element {
  const [tab, setTab] = useState<Id>('one');
  return (
    <>
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} idPrefix="t" label="Views" />
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`t-panel-${t.id}`}
          aria-labelledby={`t-tab-${t.id}`}
          tabIndex={-1}
          hidden={tab !== t.id}
        >
          {t.label} content
        </div>
      ))}
    </>
  );
}

it('choosing a tab moves focus to the panel it shows', async () => {
  const user = setupUser();
  render(<Page />);
  await user.click(screen.getByRole('tab', { name: 'Second view' }));
  await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Second view' })).toHaveFocus());
});

it('Enter on a tab reached by Tab also moves focus to its panel', async () => {
  const user = setupUser();
  render(<Page />);
  await user.tab();
  expect(screen.getByRole('tab', { name: 'First view' })).toHaveFocus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'First view' })).toHaveFocus());
});

it('the arrow keys move between tabs and leave focus on the tabs', async () => {
  const user = setupUser();
  render(<Page />);
  await user.tab();
  await user.keyboard('{ArrowRight}');
  expect(screen.getByRole('tab', { name: 'Second view' })).toHaveFocus();
  expect(screen.getByRole('tab', { name: 'Second view' })).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('tabpanel', { name: 'Second view' })).toBeVisible();
});
