import { useState } from 'react';

export interface Picks<T> {
  picked: readonly T[];
  isPicked: (item: T) => boolean;
  /** Picks the item, or unpicks it when it is already picked. */
  toggle: (item: T) => void;
  keyOf: (item: T) => string;
}

/**
 * What the user picked from search results. Picks are kept whole (not just their keys)
 * so they survive a new search that no longer lists them. With `max` 1 a new pick
 * replaces the old one; with more, picks past `max` (a contract limit) are ignored.
 */
export function usePicks<T>(keyOf: (item: T) => string, max = 1): Picks<T> {
  const [picked, setPicked] = useState<readonly T[]>([]);
  const isPicked = (item: T): boolean => picked.some((p) => keyOf(p) === keyOf(item));
  const toggle = (item: T): void =>
    setPicked((current) => {
      const key = keyOf(item);
      if (current.some((p) => keyOf(p) === key)) return current.filter((p) => keyOf(p) !== key);
      if (max === 1) return [item];
      return current.length < max ? [...current, item] : current;
    });
  return { picked, isPicked, toggle, keyOf };
}
