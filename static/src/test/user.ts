import userEvent, { type UserEvent } from '@testing-library/user-event';

/**
 * A person at the keyboard and mouse. Keys follow each other without a timer between
 * them: typing a whole form key by key is otherwise slow on a busy runner, and no
 * component here reacts to typing speed.
 */
export function setupUser(): UserEvent {
  return userEvent.setup({ delay: null });
}
