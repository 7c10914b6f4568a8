import { z } from 'zod';
import { AccountInputSchema, ARR_MAX, type Account, type AccountInput } from './account';
import { ValidationError } from './errors';
import { SegmentSchema, type Segment } from './vocabulary';

/**
 * An explicit edit of a shared account (the curator's account form). Unlike a capture,
 * an omitted field is left as it is: an edit never resets revenue or segment to a
 * default. A new account needs its name.
 */
export const AccountEditSchema = z.strictObject({
  key: AccountInputSchema.shape.key,
  name: AccountInputSchema.shape.name.optional(),
  segment: SegmentSchema.optional(),
  arr: z
    .number({ error: 'ARR must be a finite number' })
    .min(0, 'ARR must not be negative')
    .max(ARR_MAX, 'ARR must be at most 1,000,000,000,000')
    .optional()
});

export type AccountEdit = z.output<typeof AccountEditSchema>;

export type AccountField = 'name' | 'segment' | 'arr';

/** One field of an account as it was and as it became (before is absent for a new account). */
export interface AccountFieldChange {
  field: AccountField;
  before?: string | number;
  after: string | number;
}

/**
 * A capture or import that names an account differently from what is stored. The
 * stored value stands (evidence fills gaps, it never overwrites a curated account);
 * the conflict is reported so that a curator can settle it.
 */
export interface AccountConflict {
  accountKey: string;
  field: AccountField;
  stored: string | number;
  given: string | number;
}

/**
 * Applies an explicit edit to an account (or creates it) and lists what changed.
 *
 * @throws ValidationError when a new account has no name.
 */
export function editAccount(
  key: string,
  existing: Account | undefined,
  edit: AccountEdit,
  now: Date
): { account: Account; changes: AccountFieldChange[] } {
  if (!existing) {
    if (edit.name === undefined) {
      throw new ValidationError('A new account needs a name', [
        { path: 'account.name', message: 'Name is required' }
      ]);
    }
    const account: Account = {
      key,
      name: edit.name,
      segment: edit.segment ?? 'unknown',
      arr: edit.arr ?? 0,
      updatedAt: now.toISOString(),
      version: 1
    };
    return {
      account,
      changes: [
        { field: 'name', after: account.name },
        { field: 'segment', after: account.segment },
        { field: 'arr', after: account.arr }
      ]
    };
  }
  const next: Account = { ...existing };
  const changes: AccountFieldChange[] = [];
  if (edit.name !== undefined && edit.name !== existing.name) {
    changes.push({ field: 'name', before: existing.name, after: edit.name });
    next.name = edit.name;
  }
  if (edit.segment !== undefined && edit.segment !== existing.segment) {
    changes.push({ field: 'segment', before: existing.segment, after: edit.segment });
    next.segment = edit.segment;
  }
  if (edit.arr !== undefined && edit.arr !== existing.arr) {
    changes.push({ field: 'arr', before: existing.arr, after: edit.arr });
    next.arr = edit.arr;
  }
  if (changes.length === 0) return { account: existing, changes };
  return { account: { ...next, updatedAt: now.toISOString(), version: existing.version + 1 }, changes };
}

/**
 * The account named by a capture or import, against what is stored: a new account is
 * created as given; a stored one only has its missing fields filled (segment unknown,
 * no revenue), and every other difference is a conflict. `filled` is the account to
 * write, absent when nothing changes.
 */
export function fillAccount(
  key: string,
  existing: Account | undefined,
  input: AccountInput,
  now: Date
): { account: Account; filled?: Account; conflicts: AccountConflict[] } {
  if (!existing) {
    const account: Account = {
      key,
      name: input.name,
      segment: input.segment,
      arr: input.arr,
      updatedAt: now.toISOString(),
      version: 1
    };
    return { account, filled: account, conflicts: [] };
  }
  const conflicts: AccountConflict[] = [];
  const conflict = (field: AccountField, stored: string | number, given: string | number): void => {
    conflicts.push({ accountKey: key, field, stored, given });
  };
  if (input.name !== existing.name) conflict('name', existing.name, input.name);
  let segment: Segment = existing.segment;
  if (input.segment !== 'unknown' && input.segment !== existing.segment) {
    if (existing.segment === 'unknown') segment = input.segment;
    else conflict('segment', existing.segment, input.segment);
  }
  let arr = existing.arr;
  if (input.arr > 0 && input.arr !== existing.arr) {
    if (existing.arr === 0) arr = input.arr;
    else conflict('arr', existing.arr, input.arr);
  }
  if (segment === existing.segment && arr === existing.arr) return { account: existing, conflicts };
  const filled: Account = {
    ...existing,
    segment,
    arr,
    updatedAt: now.toISOString(),
    version: existing.version + 1
  };
  return { account: filled, filled, conflicts };
}
