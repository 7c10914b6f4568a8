import { createContext, useContext } from 'react';

/**
 * Whether the tab a component is in is the one shown. Kept tabs stay mounted while
 * hidden; their queries pause, so what went stale meanwhile is fetched once, on return.
 */
export const TabShown = createContext(true);

export function useTabShown(): boolean {
  return useContext(TabShown);
}
