import { fireEvent, screen, within } from '@testing-library/react';

/** Picks an option of the Atlaskit Select labelled `label` (react-select in jsdom). */
export function chooseOption(label: string | RegExp, option: string): void {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
  const listbox = screen.getByRole('listbox');
  fireEvent.click(within(listbox).getByText(option));
}
