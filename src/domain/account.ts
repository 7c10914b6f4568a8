import { z } from 'zod';
import { ValidationError } from './errors';
import { fingerprint } from './fingerprint';
import { SegmentSchema, type Segment } from './vocabulary';

export const ACCOUNT_KEY_MAX = 120;
export const ACCOUNT_NAME_MAX = 120;
/** ARR cap: far above any real customer, low enough to keep score arithmetic exact. */
export const ARR_MAX = 1e12;

/** The smallest ARR above zero: storage refuses floats below 1E-130, and cents are enough. */
export const ARR_MIN_POSITIVE = 0.01;

const KEY_MATERIAL_MESSAGE = 'Must contain at least one letter, digit or symbol';
/** Whether a name or external id yields an account key (see `normaliseAccountKey`). */
function hasKeyMaterial(text: string): boolean {
  return accountKeyOrNull(text) !== null;
}

/** An account as named by a capture, an import or the admin page. */
export const AccountInputSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(1, 'Key must not be empty')
    .max(ACCOUNT_KEY_MAX, `Key must be at most ${ACCOUNT_KEY_MAX} characters`)
    .refine(hasKeyMaterial, KEY_MATERIAL_MESSAGE)
    .optional(),
  name: z
    .string()
    .trim()
    .min(1, 'Name is required')
    .max(ACCOUNT_NAME_MAX, `Name must be at most ${ACCOUNT_NAME_MAX} characters`)
    .refine(hasKeyMaterial, KEY_MATERIAL_MESSAGE),
  segment: SegmentSchema.default('unknown'),
  arr: z
    .number({ error: 'ARR must be a finite number' })
    .min(0, 'ARR must not be negative')
    .max(ARR_MAX, 'ARR must be at most 1,000,000,000,000')
    // Storage keeps floats of magnitude 1E-130 or more only; below a cent is not revenue.
    .refine((arr) => arr === 0 || arr >= ARR_MIN_POSITIVE, 'ARR must be 0 or at least 0.01')
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

/** Longest key kept readable and lossless; longer ones end in a hash (see below). */
export const ACCOUNT_KEY_STORED_MAX = 400;
const HASHED_PREFIX = 360;

/**
 * Characters that name a customer in any script: letters, digits, the marks of
 * non-Latin scripts (a Devanagari vowel sign changes the word), symbols and emoji
 * (`So`, `Sk`: "Rocket 🚀" is not "Rocket 🛸"), and the invisible parts of emoji
 * sequences (zero-width joiner, tag characters of subdivision flags). Punctuation,
 * maths and currency signs are not part of a name ("Acme, Inc." is "Acme Inc").
 */
const NAME_CHAR = /[\p{L}\p{N}\p{M}\p{So}\p{Sk}\u200d\u{e0020}-\u{e007f}]/u;

/** A non-ASCII character in the key: `X` and its code point in 4 base-36 digits, uppercase. */
function escapeChar(ch: string): string {
  return `X${(ch.codePointAt(0) ?? 0).toString(36).toUpperCase().padStart(4, '0')}`;
}

/**
 * The comparable form of a name: lower case, compatibility forms folded (`ｆｕｌｌ` →
 * `full`), accents on Latin letters dropped (é → e), while the marks other scripts
 * need are kept; then recomposed, so one text typed two ways is one name.
 */
function foldName(keyOrName: string): string {
  return keyOrName
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

/**
 * A stable account key from an external id or a display name, so "Acme, Inc." and
 * " acme inc " land on the same account while distinct names never share one.
 *
 * Case, accents on Latin letters, punctuation and runs of spaces or hyphens between
 * words do not count; every letter, digit, mark, symbol and emoji does. ASCII letters
 * and digits and `-_.` inside a word are kept as they are (so keys of ASCII names are
 * the ones earlier versions stored: no migration); any other character is written
 * `X` + 4 uppercase base-36 digits. Lower-case input never yields `X`, so the encoding
 * is lossless: "株" (`X0KKQ`) can no longer meet a name spelt like its escape, as
 * the old `x<hex>` form did ("株" and "x682a" were one account). Keys use only `[a-zA-Z0-9._-]`, which is
 * safe inside storage keys. A key longer than 400 characters (only names of 80 or more
 * non-ASCII characters) keeps its first 360 characters and ends with `H` and a 128-bit
 * fingerprint of the whole; `H` appears in no other key.
 *
 * @throws ValidationError when nothing usable is left (e.g. "!!!").
 */
export function normaliseAccountKey(keyOrName: string): string {
  const key = accountKeyOrNull(keyOrName);
  if (key === null) {
    throw new ValidationError('Invalid account: the key or name has no letters, digits or symbols', [
      { path: 'account.key', message: KEY_MATERIAL_MESSAGE }
    ]);
  }
  return key;
}

/** `normaliseAccountKey`, or null when the text has nothing to make a key from. */
export function accountKeyOrNull(keyOrName: string): string | null {
  let out = '';
  for (const ch of foldName(keyOrName)) {
    if (/[a-z0-9._-]/.test(ch)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else if (NAME_CHAR.test(ch)) out += escapeChar(ch);
    // Anything else is punctuation or a sign: dropped, so "Acme, Inc." == "Acme Inc".
  }
  const key = out
    // Separators only count inside a word ("sf_001.eu"): "Inc." and "Acme - Inc" lose them.
    .replace(/(^|[^a-zA-Z0-9])[._-]+/g, '$1 ')
    .replace(/[._-]+(?=[^a-zA-Z0-9]|$)/g, ' ')
    .trim()
    .replace(/\s+/g, '-');
  if (key === '') return null;
  if (key.length <= ACCOUNT_KEY_STORED_MAX) return key;
  return `${key.slice(0, HASHED_PREFIX)}H${fingerprint(['a', key])}${fingerprint(['b', key])}`;
}
