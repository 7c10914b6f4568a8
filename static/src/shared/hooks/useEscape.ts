import { useCallback, type KeyboardEvent } from 'react';

/**
 * Escape cancels what is open inside the element given the returned `onKeyDown`: a
 * form, a search or a confirmation. A key press that a control inside used for itself
 * (an open menu or suggestion list closing) is left to that control, and the innermost
 * open thing is the only one cancelled, so one press never closes two.
 */
export function useEscape<E extends Element>(
  onEscape: () => void,
  enabled = true
): (event: KeyboardEvent<E>) => void {
  return useCallback(
    (event: KeyboardEvent<E>) => {
      if (!enabled || event.key !== 'Escape' || event.nativeEvent.isComposing) return;
      if (event.defaultPrevented && event.target instanceof Element && ownsPopup(event.target)) return;
      event.stopPropagation();
      onEscape();
    },
    [enabled, onEscape]
  );
}

/** A combobox whose list was open when Escape was pressed: that press closed the list. */
function ownsPopup(target: Element): boolean {
  return target.getAttribute('aria-expanded') === 'true';
}
