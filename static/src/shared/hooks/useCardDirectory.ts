import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvidenceCard } from '../../../../src/domain/impact';
import { fetchDisplayNames, fetchIssueRefs, type IssueRef } from '../../api';

/** Shown when Jira cannot tell us who linked a card (lookup failed, account gone). */
export const UNKNOWN_PERSON = 'someone';

export interface CardDirectory {
  /** The display name of whoever linked a card; undefined while it is being looked up. */
  nameOf: (accountId: string) => string | undefined;
  /**
   * The child issue a card came from: undefined while it is being looked up, null when
   * Jira did not return it (hidden from this user, deleted, or the lookup failed).
   */
  issueOf: (issueId: string) => IssueRef | null | undefined;
}

/**
 * Resolves what evidence cards show but the app does not store: who linked each card
 * (display names) and the keys of the child issues cards come from. Asked of Jira as
 * the user, after the cards are on screen, only for ids not asked before (one bulk call
 * of each kind per new page of cards), so it never delays the first paint.
 */
export function useCardDirectory(cards: readonly EvidenceCard[], issueId: string): CardDirectory {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [issues, setIssues] = useState<ReadonlyMap<string, IssueRef | null>>(new Map());
  // Ids already asked for, so a re-render (or StrictMode's second effect) asks nothing twice.
  const askedPeople = useRef(new Set<string>());
  const askedIssues = useRef(new Set<string>());

  useEffect(() => {
    const people = [...new Set(cards.map((c) => c.linkedBy))].filter((id) => !askedPeople.current.has(id));
    const children = [...new Set(cards.map((c) => c.fromIssueId))].filter(
      (id) => id !== issueId && !askedIssues.current.has(id)
    );
    if (people.length > 0) {
      people.forEach((id) => askedPeople.current.add(id));
      fetchDisplayNames(people).then(
        (found) => setNames((m) => merge(m, people, (id) => found.get(id) ?? UNKNOWN_PERSON)),
        () => setNames((m) => merge(m, people, () => UNKNOWN_PERSON))
      );
    }
    if (children.length > 0) {
      children.forEach((id) => askedIssues.current.add(id));
      fetchIssueRefs(children).then(
        (found) => setIssues((m) => merge(m, children, (id) => found.get(id) ?? null)),
        () => setIssues((m) => merge(m, children, () => null))
      );
    }
  }, [cards, issueId]);

  const nameOf = useCallback((accountId: string) => names.get(accountId), [names]);
  const issueOf = useCallback((id: string) => issues.get(id), [issues]);
  return { nameOf, issueOf };
}

function merge<V>(
  map: ReadonlyMap<string, V>,
  ids: readonly string[],
  value: (id: string) => V
): ReadonlyMap<string, V> {
  const next = new Map(map);
  for (const id of ids) next.set(id, value(id));
  return next;
}
