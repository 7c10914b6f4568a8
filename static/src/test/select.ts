import { fireEvent, screen, within } from '@testing-library/react';

/**
 * Picks an option of the Atlaskit Select labelled `label` (react-select in jsdom),
 * once it is there: the project page's selects load in a chunk of their own.
 */
export async function chooseOption(label: string | RegExp, option: string): Promise<void> {
  const input = await screen.findByLabelText(label);
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
  const listbox = screen.getByRole('listbox');
  fireEvent.click(within(listbox).getByText(option));
}
