import type { AccountConflict } from '../../../src/domain/account-edit';
import type { Segment } from '../../../src/domain/vocabulary';
import { formatMoney, formatNumber } from './format';
import { SEGMENT_LABELS } from './labels';

/** A flag's text: a title and, when there is more to say, a description. */
export interface FlagText {
  title: string;
  description: string;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? one : many}`;
}

/**
 * A delete or merge that a queued job finishes: the change is committed, and the answer
 * says how many links are still to go, so the user is not surprised that the issues'
 * scores move a little later.
 */
export function backgroundFlag(kind: 'delete' | 'merge', pendingLinks: number): FlagText {
  const links = plural(pendingLinks, 'link');
  return kind === 'delete'
    ? {
        title: 'Deleting',
        description: `${links} will be removed in the background. Until then the insight shows as being deleted.`
      }
    : {
        title: 'Merging',
        description: `${links} will be moved in the background. Until then the duplicate shows as being merged.`
      };
}

/**
 * A link call that landed some insights and not others: which were linked, which were
 * not, and why. `nameOf` gives an insight's summary when the caller knows it.
 */
export function partialLinkFlag(
  target: string,
  linked: readonly string[],
  notLinked: readonly string[],
  why: string,
  nameOf: (insightId: string) => string | undefined = () => undefined
): FlagText {
  const names = (ids: readonly string[]): string =>
    ids
      .map((id) => {
        const name = nameOf(id);
        return name === undefined ? 'an insight' : `“${name}”`;
      })
      .join(', ');
  const total = linked.length + notLinked.length;
  const parts = [
    linked.length > 0 ? `Linked: ${names(linked)}.` : 'None was linked.',
    `Not linked: ${names(notLinked)}. ${why}`
  ];
  return {
    title: `Linked ${formatNumber(linked.length, 0)} of ${plural(total, 'insight')} to ${target}`,
    description: parts.join(' ')
  };
}

const FIELD_LABELS: Readonly<Record<AccountConflict['field'], string>> = {
  name: 'name',
  segment: 'segment',
  arr: 'ARR'
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isSegment(value: string): value is Segment {
  return Object.prototype.hasOwnProperty.call(SEGMENT_LABELS, value);
}

/** A stored or typed account value as a person reads it; masked values stay masked. */
function shown(field: AccountConflict['field'], value: string | number): string {
  if (value === 'hidden') return 'hidden';
  if (field === 'arr' && typeof value === 'number') return formatMoney(value);
  if (field === 'segment' && typeof value === 'string' && isSegment(value)) return SEGMENT_LABELS[value];
  return String(value);
}

/**
 * A capture or import that named an account differently from the stored one: the stored
 * values were kept (only curators edit accounts). Shows only what the answer carries,
 * which the backend has already masked for a user who may not see customer identity.
 */
export function accountConflictFlag(conflicts: readonly AccountConflict[], done = 'Saved'): FlagText {
  return {
    title: `${done}; the stored account was kept`,
    description: `${conflicts.map(describeConflict).join('; ')}. A curator can change the account.`
  };
}

/** One kept field, e.g. "Segment stays Enterprise (you entered SMB)". */
export function describeConflict(conflict: AccountConflict, index = 0): string {
  const text = `${FIELD_LABELS[conflict.field]} stays ${shown(conflict.field, conflict.stored)} (you entered ${shown(conflict.field, conflict.given)})`;
  return index === 0 ? capitalised(text) : text;
}
