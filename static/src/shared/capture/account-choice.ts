import { accountKeyOrNull, type Account } from '../../../../src/domain/account';
import type { AccountMatchesView } from '../../../../src/contract/views';

/** Looks accounts up by what was typed (one surface's `…/searchAccounts`). */
export type FindAccounts = (query: string) => Promise<AccountMatchesView>;

/**
 * What the account field's text stands for:
 * - `none`: empty (an anonymous voice) or nothing known yet (no search answered);
 * - `existing`: a stored account, case and spacing aside (a capture joins it, keeping its name);
 * - `new`: a new account the user chose to create;
 * - `undecided`: a name no stored account has, not yet confirmed as new.
 */
export type AccountChoice =
  | { kind: 'none' }
  | { kind: 'existing'; account: Account }
  | { kind: 'new'; name: string }
  | { kind: 'undecided'; name: string };

/**
 * The choice for the field's text, given the latest matches and the name the user
 * confirmed as new (if any). Without matches for this text (the search failed, or is
 * not available to this user), the text is taken as typed.
 */
export function accountChoice(
  text: string,
  matches: { query: string; view: AccountMatchesView } | undefined,
  confirmedNew: string | undefined
): AccountChoice {
  const key = accountKeyOrNull(text);
  if (key === null) return { kind: 'none' };
  if (!matches || accountKeyOrNull(matches.query) !== key) return { kind: 'none' };
  const exact = matches.view.items.find((a) => a.key === matches.view.exact);
  if (exact) return { kind: 'existing', account: exact };
  const name = text.trim();
  return confirmedNew !== undefined && accountKeyOrNull(confirmedNew) === key
    ? { kind: 'new', name }
    : { kind: 'undecided', name };
}
