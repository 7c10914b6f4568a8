import { useEffect, useState } from 'react';
import { accountKeyOrNull } from '../../../../src/domain/account';
import type { AccountMatchesView } from '../../../../src/contract/views';
import { accountChoice, type AccountChoice, type FindAccounts } from './account-choice';

/** A pause in typing before the accounts are looked up: one call per word, not per key. */
const TYPING_PAUSE_MS = 250;

export interface AccountChoiceState {
  /** The latest answer, for the text it was asked about. */
  matches: { query: string; view: AccountMatchesView } | undefined;
  choice: AccountChoice;
  /** The user chose to create the account the text names. */
  confirmNew: () => void;
}

/**
 * Looks up the accounts the account field's text begins with, as the user types; only
 * the answer for the latest text is kept. A failed or refused lookup leaves the field a
 * plain text field (the capture still resolves variants of stored names on the server).
 */
export function useAccountChoice(find: FindAccounts | undefined, text: string): AccountChoiceState {
  const [matches, setMatches] = useState<AccountChoiceState['matches']>(undefined);
  const [confirmedNew, setConfirmedNew] = useState<string | undefined>(undefined);
  const query = text.trim();
  useEffect(() => {
    if (!find || accountKeyOrNull(query) === null) {
      setMatches(undefined);
      return undefined;
    }
    let latest = true;
    const timer = setTimeout(() => {
      find(query).then(
        (view) => {
          if (latest) setMatches({ query, view });
        },
        () => {
          if (latest) setMatches(undefined);
        }
      );
    }, TYPING_PAUSE_MS);
    return () => {
      latest = false;
      clearTimeout(timer);
    };
  }, [find, query]);
  return {
    matches,
    choice: accountChoice(text, matches, confirmedNew),
    confirmNew: () => setConfirmedNew(query)
  };
}
