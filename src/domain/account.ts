import { z } from 'zod';
import { ValidationError } from './errors';
import { SegmentSchema, type Segment } from './vocabulary';

export const ACCOUNT_KEY_MAX = 120;
export const ACCOUNT_NAME_MAX = 120;
/** ARR cap: far above any real customer, low enough to keep score arithmetic exact. */
export const ARR_MAX = 1e12;

/** An account as named by a capture, an import or the admin page. */
export const AccountInputSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(1, 'Key must not be empty')
    .max(ACCOUNT_KEY_MAX, `Key must be at most ${ACCOUNT_KEY_MAX} characters`)
    .optional(),
  name: z
    .string()
    .trim()
    .min(1, 'Name is required')
    .max(ACCOUNT_NAME_MAX, `Name must be at most ${ACCOUNT_NAME_MAX} characters`),
  segment: SegmentSchema.default('unknown'),
  arr: z
    .number({ error: 'ARR must be a finite number' })
    .min(0, 'ARR must not be negative')
    .max(ARR_MAX, 'ARR must be at most 1,000,000,000,000')
    .default(0)
});

export type AccountInput = z.output<typeof AccountInputSchema>;

/** A customer account as stored; `key` is the normalised external id or name. */
export interface Account {
  key: string;
  name: string;
  segment: Segment;
  arr: number;
  updatedAt: string;
  version: number;
}

/**
 * A stable account key from an external id or a display name, so "Acme, Inc." and
 * " acme inc " land on the same account. Lowercases, folds accents (é → e), strips
 * punctuation and symbols except `-_.` (which survive only inside a token, so the dot
 * of "Inc." goes), collapses whitespace to single `-`, caps at 120 characters. The result only ever contains `[a-z0-9._-]`, which is safe inside
 * storage keys. Letters and digits of non-Latin scripts are kept as `x<hex>` code
 * points rather than dropped, so names like "株式会社" still get distinct keys.
 *
 * @throws ValidationError when nothing usable is left (e.g. "!!!").
 */
export function normaliseAccountKey(keyOrName: string): string {
  const folded = keyOrName.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of folded) {
    if (/[a-z0-9._-]/.test(ch)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else if (/[\p{L}\p{N}]/u.test(ch)) out += `x${(ch.codePointAt(0) ?? 0).toString(16)}`;
    // Anything else is punctuation or a symbol: dropped, so "Acme, Inc." == "Acme Inc".
  }
  const key = out
    // Separators only count inside a token ("sf_001.eu"): "Inc." and "Acme - Inc" lose them.
    .replace(/(^|[^a-z0-9])[._-]+/g, '$1 ')
    .replace(/[._-]+(?=[^a-z0-9]|$)/g, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, ACCOUNT_KEY_MAX)
    .replace(/[._-]+$/, '');
  if (key === '') {
    throw new ValidationError('Invalid account: the key or name has no letters or digits', [
      { path: 'account.key', message: 'Must contain at least one letter or digit' }
    ]);
  }
  return key;
}
