import { useCallback, useEffect, useState } from 'react';

interface FocusRequest {
  /** Finds the element to focus, on the page as it stands after the change. */
  target: () => HTMLElement | null | undefined;
  /** Holds once the page shows the change (e.g. the removed item is gone); always, if absent. */
  ready?: () => boolean;
}

/**
 * Moves focus once a change is on the page: after the render in which `ready` holds,
 * to whatever `target` finds then. An action that removes or swaps the focused control
 * (a confirmation closing, an unlinked card leaving) would otherwise drop focus to the
 * page body, and a keyboard or screen reader user would start over from the top.
 * The effect runs after every render of the component that owns the hook, so it must
 * be a component that stays on the page through the change.
 */
export function useFocusAfterRender(): (
  target: FocusRequest['target'],
  ready?: FocusRequest['ready']
) => void {
  const [pending, setPending] = useState<FocusRequest | null>(null);
  useEffect(() => {
    if (pending === null || (pending.ready !== undefined && !pending.ready())) return;
    pending.target()?.focus();
    setPending(null);
  });
  return useCallback((target, ready) => setPending(ready === undefined ? { target } : { target, ready }), []);
}
